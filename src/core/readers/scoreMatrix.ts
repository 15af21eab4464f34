import { finding, type Finding } from '../findings';
import type { CriteriaTree, Criterion } from '../model/criteria';
import type { ScoreEntry } from '../model/scores';
import type { Unit } from '../model/unit';
import {
  MATRIX_UNIT_CODE_HEADER,
  MATRIX_UNIT_NAME_HEADER,
  entryCriteria,
  matrixLayout,
} from '../layout/matrix';
import { MAX_POINTS_ROW_LABEL, TARGET_PART_LABELS, type TargetPart } from '../layout/labels';
import { normalizeText, nameKey } from '../text/normalize';
import { valueToText } from '../parse/text';
import {
  a1,
  cellAt,
  columnCount,
  isBlank,
  isBlankRow,
  labelKey,
  rowAt,
  type ReadResult,
} from './cells';
import { HEADER_SCAN_ROWS } from './headers';
import { resolve, unitIndex } from './lookup';
import { checkScoreEntry, checkTargetPart, findingOf } from './values';

export interface ScoreMatrixOptions {
  /** The sheet the grid came from: "Tự chấm" or "Thẩm định". */
  readonly sheet: string;
  readonly source: 'self' | 'verified';
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
}

/** What one column of a score matrix grid holds, as found from its header. */
export type LocatedMatrixColumn =
  | { readonly kind: 'unitCode' }
  | { readonly kind: 'unitName' }
  | { readonly kind: 'score'; readonly criterion: Criterion }
  | { readonly kind: 'targetPart'; readonly criterion: Criterion; readonly part: TargetPart };

export interface LocatedMatrix {
  /** 0-based header row in the grid. */
  readonly headerRow0: number;
  /** 0-based column → what it holds; columns with no usable header are absent. */
  readonly columns: ReadonlyMap<number, LocatedMatrixColumn>;
  readonly findings: Finding[];
}

const UNIT_CODE_KEYS = [MATRIX_UNIT_CODE_HEADER, 'Mã'].map(labelKey);
const UNIT_NAME_KEYS = [MATRIX_UNIT_NAME_HEADER, 'Tên đơn vị'].map(labelKey);
const MAX_ROW_KEY = labelKey(MAX_POINTS_ROW_LABEL);
const PART_KEYS: Record<TargetPart, string> = {
  target: labelKey(TARGET_PART_LABELS.target),
  actual: labelKey(TARGET_PART_LABELS.actual),
};

/**
 * Splits "I.3 - Chỉ tiêu", "I.3 (thực hiện)", "I.3: Chỉ tiêu" into code and part. Only the
 * separators set-up writes, and the obvious variants, are accepted.
 */
export function splitTargetHeader(text: string): { code: string; part: TargetPart } | undefined {
  const match = /^(.+?)\s*(?:[-–—:]\s*|\(\s*)([^()]+?)\s*\)?$/.exec(normalizeText(text));
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  const partKey = labelKey(match[2]);
  const part = (Object.keys(PART_KEYS) as TargetPart[]).find((p) => PART_KEYS[p] === partKey);
  return part === undefined ? undefined : { code: match[1], part };
}

/**
 * Finds a matrix's columns from its header row: unit code and name by header, criteria by
 * code (target criteria by "<code> - Chỉ tiêu" / "<code> - Thực hiện"). Criteria missing from
 * the headers are 'header-missing' (or 'header-renamed' when their set-up cell holds other
 * text); a header naming no entry criterion is 'unknown-criterion'.
 */
export function locateMatrix(
  grid: readonly unknown[],
  sheet: string,
  tree: CriteriaTree,
): LocatedMatrix {
  const entries = entryCriteria(tree);
  const byCode = new Map(entries.map((c) => [nameKey(c.code), c]));
  const parents = new Set(
    tree.criteria.filter((c) => !entries.includes(c)).map((c) => nameKey(c.code)),
  );
  const classify = (value: unknown): LocatedMatrixColumn | 'unknown' | undefined => {
    if (isBlank(value)) return undefined;
    const key = labelKey(value);
    if (UNIT_CODE_KEYS.includes(key)) return { kind: 'unitCode' };
    if (UNIT_NAME_KEYS.includes(key)) return { kind: 'unitName' };
    const text = valueToText(value);
    const whole = byCode.get(nameKey(text));
    if (whole !== undefined && whole.type !== 'target') return { kind: 'score', criterion: whole };
    const split = splitTargetHeader(text);
    if (split !== undefined) {
      const c = byCode.get(nameKey(split.code));
      if (c !== undefined && c.type === 'target') {
        return { kind: 'targetPart', criterion: c, part: split.part };
      }
    }
    return 'unknown';
  };

  let headerRow0 = 0;
  let best = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.length); r++) {
    const known = rowAt(grid, r).filter((v) => {
      const k = classify(v);
      return k !== undefined && k !== 'unknown';
    }).length;
    if (known > best) {
      best = known;
      headerRow0 = r;
    }
  }

  const findings: Finding[] = [];
  const columns = new Map<number, LocatedMatrixColumn>();
  const firstCell = new Map<string, string>();
  const unknown = new Map<number, unknown>();
  const idOf = (k: LocatedMatrixColumn): string =>
    k.kind === 'score'
      ? `c:${k.criterion.code}`
      : k.kind === 'targetPart'
        ? `t:${k.criterion.code}:${k.part}`
        : k.kind;
  const width = columnCount(grid);
  for (let c = 0; c < width; c++) {
    const value = cellAt(grid, headerRow0, c);
    const k = classify(value);
    if (k === undefined) continue;
    if (k === 'unknown') {
      unknown.set(c, value);
      continue;
    }
    const id = idOf(k);
    const first = firstCell.get(id);
    if (first !== undefined) {
      findings.push(
        finding(sheet, a1(headerRow0, c), 'duplicate-code', value, { firstCell: first }),
      );
      continue;
    }
    firstCell.set(id, a1(headerRow0, c));
    columns.set(c, k);
  }

  // Columns the set-up would have written but that are not there.
  const expected = matrixLayout([], tree).columns;
  for (const spec of expected) {
    const role = spec.role;
    const id =
      role.kind === 'score'
        ? `c:${role.criterion}`
        : role.kind === 'targetPart'
          ? `t:${role.criterion}:${role.part}`
          : role.kind;
    if (firstCell.has(id)) continue;
    if (role.kind === 'unitName' && firstCell.has('unitCode')) continue;
    if (role.kind === 'unitCode' && firstCell.has('unitName')) continue;
    const c0 = spec.column - 1;
    const cell = a1(headerRow0, c0);
    const there = cellAt(grid, headerRow0, c0);
    if (unknown.has(c0)) {
      // Renamed in place: read it from its set-up position, and say so.
      unknown.delete(c0);
      findings.push(finding(sheet, cell, 'header-renamed', there, { expected: spec.header }));
      const criterion =
        role.kind === 'score' || role.kind === 'targetPart'
          ? byCode.get(nameKey(role.criterion))
          : undefined;
      if (role.kind === 'unitCode' || role.kind === 'unitName')
        columns.set(c0, { kind: role.kind });
      else if (criterion !== undefined && role.kind === 'score') {
        columns.set(c0, { kind: 'score', criterion });
      } else if (criterion !== undefined && role.kind === 'targetPart') {
        columns.set(c0, { kind: 'targetPart', criterion, part: role.part });
      }
    } else {
      findings.push(finding(sheet, cell, 'header-missing', there, { expected: spec.header }));
    }
  }
  unknown.forEach((value, c) => {
    const isParent = parents.has(nameKey(valueToText(value)));
    findings.push(
      finding(sheet, a1(headerRow0, c), 'unknown-criterion', value, {
        hint: isParent
          ? 'Tiêu chí này có tiêu chí con: chấm ở các cột tiêu chí con.'
          : 'Cột này không được đọc.',
      }),
    );
  });
  return { headerRow0, columns, findings };
}

type HalfState = { readonly c: number; readonly v: number | 'bad' | 'empty' };
type TargetPair = { criterion: Criterion; target?: HalfState; actual?: HalfState };

/**
 * Reads a score matrix (Tự chấm or Thẩm định) into score entries, each with the cell it came
 * from. Blank cells are no entry. Every non-blank bad cell gives exactly one finding and no
 * entry. Rows of unknown or repeated units give a finding on the unit cell and no entries,
 * their score cells still being checked.
 */
export function readScoreMatrix(
  grid: readonly unknown[],
  options: ScoreMatrixOptions,
): ReadResult<ScoreEntry[]> {
  const { sheet, source, units, tree } = options;
  const located = locateMatrix(grid, sheet, tree);
  const findings: Finding[] = [...located.findings];
  const entries: ScoreEntry[] = [];
  const index = unitIndex(units);
  let codeCol = -1;
  let nameCol = -1;
  located.columns.forEach((k, c) => {
    if (k.kind === 'unitCode') codeCol = c;
    if (k.kind === 'unitName') nameCol = c;
  });
  const describe = (u: Unit): string => `${u.code} (${u.name})`;
  const rowOfUnit = new Map<string, string>();

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row)) continue;
    const codeValue = cellAt(grid, r, codeCol);
    const nameValue = cellAt(grid, r, nameCol);
    if (labelKey(codeValue) === MAX_ROW_KEY || labelKey(nameValue) === MAX_ROW_KEY) continue;

    let unit: Unit | undefined;
    const unitCol = codeCol >= 0 && !isBlank(codeValue) ? codeCol : nameCol;
    const unitValue = cellAt(grid, r, unitCol);
    // A row with neither code nor name is reported at the code cell.
    const unitCell = a1(r, isBlank(unitValue) && codeCol >= 0 ? codeCol : Math.max(unitCol, 0));
    if (unitCol >= 0) {
      const found = resolve(index, unitValue, describe);
      if (found.kind === 'found') unit = found.item;
      else if (found.kind === 'empty') {
        findings.push(
          finding(sheet, unitCell, 'required-missing', unitValue, { field: 'mã đơn vị' }),
        );
      } else {
        findings.push(
          finding(
            sheet,
            unitCell,
            'unknown-unit',
            unitValue,
            found.hint ? { hint: found.hint } : {},
          ),
        );
      }
    }
    if (unit !== undefined && unitCol === codeCol && nameCol >= 0 && !isBlank(nameValue)) {
      const byName = resolve(index, nameValue, describe);
      if (byName.kind !== 'found' || byName.item !== unit) {
        findings.push(
          // The row is read by its code; the name only raises a doubt.
          finding(
            sheet,
            a1(r, nameCol),
            'invalid-value',
            nameValue,
            { expected: `tên của đơn vị ${unit.code}: ${unit.name}` },
            'warning',
          ),
        );
      }
    }
    if (unit !== undefined) {
      const first = rowOfUnit.get(unit.code);
      if (first !== undefined) {
        findings.push(finding(sheet, unitCell, 'duplicate-code', unitValue, { firstCell: first }));
        unit = undefined;
      } else rowOfUnit.set(unit.code, unitCell);
    }

    const targets = new Map<string, TargetPair>();
    // Entries of this row, by column, so that they come out in sheet order.
    const rowEntries: { c: number; entry: ScoreEntry }[] = [];
    located.columns.forEach((k, c) => {
      if (k.kind !== 'score' && k.kind !== 'targetPart') return;
      const raw = cellAt(grid, r, c);
      const cell = a1(r, c);
      if (k.kind === 'score') {
        const checked = checkScoreEntry(k.criterion, raw);
        if (checked.kind === 'bad') findings.push(findingOf(sheet, cell, raw, checked));
        else if (checked.kind === 'ok' && unit !== undefined) {
          rowEntries.push({
            c,
            entry: {
              unit: unit.code,
              criterion: k.criterion.code,
              source,
              value: checked.value,
              at: { sheet, cell },
            },
          });
        }
        return;
      }
      const checked = checkTargetPart(k.part, raw);
      if (checked.kind === 'bad') findings.push(findingOf(sheet, cell, raw, checked));
      const pair = targets.get(k.criterion.code) ?? { criterion: k.criterion };
      pair[k.part] = {
        c,
        v: checked.kind === 'ok' ? checked.value : checked.kind === 'bad' ? 'bad' : 'empty',
      };
      targets.set(k.criterion.code, pair);
    });
    targets.forEach((pair) => {
      const { target, actual } = pair;
      if (target === undefined || actual === undefined) return;
      if (target.v === 'empty' && actual.v === 'empty') return;
      // Half an entry is not an entry: point at the missing half.
      for (const [half, other, field] of [
        [target, actual, 'chỉ tiêu'],
        [actual, target, 'kết quả thực hiện'],
      ] as const) {
        if (half.v === 'empty' && other.v !== 'empty') {
          findings.push(finding(sheet, a1(r, half.c), 'required-missing', '', { field }));
        }
      }
      if (typeof target.v === 'number' && typeof actual.v === 'number' && unit !== undefined) {
        rowEntries.push({
          c: Math.min(target.c, actual.c),
          entry: {
            unit: unit.code,
            criterion: pair.criterion.code,
            source,
            value: { target: target.v, actual: actual.v },
            at: { sheet, cell: a1(r, actual.c) },
          },
        });
      }
    });
    rowEntries.sort((x, y) => x.c - y.c);
    for (const { entry } of rowEntries) entries.push(entry);
  }
  return { value: entries, findings };
}
