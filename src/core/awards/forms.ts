/**
 * Which commendation form a register cell names. A form is one of the known forms typed with
 * any case or diacritics, optionally followed by its issuer ("Bằng khen của Chủ tịch UBND
 * Thành phố"), or a form of an open family the law names with its grade or level ("Huân chương
 * Lao động hạng Ba", "Chiến sĩ thi đua cấp tỉnh"). Anything else ("Giấy khen đặc biệt") is
 * another form, never the nearest known one, so a certificate is never printed under another
 * form's name.
 */
import { AWARD_FORMS, REGISTER_FORM_CHOICES } from '../model/award';
import { labelKey } from '../readers/cells';

/**
 * Families whose name goes on with a grade, level or field: the catalogue's entries not offered
 * alone (Huân chương, Huy chương, Kỷ niệm chương, Chiến sĩ thi đua …), and the law's other open
 * families (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 9: Giải thưởng, danh hiệu vinh dự Nhà
 * nước, Anh hùng — ASSUMPTION: as numbered in the published text; verify on update).
 */
export const AWARD_FORM_FAMILIES: readonly string[] = [
  ...AWARD_FORMS.filter((f) => !f.listed).flatMap((f) => [f.name, ...(f.aliases ?? [])]),
  'Giải thưởng',
  'Danh hiệu',
  'Anh hùng',
];

/** Every name of the catalogue (model/award.ts AWARD_FORMS), with its other spellings. */
const CATALOGUE_NAMES: readonly string[] = AWARD_FORMS.flatMap((f) => [
  f.name,
  ...(f.aliases ?? []),
]);

/** The issuer phrase that may follow a form's name, compared without diacritics. */
const ISSUER_LINK = labelKey('của');

/** Whether `typed` names `form`: the same words, or the same words then "của …". */
export function namesForm(typed: string, form: string): boolean {
  const key = labelKey(typed);
  const base = labelKey(form);
  return key === base || key.startsWith(`${base} ${ISSUER_LINK} `);
}

/**
 * Whether a register cell names a known form: a catalogue name exactly (or followed by its
 * issuer), or a name of an open family. Stricter than model/award.ts awardFormSpec, which
 * classifies any name by its longest known beginning for the statistics: "Giấy khen đặc biệt" is
 * counted as a form of commendation but is not a Giấy khen.
 */
export function isKnownAwardForm(typed: string): boolean {
  if (CATALOGUE_NAMES.some((f) => namesForm(typed, f))) return true;
  const key = labelKey(typed);
  return AWARD_FORM_FAMILIES.some((f) => key === labelKey(f) || key.startsWith(`${labelKey(f)} `));
}

/** The forms a finding lists: the dropdown's, then the open families. */
export function knownFormsText(): string {
  return [...REGISTER_FORM_CHOICES, ...AWARD_FORM_FAMILIES.slice(0, 3).map((f) => `${f} …`)].join(
    ', ',
  );
}
