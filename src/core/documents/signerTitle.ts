/**
 * The title a unit's head signs under: the head's title joined with the unit's name, as a
 * signature block prints it ("Chủ tịch Ủy ban MTTQ Việt Nam quận" + "Ủy ban MTTQ Việt Nam quận Ba
 * Đình" → "Chủ tịch Ủy ban MTTQ Việt Nam quận Ba Đình"), never repeating the words the two share.
 */
import { unitDocumentName, type Unit } from '../model/unit';
import { nameKey, normalizeText } from '../text/normalize';

type SignerUnit = Pick<Unit, 'name' | 'fullName' | 'type' | 'headTitle'>;

const key = (words: readonly string[]): string => nameKey(words.join(' '));

/** The unit's name in documents: its full name, else its type and short name ("Quận Ba Đình"). */
export function unitLongName(unit: Pick<Unit, 'name' | 'fullName' | 'type'>): string {
  if (unit.fullName.trim() !== '') return unitDocumentName(unit);
  return unit.type.trim() === '' ? unit.name : `${unit.type} ${unit.name}`;
}

/**
 * 1. A title that already names the unit is kept ("Chủ tịch UBND quận Ba Đình").
 * 2. The longest end of the title that begins the unit's name is written once.
 * 3. A title ending with the unit's type takes the short name ("… quận" + "Ba Đình").
 * 4. Otherwise title and name are joined ("Giám đốc" + "Sở Tư pháp").
 */
export function signerTitle(unit: SignerUnit): string {
  const title = normalizeText(unit.headTitle);
  const name = normalizeText(unitLongName(unit));
  if (title === '') return name;
  const titleWords = title.split(' ');
  const nameWords = name.split(' ');
  const shortName = nameKey(unit.name);
  if (shortName !== '' && ` ${nameKey(title)} `.includes(` ${shortName} `)) return title;
  for (let n = Math.min(titleWords.length, nameWords.length); n >= 1; n--) {
    if (key(titleWords.slice(titleWords.length - n)) === key(nameWords.slice(0, n))) {
      return [...titleWords.slice(0, titleWords.length - n), ...nameWords].join(' ');
    }
  }
  const typeWords = normalizeText(unit.type).split(' ');
  if (
    unit.type.trim() !== '' &&
    titleWords.length >= typeWords.length &&
    key(titleWords.slice(titleWords.length - typeWords.length)) === key(typeWords)
  ) {
    return `${title} ${normalizeText(unit.name)}`;
  }
  return `${title} ${name}`;
}
