/**
 * Certificate generation decisions (pure): which register rows a run takes, the merge record of a
 * row, which template prints it, how rows are grouped into combined print files, what each row's
 * status, link and error cells say. src/gas/certificates executes them through the job runner.
 *
 * The register's Trạng thái column is the job's queue: a run marks the rows it takes "Đang chờ",
 * each chunk turns them into "Đã tạo …" or "Lỗi"; a row whose status starts with "Đã tạo" is never
 * made again.
 */
import type { AwardRow, InvalidAwardRow } from '../awards/readAwards';
import {
  CERTIFICATE_REQUIREMENTS,
  CERTIFICATE_SCHEMA,
  type TemplateKind,
} from '../documents/defaultTemplates';
import type { TemplateRecord } from '../template';
import { namesForm } from '../awards/forms';
import { labelKey } from '../readers/cells';
import { keepTogetherVi } from '../format/vietnamese';
import { resolveIssuer, type IssuerDefaults } from './issuer';

export const CERTIFICATE_STATUS = {
  queued: 'Đang chờ',
  /** Made earlier, its e-mail not sent yet (MailApp's daily quota): only the e-mail is queued. */
  mailQueued: 'Chờ gửi thư',
  done: 'Đã tạo',
  error: 'Lỗi',
  skipped: 'Bỏ qua',
} as const;

/** The note of a certificate made but not e-mailed because the day's e-mail quota was spent. */
export const MAIL_QUOTA_NOTE =
  'Chưa gửi thư: đã hết hạn mức gửi thư; Google cấp lại 24 giờ sau lần gửi đầu tiên.';

export const CERTIFICATE_JOB_KIND = 'certificates';
export { CERTIFICATE_REQUIREMENTS, CERTIFICATE_SCHEMA };

export type CertificateMode = 'perRecipient' | 'combined';
export const DEFAULT_PER_FILE = 100;

export function isDoneStatus(status: string): boolean {
  return status.trim().startsWith(CERTIFICATE_STATUS.done);
}

export function isQueuedStatus(status: string): boolean {
  return status.trim() === CERTIFICATE_STATUS.queued;
}

export function isMailQueuedStatus(status: string): boolean {
  return status.trim() === CERTIFICATE_STATUS.mailQueued;
}

/**
 * A certificate made one by one whose e-mail the day's quota held back: a later run with e-mail
 * on sends it from the PDF already made, and never makes the certificate again.
 */
export function awaitsMail(row: {
  readonly status: string;
  readonly error: string;
  readonly email: string;
  readonly link: string;
}): boolean {
  const held =
    (row.status.trim() === CERTIFICATE_STATUS.done && row.error.trim() === MAIL_QUOTA_NOTE) ||
    isMailQueuedStatus(row.status);
  return held && row.email.trim() !== '' && row.link.trim() !== '';
}

/**
 * Emulation titles (danh hiệu thi đua, Luật Thi đua, khen thưởng 2022, Điều 8–9) whose
 * certificate is a GIẤY CHỨNG NHẬN naming the title: the start of the form as typed, compared as
 * labels are.
 */
export const TITLE_FORMS: readonly string[] = [
  'Chiến sĩ thi đua',
  'Chiến sĩ tiên tiến',
  'Lao động tiên tiến',
  'Tập thể lao động xuất sắc',
  'Tập thể lao động tiên tiến',
  'Đơn vị quyết thắng',
  'Đơn vị tiên tiến',
];

/** The forms a template prints, by form name: the one table the template choice reads. */
export const FORM_TEMPLATES: readonly (readonly [string, TemplateKind])[] = [
  ['Giấy khen', 'meritCertificate'],
  ['Bằng khen', 'honorCertificate'],
  ['Cờ thi đua', 'flagCertificate'],
  ...TITLE_FORMS.map((t) => [t, 'titleCertificate'] as const),
];

export type TemplateChoice =
  | { readonly ok: true; readonly kind: TemplateKind }
  | {
      readonly ok: false;
      /** Vietnamese, for the row's Lỗi cell: why it is skipped. */
      readonly reason: string;
    };

/**
 * Which template prints a form: only a template made for that very form (namesForm: the same
 * words, or them followed by "của <issuer>"). A form without one ("Giấy khen đặc biệt", a
 * Huân chương) is refused, never printed as the nearest form it resembles.
 */
export function templateForForm(
  form: string,
  available: readonly (readonly [string, TemplateKind])[] = FORM_TEMPLATES,
): TemplateChoice {
  // A title's certificate names the title, which goes on with its level ("Chiến sĩ thi đua cơ sở").
  const match = available.find(
    ([name, kind]) =>
      namesForm(form, name) ||
      (kind === 'titleCertificate' && labelKey(form).startsWith(`${labelKey(name)} `)),
  );
  if (match !== undefined) return { ok: true, kind: match[1] };
  return { ok: false, reason: noTemplateMessage(form) };
}

/** Which template prints a form; null when the product has none for it (the row is skipped). */
export function certificateTemplateKind(form: string): TemplateKind | null {
  const choice = templateForForm(form);
  return choice.ok ? choice.kind : null;
}

/** The Khen thưởng message of a row whose form has no template. */
export function noTemplateMessage(form: string): string {
  return (
    `Chưa có mẫu cho hình thức "${form}" (có mẫu: Bằng khen, Giấy khen, Cờ thi đua, ` +
    `các danh hiệu ${TITLE_FORMS.join(', ')}); dòng này không được in. ` +
    'Nếu gõ nhầm hình thức, hãy sửa rồi chạy lại.'
  );
}

const asDate = (d: AwardRow['decisionDate']): TemplateRecord | '' =>
  d === undefined ? '' : { year: d.year, month: d.month, day: d.day };

/**
 * The merge record of one row (fields of CERTIFICATE_SCHEMA). Texts that carry numbers or
 * classifications go through keepTogetherVi, so "Xuất sắc" or "năm 2022" never break.
 */
export function certificateRecord(row: AwardRow, defaults: IssuerDefaults): TemplateRecord {
  const issuer = resolveIssuer(row, defaults);
  return {
    co_quan: issuer.issuingBody,
    ca_nhan: row.recipientType === 'individual',
    danh_xung: row.recipientType === 'individual' ? row.salutation : '',
    ten: row.name,
    chuc_vu: keepTogetherVi(row.position),
    don_vi: keepTogetherVi(row.unit),
    hinh_thuc: keepTogetherVi(row.form),
    thanh_tich: keepTogetherVi(row.achievement),
    so_qd: keepTogetherVi(row.decisionNumber),
    ngay_qd: asDate(row.decisionDate),
    so_so_vang: row.registerNumber,
    noi: issuer.place,
    ngay_ky: asDate(row.decisionDate),
    chuc_vu_nguoi_ky: issuer.signerTitle,
    nguoi_ky: issuer.signerName,
  };
}

export type Selection = { readonly fromRow: number; readonly toRow: number } | null;

function inSelection(row: number, selection: Selection): boolean {
  return selection === null || (row >= selection.fromRow && row <= selection.toRow);
}

/** Rows a run takes: in the selection (or all), not done. Invalid ones are marked, not made. */
export function targetRows(
  rows: readonly AwardRow[],
  invalid: readonly InvalidAwardRow[],
  selection: Selection,
): { rows: AwardRow[]; invalid: InvalidAwardRow[] } {
  return {
    rows: rows.filter(
      (r) =>
        inSelection(r.row, selection) && !isDoneStatus(r.status) && !isMailQueuedStatus(r.status),
    ),
    invalid: invalid.filter((r) => inSelection(r.row, selection) && !isDoneStatus(r.status)),
  };
}

/** Selected rows whose certificate is made and whose e-mail is still to send (awaitsMail). */
export function mailTargets(rows: readonly AwardRow[], selection: Selection): AwardRow[] {
  return rows.filter((r) => inSelection(r.row, selection) && awaitsMail(r));
}

/** Consecutive queued rows of one template, at most perFile a group, in register order. */
export function printGroups<T extends { readonly kind: TemplateKind }>(
  rows: readonly T[],
  perFile: number,
): T[][] {
  const byKind = new Map<TemplateKind, T[]>();
  for (const r of rows) {
    const list = byKind.get(r.kind) ?? [];
    list.push(r);
    byKind.set(r.kind, list);
  }
  const groups: T[][] = [];
  for (const list of byKind.values()) {
    for (let i = 0; i < list.length; i += Math.max(1, perFile)) {
      groups.push(list.slice(i, i + Math.max(1, perFile)));
    }
  }
  return groups;
}

/** Status of a row printed on page `page` of a combined file. */
export function combinedStatus(page: number, fileLabel: string): string {
  return `${CERTIFICATE_STATUS.done} (${fileLabel}, trang ${String(page)})`;
}

/** The human part of output names. */
export function recipientFileName(row: AwardRow): string {
  const who =
    row.recipientType === 'individual'
      ? `${row.name}${row.unit === '' ? '' : ` - ${row.unit}`}`
      : row.name;
  return `${row.form} - ${who}`.slice(0, 150);
}

export function printFileName(
  form: string,
  year: number,
  firstRow: number,
  lastRow: number,
): string {
  return `In ${form} ${String(year)} - dòng ${String(firstRow)}-${String(lastRow)}`;
}

/** What a file's description records, so a killed run's output can be adopted. */
export type OutputManifest = {
  readonly key: string;
  readonly rows: readonly string[];
  /** Set once the certificate was e-mailed (the row's note), so a recovery never mails it twice. */
  readonly mailed?: string;
};

/** The note of a certificate e-mailed to its recipient. */
export function mailedNote(email: string): string {
  return `Đã gửi thư tới ${email}.`;
}

export function manifestText(manifest: OutputManifest): string {
  return JSON.stringify(manifest);
}

export function parseManifest(text: string | null): OutputManifest | null {
  if (text === null || text === '') return null;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as { key?: unknown; rows?: unknown; mailed?: unknown };
    if (typeof o.key !== 'string' || !Array.isArray(o.rows)) return null;
    const rows = o.rows.filter((r): r is string => typeof r === 'string');
    return typeof o.mailed === 'string' && o.mailed !== ''
      ? { key: o.key, rows, mailed: o.mailed }
      : { key: o.key, rows };
  } catch {
    return null;
  }
}

/** The e-mail to a recipient, from the body that awards it; the salutation only when known. */
export function emailText(row: AwardRow, issuingBody: string): { subject: string; body: string } {
  const form = row.form;
  const salutation =
    row.recipientType === 'individual' && row.salutation !== '' ? `${row.salutation} ` : '';
  return {
    subject: `${form} - ${row.name}`,
    body: `Kính gửi ${salutation}${row.name},\n\n${issuingBody === '' ? 'Cơ quan' : issuingBody} trân trọng gửi bản PDF ${form}${row.decisionNumber === '' ? '' : ` theo Quyết định số ${row.decisionNumber}`}.\n\nTrân trọng.`,
  };
}
