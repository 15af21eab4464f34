/**
 * Which commendation form a register cell names. A form is one of the known forms typed with
 * any case or diacritics, optionally followed by its issuer ("Bằng khen của Chủ tịch UBND
 * Thành phố"), or a form of an open family the law names with its grade or level ("Huân chương
 * Lao động hạng Ba", "Chiến sĩ thi đua cấp tỉnh"). Anything else ("Giấy khen đặc biệt") is
 * another form, never the nearest known one, so a certificate is never printed under another
 * form's name.
 */
import { DEFAULT_AWARD_FORMS } from '../model/award';
import { labelKey } from '../readers/cells';

/**
 * Families of emulation titles and commendation forms whose name goes on with a grade, level or
 * field (Luật Thi đua, khen thưởng 06/2022/QH15: danh hiệu thi đua, Điều 7; hình thức khen
 * thưởng, Điều 8 — ASSUMPTION: articles as numbered in the published text; verify on update).
 */
export const AWARD_FORM_FAMILIES: readonly string[] = [
  'Huân chương',
  'Huy chương',
  'Kỷ niệm chương',
  'Giải thưởng',
  'Danh hiệu',
  'Anh hùng',
  'Chiến sĩ thi đua',
  'Cờ thi đua',
];

/** Titles the law names besides the register's dropdown (DEFAULT_AWARD_FORMS). */
const OTHER_LISTED_FORMS: readonly string[] = [
  'Tập thể lao động tiên tiến',
  'Chiến sĩ tiên tiến',
  'Đơn vị tiên tiến',
  'Đơn vị quyết thắng',
];

/** The issuer phrase that may follow a form's name, compared without diacritics. */
const ISSUER_LINK = labelKey('của');

/** Whether `typed` names `form`: the same words, or the same words then "của …". */
export function namesForm(typed: string, form: string): boolean {
  const key = labelKey(typed);
  const base = labelKey(form);
  return key === base || key.startsWith(`${base} ${ISSUER_LINK} `);
}

/** Whether a register cell names a known form (listed, or of a family the law names). */
export function isKnownAwardForm(typed: string): boolean {
  if ([...DEFAULT_AWARD_FORMS, ...OTHER_LISTED_FORMS].some((f) => namesForm(typed, f))) return true;
  const key = labelKey(typed);
  return AWARD_FORM_FAMILIES.some((f) => key === labelKey(f) || key.startsWith(`${labelKey(f)} `));
}

/** The forms a finding lists: the dropdown's, then the open families. */
export function knownFormsText(): string {
  return [...DEFAULT_AWARD_FORMS, ...AWARD_FORM_FAMILIES.slice(0, 3).map((f) => `${f} …`)].join(
    ', ',
  );
}
