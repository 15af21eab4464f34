/**
 * The stable key of a register row (Mã hồ sơ): what the certificate job records with every file
 * it makes, so a row whose certificate exists is never made again, even after a crash between
 * creating the file and writing the row's status.
 *
 * Decision: the key is derived from the fields that say who gets which award in which year
 * (year, recipient type, name, unit, form, level, decision number, register number), compared
 * as names are (case, spacing, dashes and tone placement do not matter), then written once into
 * the protected Mã hồ sơ column by the program and never recomputed: a later correction of a
 * typo in the name keeps the key, while two different rows never share one. Rows pasted without
 * a key get the derived one, which is the same on every run as long as the row is unchanged.
 * Format "KT2022-" + 16 hex digits: two independent 32-bit FNV-1a hashes, so a collision among
 * a few thousand rows is about 1 in 10^11 (one 32-bit hash would be about 1 in 1,400).
 */
import { fnv1a32, hashHex } from '../fingerprint';
import type { AwardRecord } from '../model/award';
import { nameKey } from '../text/normalize';

export const AWARD_KEY_PREFIX = 'KT';

/** The fields a key is made of. */
export type AwardIdentity = Pick<
  AwardRecord,
  | 'year'
  | 'recipientType'
  | 'name'
  | 'unit'
  | 'form'
  | 'level'
  | 'decisionNumber'
  | 'registerNumber'
>;

/** Canonical text of the identifying fields (unit separator between them). */
export function awardIdentityText(r: AwardIdentity): string {
  return [
    String(r.year),
    r.recipientType,
    nameKey(r.name),
    nameKey(r.unit),
    nameKey(r.form),
    r.level,
    nameKey(r.decisionNumber),
    nameKey(r.registerNumber),
  ].join('\u001f');
}

/** "KT2022-0123456789abcdef": deterministic, the same in Node and Apps Script. */
export function awardKey(r: AwardIdentity): string {
  const text = awardIdentityText(r);
  // The second hash runs over a salted text, so the two halves are independent.
  const high = fnv1a32(text);
  const low = fnv1a32(`\u0001${text}\u0002`);
  return `${AWARD_KEY_PREFIX}${String(r.year)}-${hashHex(high)}${hashHex(low)}`;
}
