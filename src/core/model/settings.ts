import { z } from 'zod';
import { CalendarDateSchema } from './calendarDate';

/** A classification band (xếp loại): reached when total / max total ≥ minShare. */
export const ClassificationBandSchema = z.object({
  label: z.string().min(1),
  minShare: z.number().min(0).max(1),
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
  z.object({ kind: z.literal('groupSubtotal'), group: z.string().min(1) }),
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
  z.object({ method: z.literal('trimmedMean'), drop: z.number().int().min(1).default(1) }),
]);
export type CrossAggregation = z.infer<typeof CrossAggregationSchema>;

/**
 * Award proposals within quotas: the flag (Cờ thi đua) for the first `flag.count` units if they
 * reach `flag.requiredClassification`; certificates (Bằng khen) for the next `certificate.count`
 * units, or the next `certificate.share` of the members (rounded down), among those whose
 * classification is in `certificate.allowedClassifications`.
 */
export const ProposalQuotasSchema = z.object({
  flag: z
    .object({
      form: z.string().default('Cờ thi đua'),
      count: z.number().int().nonnegative().default(1),
      requiredClassification: z.string().default('Xuất sắc'),
    })
    .prefault({}),
  certificate: z
    .object({
      form: z.string().default('Bằng khen'),
      count: z.number().int().nonnegative().optional(),
      share: z.number().min(0).max(1).optional(),
      allowedClassifications: z.array(z.string()).default(['Xuất sắc', 'Tốt']),
    })
    .prefault({ count: 2 }),
});
export type ProposalQuotas = z.infer<typeof ProposalQuotasSchema>;

/**
 * Vote threshold (ngưỡng bình xét): a nominee is elected when yes-votes are more than
 * (`greaterThan`) or at least (`atLeast`) `share` of the base, the base being all members of the
 * cluster or the valid ballots. A quorum (share of members who cast a ballot) may be required.
 */
export const VoteRuleSchema = z.object({
  share: z.number().min(0).max(1).default(0.5),
  comparison: z.enum(['greaterThan', 'atLeast']).default('greaterThan'),
  base: z.enum(['members', 'validBallots']).default('members'),
  quorumShare: z.number().min(0).max(1).default(0),
});
export type VoteRule = z.infer<typeof VoteRuleSchema>;

/** The cluster's settings for one year (Cấu hình). */
export const ClusterSettingsSchema = z.object({
  clusterName: z.string().min(1),
  year: z.number().int().min(2000).max(2200),
  /** The body that issues the cluster's documents, e.g. "UBND QUẬN HAI BÀ TRƯNG". */
  issuingBody: z.string().default(''),
  /** Place for the date line of documents, e.g. "Hà Nội". */
  place: z.string().default(''),
  /** e.g. "20/KH-UBND" */
  planNumber: z.string().default(''),
  planDate: CalendarDateSchema.optional(),
  classificationBands: z.array(ClassificationBandSchema).default(DEFAULT_CLASSIFICATION_BANDS),
  fallbackClassification: z.string().default(DEFAULT_FALLBACK_CLASSIFICATION),
  quotas: ProposalQuotasSchema.prefault({}),
  tieBreak: z
    .array(TieBreakKeySchema)
    .default([{ kind: 'fewerPenalty' }, { kind: 'moreCriteriaAtMax' }]),
  rankingMethod: z.enum(['competition', 'dense']).default('competition'),
  crossAggregation: CrossAggregationSchema.default({ method: 'mean' }),
  /** Whether cross scores count at all: when set, they replace self scores where no verified score exists. */
  useCrossScores: z.boolean().default(false),
  /** A missing score is reported; it counts as 0 only when this says 'zero'. */
  missingScorePolicy: z.enum(['report', 'zero']).default('report'),
  scoringClosed: z.boolean().default(false),
  vote: VoteRuleSchema.prefault({}),
});
export type ClusterSettings = z.infer<typeof ClusterSettingsSchema>;
/** Settings as a user may give them: everything with a default may be left out. */
export type ClusterSettingsInput = z.input<typeof ClusterSettingsSchema>;
