/**
 * Which commendation form a register cell names. A form is one of DEFAULT_AWARD_FORMS typed
 * with any case or diacritics, optionally followed by its issuer ("Bằng khen của Chủ tịch
 * UBND Thành phố"); anything else ("Giấy khen đặc biệt") is another form, never the nearest
 * known one, so a certificate is never printed under another form's name.
 */
import { DEFAULT_AWARD_FORMS } from '../model/award';
import { labelKey } from '../readers/cells';

/** The issuer phrase that may follow a form's name, compared without diacritics. */
const ISSUER_LINK = labelKey('của');

/** Whether `typed` names `form`: the same words, or the same words then "của …". */
export function namesForm(typed: string, form: string): boolean {
  const key = labelKey(typed);
  const base = labelKey(form);
  return key === base || key.startsWith(`${base} ${ISSUER_LINK} `);
}

/** The listed form a cell names, or undefined for a form outside the list. */
export function listedAwardForm(
  typed: string,
  forms: readonly string[] = DEFAULT_AWARD_FORMS,
): string | undefined {
  return forms.find((f) => namesForm(typed, f));
}
