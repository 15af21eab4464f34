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

/** The forms a template prints, by form name: the one table the template choice reads. */
export const FORM_TEMPLATES: readonly (readonly [string, TemplateKind])[] = [
  ['Giấy khen', 'meritCertificate'],
  ['Bằng khen', 'honorCertificate'],
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
  const match = available.find(([name]) => namesForm(form, name));
  if (match !== undefined) return { ok: true, kind: match[1] };
  const names = available.map(([name]) => name).join(', ');
  return {
    ok: false,
    reason: `Chưa có mẫu in cho hình thức "${form}": chỉ in được ${names}. Dòng này được bỏ qua; nếu gõ nhầm hình thức, hãy sửa rồi chạy lại.`,
  };
}

/** Which template prints a form; null when the product has none for it (the row is skipped). */
export function certificateTemplateKind(form: string): TemplateKind | null {
  const choice = templateForForm(form);
  return choice.ok ? choice.kind : null;
}

export type IssuerSettings = { readonly issuingBody: string; readonly place: string };

/** The merge record of one row (fields of CERTIFICATE_SCHEMA). */
export function certificateRecord(row: AwardRow, issuer: IssuerSettings): TemplateRecord {
  const date = row.decisionDate;
  return {
    co_quan: issuer.issuingBody,
    ca_nhan: row.recipientType === 'individual',
    ten: row.name,
    chuc_vu: row.position,
    don_vi: row.unit,
    hinh_thuc: row.form,
    thanh_tich: row.achievement,
    so_qd: row.decisionNumber,
    ngay_qd: date === undefined ? '' : { year: date.year, month: date.month, day: date.day },
    so_so_vang: row.registerNumber,
    noi: issuer.place,
    ngay_ky: date === undefined ? '' : { year: date.year, month: date.month, day: date.day },
    chuc_vu_nguoi_ky: row.signerTitle,
    nguoi_ky: row.signerName,
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

/** The e-mail to a recipient. */
export function emailText(row: AwardRow, issuingBody: string): { subject: string; body: string } {
  const form = row.form;
  return {
    subject: `${form} - ${row.name}`,
    body: `Kính gửi ${row.recipientType === 'individual' ? 'Ông/Bà ' : ''}${row.name},\n\n${issuingBody === '' ? 'Cơ quan' : issuingBody} trân trọng gửi bản PDF ${form}${row.decisionNumber === '' ? '' : ` theo Quyết định số ${row.decisionNumber}`}.\n\nTrân trọng.`,
  };
}
