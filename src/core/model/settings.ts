import * as z from 'zod/mini';
import { CalendarDateSchema } from './calendarDate';
import { AwardLevelSchema } from './award';

/** A classification band (xếp loại): reached when total / max total ≥ minShare. */
export const ClassificationBandSchema = z.object({
  label: z.string().check(z.minLength(1)),
  minShare: z.number().check(z.gte(0), z.lte(1)),
});
export type ClassificationBand = z.infer<typeof ClassificationBandSchema>;

export const DEFAULT_CLASSIFICATION_BANDS: ClassificationBand[] = [
  { label: 'Xuất sắc', minShare: 0.95 },
  { label: 'Tốt', minShare: 0.85 },
  { label: 'Khá', minShare: 0.7 },
];
export const DEFAULT_FALLBACK_CLASSIFICATION = 'Trung bình';

/**
 * Tie-break keys (tiêu chí phụ khi bằng điểm), applied in order to units with equal totals.
 * Units still equal after the whole chain share a rank.
 */
export const TieBreakKeySchema = z.discriminatedUnion('kind', [
  /** Higher subtotal of the named criterion group first. */
  z.object({ kind: z.literal('groupSubtotal'), group: z.string().check(z.minLength(1)) }),
  /** Fewer penalty points first. */
  z.object({ kind: z.literal('fewerPenalty') }),
  /** More criteria scored at their maximum first. */
  z.object({ kind: z.literal('moreCriteriaAtMax') }),
  /** More bonus points first. */
  z.object({ kind: z.literal('moreBonus') }),
]);
export type TieBreakKey = z.infer<typeof TieBreakKeySchema>;

/** How cross scores (chấm chéo) of several scorers combine into one score per criterion. */
export const CrossAggregationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mean') }),
  /** Drop the `drop` highest and `drop` lowest before the mean, when enough scores remain. */
  z.object({ method: z.literal('trimmedMean'), drop: z._default(z.int().check(z.gte(1)), 1) }),
]);
export type CrossAggregation = z.infer<typeof CrossAggregationSchema>;

/**
 * Award proposals within quotas: the flag (Cờ thi đua) for the first `flag.count` units if they
 * reach `flag.requiredClassification`; certificates (Bằng khen) for the next `certificate.count`
 * units, or the next `certificate.share` of the members (rounded down), among those whose
 * classification is in `certificate.allowedClassifications`.
 */
export const ProposalQuotasSchema = z.object({
  flag: z.prefault(
    z.object({
      form: z._default(z.string(), 'Cờ thi đua'),
      count: z._default(z.int().check(z.gte(0)), 1),
      requiredClassification: z._default(z.string(), 'Xuất sắc'),
    }),
    {},
  ),
  certificate: z.prefault(
    z.object({
      form: z._default(z.string(), 'Bằng khen'),
      count: z.optional(z.int().check(z.gte(0))),
      share: z.optional(z.number().check(z.gte(0), z.lte(1))),
      allowedClassifications: z._default(z.array(z.string()), ['Xuất sắc', 'Tốt']),
    }),
    { count: 2 },
  ),
});
export type ProposalQuotas = z.infer<typeof ProposalQuotasSchema>;

/**
 * Vote threshold (ngưỡng bình xét): a nominee is elected when yes-votes are more than
 * (`greaterThan`) or at least (`atLeast`) `share` of the base, the base being all members of the
 * cluster or the valid ballots. A quorum (share of members who cast a ballot) may be required.
 */
export const VoteRuleSchema = z.object({
  share: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
  comparison: z._default(z.enum(['greaterThan', 'atLeast']), 'greaterThan'),
  base: z._default(z.enum(['members', 'validBallots']), 'members'),
  quorumShare: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
  /** Members present at the meeting (số thành viên có mặt); unset: the ballots cast. */
  attendance: z.optional(z.int().check(z.gte(0))),
});
export type VoteRule = z.infer<typeof VoteRuleSchema>;

/**
 * State-level awards a cluster registers are the Prime Minister's (Bằng khen, Cờ thi đua của
 * Chính phủ, Chiến sĩ thi đua toàn quốc), conferred in the capital; orders and medals are the
 * President's and have no default template, so their rows name their issuer themselves.
 */
export const DEFAULT_STATE_ISSUER = 'THỦ TƯỚNG CHÍNH PHỦ';
export const DEFAULT_STATE_PLACE = 'Hà Nội';

/** The cluster's settings for one year (Cấu hình). */
export const ClusterSettingsSchema = z.object({
  clusterName: z.string().check(z.minLength(1)),
  year: z.int().check(z.gte(2000), z.lte(2200)),
  /** The body that issues the cluster's documents, e.g. "UBND QUẬN HAI BÀ TRƯNG". */
  issuingBody: z._default(z.string(), ''),
  /** Place for the date line of documents, e.g. "Hà Nội". */
  place: z._default(z.string(), ''),
  /** e.g. "20/KH-UBND" */
  planNumber: z._default(z.string(), ''),
  planDate: z.optional(CalendarDateSchema),
  classificationBands: z._default(z.array(ClassificationBandSchema), DEFAULT_CLASSIFICATION_BANDS),
  fallbackClassification: z._default(z.string(), DEFAULT_FALLBACK_CLASSIFICATION),
  quotas: z.prefault(ProposalQuotasSchema, {}),
  tieBreak: z._default(z.array(TieBreakKeySchema), [
    { kind: 'fewerPenalty' },
    { kind: 'moreCriteriaAtMax' },
  ]),
  rankingMethod: z._default(z.enum(['competition', 'dense']), 'competition'),
  crossAggregation: z._default(CrossAggregationSchema, { method: 'mean' }),
  /** Whether cross scores count at all: when set, they replace self scores where no verified score exists. */
  useCrossScores: z._default(z.boolean(), false),
  /** A missing score is reported; it counts as 0 only when this says 'zero'. */
  missingScorePolicy: z._default(z.enum(['report', 'zero']), 'report'),
  scoringClosed: z._default(z.boolean(), false),
  vote: z.prefault(VoteRuleSchema, {}),
  /**
   * Documents (DESIGN §3, §5): Drive ids (or links) of the Docs templates, the output folder, and
   * the links the pledge action writes back. Blank template ids are filled by the default
   * templates; a blank folder by "Văn bản thi đua <năm>" next to the workbook.
   */
  jointPledgeTemplate: z._default(z.string(), ''),
  unitPledgeTemplate: z._default(z.string(), ''),
  meritCertificateTemplate: z._default(z.string(), ''),
  honorCertificateTemplate: z._default(z.string(), ''),
  flagCertificateTemplate: z._default(z.string(), ''),
  titleCertificateTemplate: z._default(z.string(), ''),
  documentsFolder: z._default(z.string(), ''),
  /** Whether "Tạo bản giao ước" also makes one pledge per member unit. */
  unitPledges: z._default(z.boolean(), false),
  /** Whether the nomination vote is held in a Google Form that collects no e-mail (bỏ phiếu kín). */
  secretVote: z._default(z.boolean(), false),
  pledgeDocLink: z._default(z.string(), ''),
  pledgePdfLink: z._default(z.string(), ''),
  /** Certificates: one Doc + PDF per recipient, or combined print files of N certificates. */
  certificateMode: z._default(z.enum(['perRecipient', 'combined']), 'perRecipient'),
  certificatesPerFile: z._default(z.int().check(z.gte(1), z.lte(500)), 100),
  certificateEmail: z._default(z.boolean(), false),
  /**
   * Who awards at each level (certificates/issuer.ts): the level of this workbook's own body,
   * whose certificates inherit issuingBody, place and the default signer; the body and place of
   * the other levels, for rows that leave them blank and rows the ranking fills.
   */
  ownAwardLevel: z._default(AwardLevelSchema, 'base'),
  signerTitle: z._default(z.string(), ''),
  signerName: z._default(z.string(), ''),
  stateIssuer: z._default(z.string(), DEFAULT_STATE_ISSUER),
  statePlace: z._default(z.string(), DEFAULT_STATE_PLACE),
  provinceIssuer: z._default(z.string(), ''),
  provincePlace: z._default(z.string(), ''),
  baseIssuer: z._default(z.string(), ''),
  basePlace: z._default(z.string(), ''),
  /** The pledge's number ("01") and symbol ("GƯTĐ-CTĐ1"): "Số: 01/GƯTĐ-CTĐ1". */
  pledgeNumber: z._default(z.string(), ''),
  pledgeSymbol: z._default(z.string(), ''),
  /** The day the pledge is signed, printed on it; unset: left blank to be written by hand. */
  signingDate: z.optional(CalendarDateSchema),
  /** The "Căn cứ" lines; empty: those of the texts in force (src/core/documents/legalBases.ts). */
  legalBases: z._default(z.array(z.string()), []),
  /** The superior body's representative who witnesses the signing. */
  witnessTitle: z._default(z.string(), ''),
  witnessName: z._default(z.string(), ''),
  /** The year-end dossier (layout/dossierSettings.ts): the nomination meeting and the documents. */
  meetingDate: z.optional(CalendarDateSchema),
  meetingTime: z._default(z.string(), ''),
  meetingPlace: z._default(z.string(), ''),
  meetingSecretary: z._default(z.string(), ''),
  ballotCounters: z._default(z.array(z.string()), []),
  dossierAddressee: z._default(z.string(), ''),
  minutesNumber: z._default(z.string(), ''),
  submissionNumber: z._default(z.string(), ''),
  noticeNumber: z._default(z.string(), ''),
  draftDecisionNumber: z._default(z.string(), ''),
  minutesTemplate: z._default(z.string(), ''),
  submissionTemplate: z._default(z.string(), ''),
  draftDecisionTemplate: z._default(z.string(), ''),
  noticeTemplate: z._default(z.string(), ''),
  minutesLink: z._default(z.string(), ''),
  submissionLink: z._default(z.string(), ''),
  draftDecisionLink: z._default(z.string(), ''),
  noticeLink: z._default(z.string(), ''),
  /** Full template, or only the fields of Vị trí in phôi on pre-printed paper; offsets in mm. */
  certificatePrint: z._default(z.enum(['template', 'preprinted']), 'template'),
  preprintedOffsetX: z._default(z.number().check(z.gte(-50), z.lte(50)), 0),
  preprintedOffsetY: z._default(z.number().check(z.gte(-50), z.lte(50)), 0),
});
export type ClusterSettings = z.infer<typeof ClusterSettingsSchema>;
/** Settings as a user may give them: everything with a default may be left out. */
export type ClusterSettingsInput = z.input<typeof ClusterSettingsSchema>;
