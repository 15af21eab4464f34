/**
 * A fingerprint of the ranking's inputs: a ranking records the fingerprint of the sheets it was
 * computed from, so a later action can tell whether they changed since (a stale ranking).
 *
 * FNV-1a (32-bit) over the UTF-8 bytes of a canonical text of the grids. Pure and deterministic:
 * no Utilities.computeDigest (one service call per hash, and not available to the core), no
 * crypto. Not a security measure: it detects edits, it does not resist someone forging them.
 */

/** FNV-1a 32-bit parameters (http://www.isthe.com/chongo/tech/comp/fnv/). */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes a string's UTF-8 bytes; surrogate pairs are encoded as one 4-byte sequence. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  const byte = (b: number): void => {
    hash ^= b;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) byte(code);
    else if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3f));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    }
  }
  return hash >>> 0;
}

/** True for Dates of any realm: values from getValues come from another realm in the host. */
function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The canonical text of one cell. Types are tagged so the string "1" and the number 1 differ;
 * a Date is its time in ms (the same instant typed in any realm hashes the same).
 */
function cellText(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // -0 and 0 are the same cell; NaN and infinities cannot come from a sheet but stay distinct.
      return Object.is(value, -0) ? 'n0' : `n${String(value)}`;
    case 'boolean':
      return value ? 'T' : 'F';
    default:
      if (isDateValue(value)) return `d${String(Date.prototype.getTime.call(value))}`;
      // getValues gives nothing else; anything else is hashed by its kind only.
      return `o${Object.prototype.toString.call(value)}`;
  }
}

function isEmptyCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * A grid as canonical text. Trailing empty cells and rows are dropped, so a data range that grew
 * only because a cell was formatted, or shrank after a value was deleted, hashes the same.
 */
export function canonicalGrid(grid: readonly unknown[]): string {
  const rows: string[] = [];
  let lastNonEmpty = -1;
  grid.forEach((row, r) => {
    const cells = Array.isArray(row) ? (row as readonly unknown[]) : [row];
    let end = cells.length;
    while (end > 0 && isEmptyCell(cells[end - 1])) end--;
    const parts: string[] = [];
    for (let c = 0; c < end; c++) parts.push(cellText(cells[c]));
    rows.push(parts.join(','));
    if (end > 0) lastNonEmpty = r;
  });
  return rows.slice(0, lastNonEmpty + 1).join('\n');
}

/** 8 lowercase hex digits. */
export function hashHex(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Fingerprint of named grids (sheet name → values). Sheets are taken in name order, so the order
 * they were read in does not matter; a missing sheet and an empty one differ.
 */
export function gridsFingerprint(
  grids: Readonly<Partial<Record<string, readonly unknown[]>>>,
  sheets: readonly string[] = Object.keys(grids),
): string {
  const names = [...new Set(sheets)].sort();
  const text = names
    .map((name) => {
      const grid = grids[name];
      return `${JSON.stringify(name)}${grid === undefined ? '!' : `=${canonicalGrid(grid)}`}`;
    })
    .join('\u001e');
  return hashHex(fnv1a32(text));
}
