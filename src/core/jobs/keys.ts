/**
 * Deterministic output keys. Every file a job makes carries its key as the last word of its name
 * (and in its description), so a crash between creating a file and writing the row's status is
 * healed by looking the key up in the output folder before making the file again.
 * Drive's "title contains 'x'" matches x as the prefix of a word of the name (Drive search terms
 * reference), so the key is a whole word: letters, digits and '-' only.
 */
export const KEY_PREFIX = 'thidua';

function clean(part: string): string {
  return part.replace(/[^A-Za-z0-9-]+/g, '');
}

/** The key of one item's output, e.g. thidua-jab12-HS0042. */
export function outputKey(jobId: string, itemKey: string): string {
  return `${KEY_PREFIX}-${clean(jobId)}-${clean(itemKey)}`;
}

/** The key of a combined print file, e.g. thidua-jab12-in003. */
export function printFileKey(jobId: string, seq: number): string {
  return `${KEY_PREFIX}-${clean(jobId)}-in${String(seq).padStart(3, '0')}`;
}

/** A file name ending with its key (the human part first, as users read it). */
export function keyedName(human: string, key: string): string {
  return `${human.trim()} ${key}`;
}

/** Whether a file name carries this key as a whole word (search results are re-checked). */
export function nameHasKey(name: string, key: string): boolean {
  const at = name.lastIndexOf(key);
  if (at < 0) return false;
  const before = at === 0 ? ' ' : name.charAt(at - 1);
  const after = name.charAt(at + key.length);
  return /\s/.test(before) && (after === '' || after === '.' || /\s/.test(after));
}

/** The Drive query that finds a key's files in a folder. */
export function keyQuery(key: string): string {
  return `title contains '${key}' and trashed = false`;
}
