/**
 * Locale-aware number formats, date serials and typed-input parsing.
 *
 * Sheets stores dates as day serials counted from 1899-12-30 in the spreadsheet's time zone
 * (https://developers.google.com/sheets/api/guides/formats#about_date_time_values); whether a
 * cell reads back as a Date depends on its number format. Display strings follow the
 * spreadsheet's locale, not the viewer's (same page; ValueRenderOption.FORMATTED_VALUE).
 */

export type CellValue = number | string | boolean;

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day and month in typed dates. */
  order: 'DMY' | 'MDY';
  date: string;
  dateTime: string;
  time: string;
}

/**
 * ASSUMPTION: the default formats Sheets applies to typed dates per locale. vi_VN uses
 * day/month/year with "," decimals and "." thousands (CLDR vi); the exact auto-applied pattern
 * strings are not documented.
 */
const LOCALES: Record<string, LocaleInfo> = {
  vi_VN: {
    decimal: ',',
    group: '.',
    order: 'DMY',
    date: 'dd/MM/yyyy',
    dateTime: 'dd/MM/yyyy HH:mm:ss',
    time: 'HH:mm:ss',
  },
  en_GB: {
    decimal: '.',
    group: ',',
    order: 'DMY',
    date: 'dd/MM/yyyy',
    dateTime: 'dd/MM/yyyy HH:mm:ss',
    time: 'HH:mm:ss',
  },
  en_US: {
    decimal: '.',
    group: ',',
    order: 'MDY',
    date: 'M/d/yyyy',
    dateTime: 'M/d/yyyy H:mm:ss',
    time: 'h:mm:ss am/pm',
  },
};

export function localeInfo(locale: string): LocaleInfo {
  return LOCALES[locale] ?? (LOCALES.en_US as LocaleInfo);
}

// ---------------------------------------------------------------- date serials and time zones

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
const offsetCache = new Map<string, number>();

/** Offset of `tz` from UTC at instant `ms`, in ms (memoised per hour; zones move on the hour). */
export function tzOffsetMs(ms: number, tz: string): number {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT') return 0;
  const hour = Math.floor(ms / 3600000);
  const key = `${tz}|${hour}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(hour * 3600000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = wall - hour * 3600000;
  if (offsetCache.size > 50000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

export function msToSerial(ms: number, tz: string): number {
  return (ms + tzOffsetMs(ms, tz) - EPOCH_1899) / DAY_MS;
}

export function serialToMs(serial: number, tz: string): number {
  const wall = Math.round(serial * DAY_MS) + EPOCH_1899;
  // Two passes settle the offset around DST changes.
  let ms = wall - tzOffsetMs(wall, tz);
  ms = wall - tzOffsetMs(ms, tz);
  return ms;
}

function wallSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - EPOCH_1899) / DAY_MS;
}

// ---------------------------------------------------------------- number formats

interface DatePart {
  kind: 'y' | 'M' | 'd' | 'h' | 'm' | 's' | 'ampm' | 'lit';
  width: number;
  text?: string;
}

interface NumberSection {
  prefix: string;
  suffix: string;
  minInt: number;
  minDec: number;
  maxDec: number;
  grouping: boolean;
  percent: number;
  scientific: boolean;
  text: boolean;
}

type Compiled =
  | { kind: 'general' }
  | { kind: 'text' }
  | { kind: 'date'; parts: DatePart[]; twelveHour: boolean }
  | { kind: 'number'; sections: NumberSection[]; memo: Map<string, string> };

const compiledCache = new Map<string, Compiled>();

/** Splits on `;` outside quotes. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and [colour] tags removed, for classification. */
function bare(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return compile(fmt).kind === 'date';
}

function compile(fmt: string): Compiled {
  const hit = compiledCache.get(fmt);
  if (hit) return hit;
  let out: Compiled;
  const first = splitSections(fmt)[0] ?? '';
  const b = bare(first);
  if (fmt === '' || /^general$/i.test(fmt.trim())) out = { kind: 'general' };
  else if (b.trim() === '@') out = { kind: 'text' };
  else if (/[dyhsHMm]|am\/pm|a\/p/i.test(b) && !/[0#?]/.test(b)) out = compileDate(first);
  else out = { kind: 'number', sections: splitSections(fmt).map(compileNumber), memo: new Map() };
  compiledCache.set(fmt, out);
  return out;
}

function compileDate(fmt: string): Compiled {
  const parts: DatePart[] = [];
  let twelveHour = false;
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i] as string;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      parts.push({ kind: 'lit', width: 0, text: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      parts.push({ kind: 'lit', width: 0, text: fmt[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = fmt.indexOf(']', i);
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    const rest = fmt.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      parts.push({ kind: 'ampm', width: ampm[0].length });
      twelveHour = true;
      i += ampm[0].length;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhsm'.includes(lower)) {
      let j = i;
      while (j < fmt.length && (fmt[j] as string).toLowerCase() === lower) j++;
      const width = j - i;
      let kind: DatePart['kind'];
      if (lower === 'm') kind = ch === 'M' ? 'M' : 'm';
      else kind = lower as DatePart['kind'];
      parts.push({ kind, width });
      i = j;
      continue;
    }
    parts.push({ kind: 'lit', width: 0, text: ch });
    i++;
  }
  // Lowercase "m" means minutes next to an hour or a second, month otherwise (Sheets/Excel rule).
  const tokens = parts.filter((p) => p.kind !== 'lit');
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as DatePart;
    if (t.kind !== 'm') continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const isMinute = prev?.kind === 'h' || next?.kind === 's';
    if (!isMinute) t.kind = 'M';
  }
  return { kind: 'date', parts, twelveHour };
}

function compileNumber(section: string): NumberSection {
  const s: NumberSection = {
    prefix: '',
    suffix: '',
    minInt: 0,
    minDec: 0,
    maxDec: 0,
    grouping: false,
    percent: 0,
    scientific: false,
    text: false,
  };
  let seenDigit = false;
  let afterPoint = false;
  let i = 0;
  const lit = (text: string): void => {
    if (seenDigit) s.suffix += text;
    else s.prefix += text;
  };
  while (i < section.length) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '_' || ch === '*') {
      i += 2;
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?') {
      seenDigit = true;
      if (s.suffix) {
        // A literal between digit placeholders; keep it trailing (rare in practice).
      }
      if (afterPoint) {
        s.maxDec++;
        if (ch === '0') s.minDec++;
      } else if (ch === '0') s.minInt++;
      i++;
      continue;
    }
    if (ch === '.' && !afterPoint) {
      afterPoint = true;
      seenDigit = true;
      i++;
      continue;
    }
    if (ch === ',' && seenDigit && !afterPoint) {
      s.grouping = true;
      i++;
      continue;
    }
    if (ch === '%') {
      s.percent++;
      lit('%');
      i++;
      continue;
    }
    if ((ch === 'E' || ch === 'e') && /^[Ee][+-]/.test(section.slice(i))) {
      s.scientific = true;
      i += 2;
      while (i < section.length && /[0#]/.test(section[i] as string)) i++;
      continue;
    }
    if (ch === '@') {
      s.text = true;
      lit('@');
      i++;
      continue;
    }
    lit(ch);
    i++;
  }
  return s;
}

function roundTo(abs: number, decimals: number): string {
  const scaled = Number((abs * 10 ** decimals).toPrecision(15));
  return (Math.round(scaled) / 10 ** decimals).toFixed(decimals);
}

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function renderNumber(value: number, s: NumberSection, loc: LocaleInfo, withSign: boolean): string {
  let x = Math.abs(value) * 100 ** s.percent;
  if (s.scientific) {
    const exp = x === 0 ? 0 : Math.floor(Math.log10(x));
    const mant = x / 10 ** exp;
    const body = roundTo(mant, s.maxDec).replace('.', loc.decimal);
    const e = `E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return `${withSign && value < 0 ? '-' : ''}${s.prefix}${body}${e}${s.suffix}`;
  }
  const fixed = roundTo(x, s.maxDec);
  let [int = '0', dec = ''] = fixed.split('.');
  // Optional decimals (#) drop trailing zeros down to the required ones.
  while (dec.length > s.minDec && dec.endsWith('0')) dec = dec.slice(0, -1);
  int = int.replace(/^0+/, '');
  if (int.length < s.minInt) int = int.padStart(s.minInt, '0');
  if (s.grouping) int = groupDigits(int, loc.group);
  const body = dec ? `${int}${loc.decimal}${dec}` : int;
  x = Number(fixed);
  const negative = withSign && value < 0 && x !== 0;
  return `${negative ? '-' : ''}${s.prefix}${body}${s.suffix}`;
}

/** Sheets' "General"/automatic display: up to 10 significant digits, no grouping. */
export function renderGeneral(value: number, loc: LocaleInfo): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  let text: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    text = value.toExponential(2).toUpperCase();
  } else if (Number.isInteger(value)) {
    text = String(value);
  } else {
    const intDigits = abs < 1 ? 0 : Math.floor(Math.log10(abs)) + 1;
    const decimals = Math.max(0, 10 - intDigits);
    text = roundTo(abs, decimals).replace(/\.?0+$/, '');
    if (value < 0 && Number(text) !== 0) text = `-${text}`;
  }
  return text.replace('.', loc.decimal);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function renderDate(serial: number, c: Extract<Compiled, { kind: 'date' }>): string {
  const totalSeconds = Math.round(serial * 86400);
  const d = new Date(EPOCH_1899 + totalSeconds * 1000);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth() + 1;
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const se = d.getUTCSeconds();
  let out = '';
  for (const p of c.parts) {
    switch (p.kind) {
      case 'lit':
        out += p.text ?? '';
        break;
      case 'y':
        out += p.width <= 2 ? pad(Y % 100, 2) : pad(Y, 4);
        break;
      case 'M':
        out += p.width >= 3 ? `Tháng ${M}` : pad(M, p.width);
        break;
      case 'd':
        out += pad(D, Math.min(p.width, 2));
        break;
      case 'h': {
        const hh = c.twelveHour ? ((h + 11) % 12) + 1 : h;
        out += pad(hh, Math.min(p.width, 2));
        break;
      }
      case 'm':
        out += pad(mi, Math.min(p.width, 2));
        break;
      case 's':
        out += pad(se, Math.min(p.width, 2));
        break;
      case 'ampm':
        out += h < 12 ? 'AM' : 'PM';
        break;
    }
  }
  return out;
}

/** The string Range.getDisplayValues() shows for a stored value and number format. */
export function displayValue(value: CellValue, fmt: string | undefined, locale: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const c = compile(fmt ?? '');
  if (typeof value === 'string') {
    if (c.kind === 'number') {
      const textSection = c.sections[3] ?? c.sections.find((s) => s.text);
      if (textSection?.text)
        return `${textSection.prefix}${textSection.suffix}`.replace('@', value);
    }
    return value;
  }
  const loc = localeInfo(locale);
  switch (c.kind) {
    case 'general':
    case 'text':
      return renderGeneral(value, loc);
    case 'date':
      return renderDate(value, c);
    case 'number': {
      // Score sheets repeat the same few values; memoise per format and locale.
      const key = `${locale}|${value}`;
      const hit = c.memo.get(key);
      if (hit !== undefined) return hit;
      const [pos, neg, zero] = c.sections as [NumberSection, NumberSection?, NumberSection?];
      let out: string;
      if (value === 0 && zero) out = renderNumber(0, zero, loc, false);
      else if (value < 0 && neg) out = renderNumber(value, neg, loc, false);
      else out = renderNumber(value, pos, loc, true);
      if (c.memo.size > 20000) c.memo.clear();
      c.memo.set(key, out);
      return out;
    }
  }
}

// ---------------------------------------------------------------- typed input

export type TypedInput =
  | { kind: 'value'; value: CellValue; format?: string; isDate?: boolean }
  | { kind: 'formula'; formula: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const numberReCache = new Map<string, RegExp>();

function numberRe(loc: LocaleInfo): RegExp {
  const key = loc.decimal + loc.group;
  let re = numberReCache.get(key);
  if (!re) {
    const d = escapeRe(loc.decimal);
    const g = escapeRe(loc.group);
    re = new RegExp(
      `^([+-]?)(\\d+|\\d{1,3}(?:${g}\\d{3})+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`,
    );
    numberReCache.set(key, re);
  }
  return re;
}

function parseNumber(text: string, loc: LocaleInfo): TypedInput | null {
  const m = numberRe(loc).exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const [, sign = '', intPart = '0', decPart, exp, pct] = m;
  const grouped = intPart.includes(loc.group) && loc.group !== '';
  let value = Number(
    `${intPart.split(loc.group).join('')}.${decPart ?? '0'}${exp ? `e${exp}` : ''}`,
  );
  if (sign === '-') value = -value;
  if (pct) {
    value = Number((value / 100).toPrecision(15));
    return { kind: 'value', value, format: decPart ? '0.00%' : '0%' };
  }
  if (exp) return { kind: 'value', value, format: '0.00E+00' };
  if (grouped) return { kind: 'value', value, format: decPart ? '#,##0.00' : '#,##0' };
  return { kind: 'value', value };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseDateTime(text: string, loc: LocaleInfo, nowYear: number): TypedInput | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  let y: number;
  let mo: number;
  let d: number;
  let timeIdx = 4;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
      text,
    );
    if (!m) return null;
    const a = Number(m[1]);
    const b = Number(m[3]);
    [d, mo] = loc.order === 'DMY' ? [a, b] : [b, a];
    const yy = m[4];
    y = yy === undefined ? nowYear : yy.length === 2 ? 2000 + Number(yy) : Number(yy);
    // Two-digit years from 30 up are read as 19xx, like Sheets.
    if (yy !== undefined && yy.length === 2 && Number(yy) >= 30) y = 1900 + Number(yy);
    timeIdx = 5;
  }
  if (!validDate(y, mo, d)) return null;
  const hasTime = m[timeIdx] !== undefined;
  const h = Number(m[timeIdx] ?? 0);
  const mi = Number(m[timeIdx + 1] ?? 0);
  const s = Number(m[timeIdx + 2] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return {
    kind: 'value',
    value: wallSerial(y, mo, d, h, mi, s),
    format: hasTime ? loc.dateTime : loc.date,
    isDate: true,
  };
}

function parseTime(text: string, loc: LocaleInfo): TypedInput | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return { kind: 'value', value: (h * 3600 + mi * 60 + s) / 86400, format: loc.time, isDate: true };
}

/**
 * How Sheets stores a string typed into a cell (or passed to setValue/setValues, which Apps
 * Script parses like typed input).
 *
 * Documented: a leading "=" makes a formula (Range.setValue/setFormula reference); a leading
 * apostrophe keeps the rest as text (Sheets help "Format numbers in a spreadsheet": prefix with
 * an apostrophe to keep as text); cells formatted as plain text "@" keep the text as typed.
 * ASSUMPTIONS (commonly reported Sheets behaviour, not in the reference): a leading "+" or "-"
 * that is not a number also starts a formula (shown as #ERROR! when it does not parse, e.g. a
 * phone number "+84 912…" or a bullet "- text"); "TRUE"/"FALSE" become booleans in any case;
 * "9/10" becomes a date in the current year; surrounding spaces are ignored for numbers.
 */
export function parseTypedInput(
  text: string,
  locale: string,
  cellFormat: string | undefined,
  nowYear: number,
): TypedInput {
  if (cellFormat !== undefined && compile(cellFormat).kind === 'text') {
    return { kind: 'value', value: text };
  }
  if (text === '') return { kind: 'value', value: '' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const loc = localeInfo(locale);
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) {
    return { kind: 'value', value: trimmed.toLowerCase() === 'true' };
  }
  const parsed =
    parseNumber(trimmed, loc) ?? parseDateTime(trimmed, loc, nowYear) ?? parseTime(trimmed, loc);
  if (parsed) return parsed;
  if (/^[+-]./.test(text)) return { kind: 'formula', formula: `=${text}` };
  return { kind: 'value', value: text };
}
