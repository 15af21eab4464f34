/**
 * Values as set-up writes them back. A string written into a cell that is not plain text would be
 * parsed by Sheets ("9,5" becomes 9.5, "=x" a formula); a leading apostrophe keeps it exactly as
 * typed. In plain-text cells ('@') Sheets parses nothing, and an apostrophe would become part of
 * the text, so strings go there as they are.
 */
import { NUMBER_FORMATS } from '../layout/columns';

export function cellOut(value: unknown, format: string, formula = ''): unknown {
  if (formula !== '') return formula;
  if (typeof value !== 'string' || value === '') return value ?? '';
  return format === NUMBER_FORMATS.text ? value : `'${value}`;
}

/** 32-bit FNV-1a, base 36: a short fingerprint of what a protection says. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
