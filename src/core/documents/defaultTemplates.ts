/**
 * The default Docs templates that ship with the product (DESIGN §3, §5), as data: the joint
 * pledge, the per-unit pledge, Giấy khen, Bằng khen, the certificate of a Cờ thi đua and the
 * Giấy chứng nhận of an emulation title. Layout after Decree 30/2020/NĐ-CP,
 * Appendix I: A4, margins 20/20/30/15 mm, Times New Roman, body 13 pt justified; the issuing body
 * in bold capitals top left; the national title in bold capitals (12 pt) over the motto (bold,
 * 13 pt, underlined) top right; the place and date line in italics; signatures with the title in
 * bold capitals and the name in bold. Users may point Cấu hình at their own templates instead.
 *
 * The templates themselves live in pledgeTemplates.ts and certificateTemplates.ts, built from the
 * shared pieces of decree30Blocks.ts; this module is the registry of them that set-up, Cấu hình
 * and the actions read. Unit tests dry-run every template against its schema.
 */
import type { DocSpec } from './docSpec';
import { JOINT_PLEDGE_TEMPLATE, UNIT_PLEDGE_TEMPLATE } from './pledgeTemplates';
import {
  FLAG_CERTIFICATE_TEMPLATE,
  HONOR_CERTIFICATE_TEMPLATE,
  MERIT_CERTIFICATE_TEMPLATE,
  TITLE_CERTIFICATE_TEMPLATE,
} from './certificateTemplates';
import {
  DRAFT_DECISION_TEMPLATE,
  MINUTES_TEMPLATE,
  NOTICE_TEMPLATE,
  SUBMISSION_TEMPLATE,
} from './dossierTemplates';

export { JOINT_PLEDGE_TEMPLATE, UNIT_PLEDGE_TEMPLATE } from './pledgeTemplates';
export {
  CERTIFICATE_REQUIREMENTS,
  CERTIFICATE_SCHEMA,
  FLAG_CERTIFICATE_TEMPLATE,
  HONOR_CERTIFICATE_TEMPLATE,
  MERIT_CERTIFICATE_TEMPLATE,
  TITLE_CERTIFICATE_TEMPLATE,
} from './certificateTemplates';

/** Which Cấu hình row records each default template's id. */
export type TemplateKind =
  | 'jointPledge'
  | 'unitPledge'
  | 'meritCertificate'
  | 'honorCertificate'
  | 'flagCertificate'
  | 'titleCertificate'
  | 'minutes'
  | 'submission'
  | 'draftDecision'
  | 'notice';

export type DefaultTemplate = {
  readonly kind: TemplateKind;
  /** SETTING_ROWS key of the row holding the Doc's id. */
  readonly settingKey:
    | 'jointPledgeTemplate'
    | 'unitPledgeTemplate'
    | 'meritCertificateTemplate'
    | 'honorCertificateTemplate'
    | 'flagCertificateTemplate'
    | 'titleCertificateTemplate'
    | 'minutesTemplate'
    | 'submissionTemplate'
    | 'draftDecisionTemplate'
    | 'noticeTemplate';
  /** Vietnamese, for messages. */
  readonly label: string;
  readonly spec: DocSpec;
  /** Made by set-up (default); the dossier's are made when «Lập hồ sơ bình xét» first needs them. */
  readonly atSetup?: false;
};

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    kind: 'jointPledge',
    settingKey: 'jointPledgeTemplate',
    label: 'Mẫu giao ước chung',
    spec: JOINT_PLEDGE_TEMPLATE,
  },
  {
    kind: 'unitPledge',
    settingKey: 'unitPledgeTemplate',
    label: 'Mẫu giao ước từng đơn vị',
    spec: UNIT_PLEDGE_TEMPLATE,
  },
  {
    kind: 'meritCertificate',
    settingKey: 'meritCertificateTemplate',
    label: 'Mẫu Giấy khen',
    spec: MERIT_CERTIFICATE_TEMPLATE,
  },
  {
    kind: 'honorCertificate',
    settingKey: 'honorCertificateTemplate',
    label: 'Mẫu Bằng khen',
    spec: HONOR_CERTIFICATE_TEMPLATE,
  },
  {
    kind: 'flagCertificate',
    settingKey: 'flagCertificateTemplate',
    label: 'Mẫu Cờ thi đua',
    spec: FLAG_CERTIFICATE_TEMPLATE,
  },
  {
    kind: 'titleCertificate',
    settingKey: 'titleCertificateTemplate',
    label: 'Mẫu Giấy chứng nhận danh hiệu thi đua',
    spec: TITLE_CERTIFICATE_TEMPLATE,
  },
  {
    kind: 'minutes',
    settingKey: 'minutesTemplate',
    label: 'Mẫu biên bản họp bình xét',
    spec: MINUTES_TEMPLATE,
    atSetup: false,
  },
  {
    kind: 'submission',
    settingKey: 'submissionTemplate',
    label: 'Mẫu tờ trình đề nghị khen thưởng',
    spec: SUBMISSION_TEMPLATE,
    atSetup: false,
  },
  {
    kind: 'draftDecision',
    settingKey: 'draftDecisionTemplate',
    label: 'Mẫu dự thảo quyết định khen thưởng',
    spec: DRAFT_DECISION_TEMPLATE,
    atSetup: false,
  },
  {
    kind: 'notice',
    settingKey: 'noticeTemplate',
    label: 'Mẫu thông báo kết quả bình xét',
    spec: NOTICE_TEMPLATE,
    atSetup: false,
  },
];

export function defaultTemplate(kind: TemplateKind): DefaultTemplate {
  const found = DEFAULT_TEMPLATES.find((t) => t.kind === kind);
  if (found === undefined) throw new Error(`no default template ${kind}`);
  return found;
}
