/** Text cells: names, titles, e-mail addresses. */
import { EMPTY, dateTime, invalid, isDateObject, ok } from './result';
import type { Parsed } from './result';
import { normalizeText } from '../text/normalize';

/**
 * Renders any cell value as the text a person would recognise, without locale: strings as
 * typed (NFC), numbers via String ("9.5"), booleans as Sheets shows them ("TRUE"), Dates as
 * ISO instants. Never throws, whatever the value (objects with a throwing toString included).
 */
export function valueToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (isDateObject(value)) {
    const time = dateTime(value);
    return Number.isFinite(time) ? new Date(time).toISOString() : 'Invalid Date';
  }
  if (typeof value === 'symbol') return value.description ?? '';
  if (typeof value === 'function') return '';
  // Sheets never hands over other objects; JSON shows arrays and records recognisably, and
  // the try keeps cycles and BigInt members from throwing.
  try {
    // The lib types say string, but toJSON returning undefined makes it undefined.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? '';
  } catch {
    return '';
  }
}

/**
 * A text cell, normalised (NFC, trimmed, single spaces); 'empty' when blank. Numbers and
 * booleans are accepted and rendered without locale, because a code like 101 arrives as a
 * number. Dates and other objects are 'invalid-value': a date in a name column is a mistake.
 */
export function parseText(value: unknown): Parsed<string> {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return invalid('invalid-value', 'không phải là văn bản');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = normalizeText(valueToText(value));
    return text === '' ? EMPTY : ok(text);
  }
  return invalid('invalid-value', 'không phải là văn bản');
}

/**
 * Local part: the RFC 5322 dot-atom characters, no leading, trailing or double dot; domain:
 * dot-separated DNS labels with a TLD of letters. Quoted local parts and IP-literal domains are
 * legal but never used for an office contact, and accepting them would let typos through.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** One e-mail address, trimmed; case kept as typed (the local part may be case-sensitive). */
export function parseEmail(value: unknown): Parsed<string> {
  const text = parseText(value);
  if (text.kind !== 'ok') {
    return text.kind === 'empty' ? text : invalid('invalid-email', 'không phải là địa chỉ email');
  }
  const address = text.value;
  if (address.length > 254 || !EMAIL.test(address) || (address.split('@')[0] ?? '').length > 64) {
    return invalid('invalid-email', 'không phải là địa chỉ email hợp lệ');
  }
  return ok(address);
}
