import { finding, type Finding, type FindingCode, type FindingDetails } from '../findings';
import {
  ClusterSettingsSchema,
  DEFAULT_CLASSIFICATION_BANDS,
  type ClassificationBand,
  type ClusterSettings,
  type TieBreakKey,
} from '../model/settings';
import {
  SETTING_ROWS,
  SETTINGS_TABLE,
  TIE_BREAK_GROUP_PREFIX,
  TIE_BREAK_GROUP_SUFFIX,
  TIE_BREAK_LABELS,
  type SettingRow,
  type SettingsColumnKey,
} from '../layout/settings';
import { DEFAULT_GRANTS, type RoleGrants } from '../roles';
import { parseDate } from '../parse/date';
import { parseNumber } from '../parse/number';
import { parseText } from '../parse/text';
import { normalizeText } from '../text/normalize';
import {
  a1,
  cellAt,
  isBlank,
  isBlankRow,
  labelKey,
  matchLabel,
  rowAt,
  type ReadResult,
} from './cells';
import { locateTable } from './headers';
import { checkNumber } from './values';

const SHEET = SETTINGS_TABLE.sheet;

/** A setting's cell, read: its value, blank, or bad with the finding to report. */
type SettingRead =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'bad'; readonly code: FindingCode; readonly details?: FindingDetails };

const NO_TIE_BREAK_KEY = labelKey('Không');

function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(normalizeText)
    .filter((s) => s !== '');
}

function readTieBreak(text: string): SettingRead {
  if (labelKey(text) === NO_TIE_BREAK_KEY) return { kind: 'ok', value: [] };
  const kinds = Object.keys(TIE_BREAK_LABELS) as (keyof typeof TIE_BREAK_LABELS)[];
  const prefix = labelKey(TIE_BREAK_GROUP_PREFIX).split(' ');
  const suffix = labelKey(TIE_BREAK_GROUP_SUFFIX).split(' ');
  const chain: TieBreakKey[] = [];
  for (const item of splitList(text)) {
    const key = labelKey(item);
    const kind = kinds.find((k) => labelKey(TIE_BREAK_LABELS[k]) === key);
    if (kind !== undefined) {
      chain.push({ kind });
      continue;
    }
    const words = item.split(' ');
    const keys = words.map(labelKey);
    const group = words.slice(prefix.length, words.length - suffix.length).join(' ');
    if (
      words.length > prefix.length + suffix.length &&
      prefix.every((p, i) => keys[i] === p) &&
      suffix.every((s, i) => keys[words.length - suffix.length + i] === s)
    ) {
      chain.push({ kind: 'groupSubtotal', group });
      continue;
    }
    const choices = [
      ...kinds.map((k) => TIE_BREAK_LABELS[k]),
      `${TIE_BREAK_GROUP_PREFIX} <mã nhóm> ${TIE_BREAK_GROUP_SUFFIX}`,
    ];
    return {
      kind: 'bad',
      code: 'invalid-value',
      details: {
        expected: `các mục cách nhau bằng dấu chấm phẩy, chọn trong: ${choices.join('; ')}`,
      },
    };
  }
  return { kind: 'ok', value: chain };
}

/** Reads one setting's cell by its row's kind. */
export function readSettingValue(row: SettingRow, raw: unknown): SettingRead {
  const kind = row.value;
  switch (kind.kind) {
    case 'text': {
      const parsed = parseText(raw);
      if (parsed.kind === 'invalid') return { kind: 'bad', code: parsed.code };
      return parsed;
    }
    case 'integer': {
      const checked = checkNumber(raw, { integer: true, what: 'giá trị' });
      if (checked.kind !== 'ok') return checked;
      if (checked.value < kind.min || checked.value > kind.max) {
        return {
          kind: 'bad',
          code: 'invalid-value',
          details: { expected: `số nguyên từ ${kind.min} đến ${kind.max}` },
        };
      }
      return checked;
    }
    case 'decimal': {
      const checked = checkNumber(raw, { what: 'giá trị' });
      if (checked.kind !== 'ok') return checked;
      if (checked.value < kind.min || checked.value > kind.max) {
        return {
          kind: 'bad',
          code: 'invalid-value',
          details: { expected: `số từ ${kind.min} đến ${kind.max}` },
        };
      }
      return checked;
    }
    case 'percent': {
      const isPercentText = typeof raw === 'string' && normalizeText(raw).endsWith('%');
      const parsed = parseNumber(raw, { allowPercent: true });
      if (parsed.kind === 'empty') return parsed;
      if (parsed.kind === 'invalid') return { kind: 'bad', code: parsed.code };
      const percent = isPercentText ? parsed.value * 100 : parsed.value;
      // A fraction such as 0,95 most likely means 95 %, but guessing would rewrite what was
      // typed: ask for the percentage instead.
      const fraction = !isPercentText && percent > 0 && percent < 1;
      if (percent < 0 || percent > 100 || fraction) {
        return {
          kind: 'bad',
          code: 'invalid-value',
          details: { expected: 'số phần trăm từ 0 đến 100, ví dụ 95 cho 95%' },
        };
      }
      return { kind: 'ok', value: Math.round(percent * 1e9) / 1e11 };
    }
    case 'date': {
      const parsed = parseDate(raw);
      if (parsed.kind === 'invalid') return { kind: 'bad', code: 'invalid-date' };
      return parsed;
    }
    case 'choice': {
      const index = matchLabel(
        raw,
        kind.choices.map((c) => c.label),
      );
      if (index === undefined) {
        return {
          kind: 'bad',
          code: 'invalid-value',
          details: { expected: kind.choices.map((c) => c.label).join('; ') },
        };
      }
      const choice = kind.choices[index];
      return choice === undefined ? { kind: 'empty' } : { kind: 'ok', value: choice.value };
    }
    case 'labelList': {
      const parsed = parseText(raw);
      if (parsed.kind === 'invalid') return { kind: 'bad', code: parsed.code };
      if (parsed.kind === 'empty') return parsed;
      return { kind: 'ok', value: splitList(parsed.value) };
    }
    case 'tieBreak': {
      const parsed = parseText(raw);
      if (parsed.kind === 'invalid') return { kind: 'bad', code: parsed.code };
      if (parsed.kind === 'empty') return parsed;
      return readTieBreak(parsed.value);
    }
    case 'lines': {
      // Each line is read as a text cell would be; parseText alone would join the lines.
      if (typeof raw !== 'string') {
        const parsed = parseText(raw);
        if (parsed.kind === 'invalid') return { kind: 'bad', code: parsed.code };
        return parsed.kind === 'empty' ? parsed : { kind: 'ok', value: [parsed.value] };
      }
      const lines = raw
        .split(/\r\n|\r|\n/)
        .map(normalizeText)
        .filter((line) => line !== '');
      return lines.length === 0 ? { kind: 'empty' } : { kind: 'ok', value: lines };
    }
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    const child: Record<string, unknown> =
      typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : {};
    node[key] = child;
    node = child;
  });
}

/**
 * Reads Cấu hình. Rows are found by label (without case or diacritics), so their order does not
 * matter. A missing or bad optional setting takes the model's default (a bad one is reported);
 * a missing required one (cluster name, year) leaves the value undefined.
 */
export function readSettings(
  grid: readonly unknown[],
): ReadResult<ClusterSettings | undefined> & { readonly cells: ReadonlyMap<string, string> } {
  const located = locateTable<SettingsColumnKey>(grid, SETTINGS_TABLE);
  const findings: Finding[] = [...located.findings];
  const labelCol = located.columns.get('label') ?? -1;
  const valueCol = located.columns.get('value') ?? -1;
  const rowsByKey = new Map(SETTING_ROWS.map((row) => [labelKey(row.label), row]));
  const found = new Map<string, { r: number; cell: string }>();

  if (labelCol >= 0 && valueCol >= 0) {
    for (let r = located.headerRow0 + 1; r < grid.length; r++) {
      if (isBlankRow(rowAt(grid, r))) continue;
      const label = cellAt(grid, r, labelCol);
      const row = rowsByKey.get(labelKey(label));
      if (row === undefined) {
        // A row the program does not know: nothing it says is used, so tell the user.
        if (!isBlank(cellAt(grid, r, valueCol))) {
          findings.push(
            finding(
              SHEET,
              a1(r, labelCol),
              'invalid-value',
              label,
              { expected: 'một nội dung cấu hình có sẵn; dòng này không được dùng' },
              'warning',
            ),
          );
        }
        continue;
      }
      const previous = found.get(row.key);
      if (previous !== undefined) {
        findings.push(
          finding(SHEET, a1(r, labelCol), 'duplicate-code', label, {
            firstCell: a1(previous.r, labelCol),
          }),
        );
        continue;
      }
      found.set(row.key, { r, cell: a1(r, valueCol) });
    }
  }

  const input: Record<string, unknown> = {};
  const bands: ClassificationBand[] = [];
  const cells = new Map<string, string>();
  let complete = labelCol >= 0 && valueCol >= 0;
  SETTING_ROWS.forEach((row, i) => {
    const at = found.get(row.key);
    if (at === undefined) {
      if (row.required && labelCol >= 0 && valueCol >= 0) {
        findings.push(
          finding(SHEET, a1(located.headerRow0 + 1 + i, labelCol), 'required-missing', '', {
            field: `dòng "${row.label}"`,
          }),
        );
      }
      if (row.required) complete = false;
      const target = row.target;
      if ('band' in target) {
        const band = DEFAULT_CLASSIFICATION_BANDS.find((b) => b.label === target.band);
        if (band) bands.push(band);
      }
      return;
    }
    cells.set(row.key, at.cell);
    const raw = cellAt(grid, at.r, valueCol);
    const read = readSettingValue(row, raw);
    if (read.kind === 'bad') {
      findings.push(finding(SHEET, at.cell, read.code, raw, read.details));
    } else if (read.kind === 'empty' && row.required) {
      findings.push(finding(SHEET, at.cell, 'required-missing', raw, { field: row.label }));
    }
    if (row.required && read.kind !== 'ok') complete = false;
    if ('band' in row.target) {
      const label = row.target.band;
      const minShare =
        read.kind === 'ok' && typeof read.value === 'number'
          ? read.value
          : DEFAULT_CLASSIFICATION_BANDS.find((b) => b.label === label)?.minShare;
      if (minShare !== undefined) bands.push({ label, minShare });
      return;
    }
    if (read.kind === 'ok') setPath(input, row.target.path, read.value);
  });

  // Bands must fall strictly from Xuất sắc to Khá, or a unit could fit two of them.
  for (let i = 1; i < bands.length; i++) {
    const higher = bands[i - 1];
    const lower = bands[i];
    if (higher === undefined || lower === undefined || lower.minShare < higher.minShare) continue;
    const atBand = (label: string): { r: number; cell: string } | undefined => {
      const row = SETTING_ROWS.find((s) => 'band' in s.target && s.target.band === label);
      return row === undefined ? undefined : found.get(row.key);
    };
    // Point at the lower band's cell, or at the higher one's when the lower is the default.
    const at = atBand(lower.label) ?? atBand(higher.label);
    if (at !== undefined) {
      findings.push(
        finding(SHEET, at.cell, 'invalid-value', cellAt(grid, at.r, valueCol), {
          expected: `ngưỡng ${lower.label} thấp hơn ngưỡng ${higher.label}`,
        }),
      );
    }
    complete = false;
  }
  input['classificationBands'] = bands;

  if (!complete) return { value: undefined, findings, cells };
  const parsed = ClusterSettingsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const top = issue.path.map(String);
      const row = SETTING_ROWS.find(
        (s) => 'path' in s.target && s.target.path.every((p, i) => top[i] === p),
      );
      const cell = (row && cells.get(row.key)) ?? a1(located.headerRow0, Math.max(valueCol, 0));
      findings.push(finding(SHEET, cell, 'invalid-value', '', { expected: issue.message }));
    }
    return { value: undefined, findings, cells };
  }
  return { value: parsed.data, findings, cells };
}

/**
 * What Cấu hình grants beyond the roles table's defaults (src/core/roles.ts RoleGrants): kept out
 * of ClusterSettings, as it decides protections, not scores. A missing or bad cell is the default.
 */
export function readRoleGrants(grid: readonly unknown[]): RoleGrants {
  const located = locateTable<SettingsColumnKey>(grid, SETTINGS_TABLE);
  const labelCol = located.columns.get('label') ?? -1;
  const valueCol = located.columns.get('value') ?? -1;
  const row = SETTING_ROWS.find((r) => r.key === 'deputiesVerify');
  if (labelCol < 0 || valueCol < 0 || row === undefined) return DEFAULT_GRANTS;
  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (labelKey(cellAt(grid, r, labelCol)) !== labelKey(row.label)) continue;
    const read = readSettingValue(row, cellAt(grid, r, valueCol));
    return read.kind === 'ok' && typeof read.value === 'boolean'
      ? { deputiesVerify: read.value }
      : DEFAULT_GRANTS;
  }
  return DEFAULT_GRANTS;
}
