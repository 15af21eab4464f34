/**
 * Utilities: dates, sleep on the virtual clock, CSV, base64, digests, UUIDs, blobs.
 *
 * Reference: https://developers.google.com/apps-script/reference/utilities/utilities
 * - formatDate uses Java SimpleDateFormat patterns
 *   (https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html); zone offsets come
 *   from Node's Intl. ASSUMPTION: an unknown time zone formats as GMT, as Java's TimeZone.getTimeZone
 *   does; month and day names are English, as in Apps Script.
 * - sleep: "maximum allowed value is 300000 (or 5 minutes)". The host advances the virtual clock, so a
 *   sleep can run an execution past its time limit and kill it. ASSUMPTION: a longer sleep throws
 *   "Invalid argument: milliseconds".
 * - Byte[] values are Java bytes, signed -128..127; strings are encoded as UTF-8 unless a Charset says
 *   otherwise. base64Decode of a malformed string throws "Could not decode string." (ASSUMPTION: text
 *   as Apps Script prints it, not on the reference page).
 * - getUuid is deterministic here (seeded counter) so runs repeat exactly.
 */
import { createHash, createHmac } from 'node:crypto';
import type { HostRuntime } from '../runtime';
import { isDate } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { enumName, fromByteArray, makeEnum, signatureError, toSignedBytes, utf8 } from './common';
import { decode, encode, newBlobObject } from './blob';

type RealUtilities = GoogleAppsScript.Utilities.Utilities;
type Blob = GoogleAppsScript.Base.Blob;

export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
export const DigestAlgorithm = makeEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
] as const);
export const MacAlgorithm = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);
export const RsaAlgorithm = makeEnum(['RSA_SHA_1', 'RSA_SHA_256'] as const);

const NODE_DIGEST: Record<string, string | undefined> = {
  MD2: undefined, // Node has no MD2
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

export const MAX_SLEEP_MS = 300000;

// ---------------------------------------------------------------------------------------------
// Time zones and SimpleDateFormat

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java's short names where Intl (en-US) only gives "GMT+7". */
const SHORT_ZONE_NAMES: Record<string, string> = {
  'Asia/Ho_Chi_Minh': 'ICT',
  'Asia/Saigon': 'ICT',
  'Asia/Bangkok': 'ICT',
  'Asia/Phnom_Penh': 'ICT',
  'Asia/Vientiane': 'ICT',
  'Asia/Jakarta': 'WIB',
  'Asia/Singapore': 'SGT',
  'Asia/Tokyo': 'JST',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  GMT: 'GMT',
  'Etc/GMT': 'GMT',
};

interface Zone {
  id: string;
  /** Offset from UTC in ms at the instant. */
  offsetMs: number;
  fixed: boolean;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function intlFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let f = formatterCache.get(timeZone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  formatterCache.set(timeZone, f);
  return f;
}

/** The zone and its offset at `ms`; "GMT+7", "GMT+07:00", "UTC" and IANA ids are understood. */
export function resolveZone(timeZone: string, ms: number): Zone {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    const offset = sign * ((Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) * 60000);
    return { id: timeZone, offsetMs: offset, fixed: true };
  }
  const f = intlFormatter(timeZone);
  if (!f) return { id: 'GMT', offsetMs: 0, fixed: true };
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const base = Math.floor(ms / 1000) * 1000;
  return { id: timeZone, offsetMs: local - base, fixed: false };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX' | 'GMT'): string {
  const total = Math.round(offsetMs / 60000);
  const sign = total < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(total) / 60);
  const m = Math.abs(total) % 60;
  if (style !== 'Z' && style !== 'GMT' && total === 0) return 'Z';
  if (style === 'X') return `${sign}${pad(h, 2)}${m ? pad(m, 2) : ''}`;
  if (style === 'XXX') return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
  if (style === 'GMT') return total === 0 ? 'GMT' : `GMT${sign}${pad(h, 2)}:${pad(m, 2)}`;
  return `${sign}${pad(h, 2)}${pad(m, 2)}`;
}

function zoneName(zone: Zone, ms: number, long: boolean): string {
  if (zone.fixed) return zone.id === 'UTC' ? 'UTC' : offsetText(zone.offsetMs, 'GMT');
  if (!long && SHORT_ZONE_NAMES[zone.id]) return SHORT_ZONE_NAMES[zone.id] as string;
  try {
    const name = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.id,
      timeZoneName: long ? 'long' : 'short',
    })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!name) return offsetText(zone.offsetMs, 'GMT');
    return /^GMT[+-]/.test(name) ? offsetText(zone.offsetMs, 'GMT') : name;
  } catch {
    return offsetText(zone.offsetMs, 'GMT');
  }
}

/** Formats `ms` in `timeZone` with a Java SimpleDateFormat pattern. Throws on an illegal letter. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone, ms);
  const d = new Date(ms + zone.offsetMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const dow = d.getUTCDay();
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`Unterminated quote in pattern ${pattern}`);
      // '' inside a quoted section is a literal quote.
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j] ?? '';
        j++;
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? (MONTHS[month] as string)
            : n === 3
              ? (MONTHS[month] as string).slice(0, 3)
              : pad(month + 1, n);
        break;
      case 'd':
        out += pad(day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'F':
        out += pad(Math.ceil(day / 7), n);
        break;
      case 'E':
        out += n >= 4 ? (DAYS[dow] as string) : (DAYS[dow] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(dow === 0 ? 7 : dow, n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += zoneName(zone, ms, n >= 4);
        break;
      case 'Z':
        out += offsetText(zone.offsetMs, 'Z');
        break;
      case 'X':
        out += offsetText(zone.offsetMs, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV, format strings

/** RFC 4180 parsing: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF rows. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < csv.length) {
    const c = csv[i] as string;
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Java String.format subset: %s, %d, %f, %.Nf, %%. */
function formatJavaString(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(
    /%(%|s|d|f|\.(\d+)f|0(\d+)d|(\d+)d)/g,
    (_m, spec: string, prec?: string, zw?: string, w?: string) => {
      if (spec === '%') return '%';
      const v = args[i++];
      if (spec === 's') return typeof v === 'string' ? v : String(v);
      if (prec !== undefined) return Number(v).toFixed(Number(prec));
      if (spec === 'f') return Number(v).toFixed(6);
      const int = String(Math.trunc(Number(v)));
      if (zw !== undefined) return int.padStart(Number(zw), '0');
      if (w !== undefined) return int.padStart(Number(w), ' ');
      return int;
    },
  );
}

// ---------------------------------------------------------------------------------------------

export interface UtilitiesHost {
  /** Seed for getUuid; the same seed gives the same UUIDs. */
  uuidSeed: string;
  uuidCounter: number;
}

class UtilitiesFake implements FakeOf<RealUtilities> {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm =
    DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm as unknown as typeof GoogleAppsScript.Utilities.RsaAlgorithm;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: UtilitiesHost,
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.rt.call('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError(this.rt, 'Utilities.formatDate', [date, timeZone, format]);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw this.rt.scriptError('Invalid argument: date');
    try {
      return formatJavaDate(ms, timeZone, format);
    } catch (e) {
      throw this.rt.scriptError(e instanceof Error ? e.message : String(e));
    }
  }

  formatString(template: string, ...args: unknown[]): string {
    this.rt.call('Utilities.formatString');
    return formatJavaString(String(template), args);
  }

  sleep(milliseconds: number): void {
    this.rt.call('Utilities.sleep');
    if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
      throw signatureError(this.rt, 'Utilities.sleep', [milliseconds]);
    }
    if (milliseconds > MAX_SLEEP_MS) throw this.rt.scriptError('Invalid argument: milliseconds');
    this.rt.advance(Math.max(0, Math.floor(milliseconds)));
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.rt.call('Utilities.parseCsv');
    if (typeof csv !== 'string') throw signatureError(this.rt, 'Utilities.parseCsv', [csv]);
    return parseCsvText(csv, delimiter ?? ',');
  }

  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    this.rt.call('Utilities.base64Encode');
    return Buffer.from(this.bytesOf('Utilities.base64Encode', data, charset)).toString('base64');
  }

  base64EncodeWebSafe(
    data: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    this.rt.call('Utilities.base64EncodeWebSafe');
    // Web-safe alphabet (- and _), padding kept, as Java's URL-safe encoder does.
    return Buffer.from(this.bytesOf('Utilities.base64EncodeWebSafe', data, charset))
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.rt.call('Utilities.base64Decode');
    return this.decode64(encoded, /^[A-Za-z0-9+/]*={0,2}$/);
  }

  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.rt.call('Utilities.base64DecodeWebSafe');
    return this.decode64(
      String(encoded).replace(/-/g, '+').replace(/_/g, '/'),
      /^[A-Za-z0-9+/]*={0,2}$/,
    );
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.rt.call('Utilities.computeDigest');
    const name = enumName(DigestAlgorithm, algorithm);
    const nodeName = name && NODE_DIGEST[name];
    if (!nodeName) throw signatureError(this.rt, 'Utilities.computeDigest', [algorithm, value]);
    const digest = createHash(nodeName)
      .update(this.bytesOf('Utilities.computeDigest', value, charset))
      .digest();
    return toSignedBytes(new Uint8Array(digest));
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.rt.call('Utilities.computeHmacSignature');
    const name = enumName(MacAlgorithm, algorithm);
    const nodeName = name && NODE_DIGEST[name];
    if (!nodeName)
      throw signatureError(this.rt, 'Utilities.computeHmacSignature', [algorithm, value, key]);
    return this.hmac(nodeName, value, key, charset);
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.rt.call('Utilities.computeHmacSha256Signature');
    return this.hmac('sha256', value, key, charset);
  }

  getUuid(): string {
    this.rt.call('Utilities.getUuid');
    const n = ++this.host.uuidCounter;
    const hex = createHash('sha256').update(`${this.host.uuidSeed}:${n}`).digest('hex');
    // Version 4 layout (the variant bits set as RFC 4122 requires), deterministic content.
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    this.rt.call('Utilities.newBlob');
    let bytes: Uint8Array;
    // ASSUMPTION: a blob made from a string is text/plain; one made from bytes has no content type.
    let type: string | null = contentType ?? null;
    if (typeof data === 'string') {
      bytes = utf8(data);
      if (contentType === undefined) type = 'text/plain';
    } else if (Array.isArray(data)) {
      bytes = fromByteArray(this.rt, data, 'Utilities.newBlob');
    } else {
      throw signatureError(
        this.rt,
        'Utilities.newBlob',
        [data, contentType, name].filter((x) => x !== undefined),
      );
    }
    return newBlobObject(this.rt, bytes, type, name ?? null);
  }

  private hmac(
    nodeName: string,
    value: string | number[],
    key: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const mac = createHmac(nodeName, this.bytesOf('Utilities.computeHmacSignature', key, charset))
      .update(this.bytesOf('Utilities.computeHmacSignature', value, charset))
      .digest();
    return toSignedBytes(new Uint8Array(mac));
  }

  private decode64(encoded: unknown, alphabet: RegExp): number[] {
    if (typeof encoded !== 'string')
      throw signatureError(this.rt, 'Utilities.base64Decode', [encoded]);
    const clean = encoded.replace(/\s+/g, '');
    if (!alphabet.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
      throw this.rt.scriptError('Could not decode string.');
    }
    return toSignedBytes(new Uint8Array(Buffer.from(clean, 'base64')));
  }

  private bytesOf(method: string, data: unknown, charset: unknown): Uint8Array {
    if (typeof data === 'string') {
      const cs = charset === undefined ? 'UTF_8' : enumName(Charset, charset);
      if (!cs) throw signatureError(this.rt, method, [data, charset]);
      return encode(this.rt, data, cs);
    }
    if (Array.isArray(data)) return fromByteArray(this.rt, data, method);
    throw signatureError(this.rt, method, [data]);
  }
}

export function createUtilities(rt: HostRuntime, host: UtilitiesHost): RealUtilities {
  return strict(new UtilitiesFake(rt, host), 'Utilities') as unknown as RealUtilities;
}

/** Decoding helper for tests and other services. */
export { decode as decodeBytes };

export const utilitiesChecks: [true] = [
  assertType<AssertNoExtraMethods<UtilitiesFake, RealUtilities>>(),
];
