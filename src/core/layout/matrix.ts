import type { CriteriaTree, Criterion } from '../model/criteria';
import type { Unit } from '../model/unit';
import { cellA1 } from '../a1';
import { NUMBER_FORMATS as F, type ColumnValidation, type ColumnEntry } from './columns';
import { MAX_POINTS_ROW_LABEL, TARGET_PART_LABELS, type TargetPart } from './labels';
import { CRITERION_TYPE_LABELS } from '../model/criteria';

/** Headers of the two unit columns that start every score matrix. */
export const MATRIX_UNIT_CODE_HEADER = 'Mã đơn vị';
export const MATRIX_UNIT_NAME_HEADER = 'Đơn vị';

/** What a matrix column holds. */
export type MatrixColumnRole =
  | { readonly kind: 'unitCode' }
  | { readonly kind: 'unitName' }
  /** The one entry of a non-target criterion: points, occurrences or a pass/fail mark. */
  | { readonly kind: 'score'; readonly criterion: string }
  | { readonly kind: 'targetPart'; readonly criterion: string; readonly part: TargetPart };

export interface MatrixColumn {
  /** 1-based column. */
  readonly column: number;
  readonly role: MatrixColumnRole;
  readonly header: string;
  /** Value in the max-points row: the criterion's maximum (on the target column of a pair). */
  readonly maxCell: string | number;
  /** Help for the header cell: the criterion's text and how to enter it. */
  readonly note: string;
  readonly width: number;
  readonly numberFormat: string;
  readonly entry: ColumnEntry;
  readonly validation?: ColumnValidation;
}

/**
 * A score matrix (Tự chấm, Thẩm định) as set up: row 1 headers, row 2 maximum points, then one
 * row per unit. Target-based criteria take two columns (chỉ tiêu, thực hiện).
 */
export interface MatrixLayout {
  readonly headerRow: number;
  readonly maxPointsRow: number;
  readonly firstDataRow: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly columns: readonly MatrixColumn[];
  /** The two header rows exactly as written: headers, then maxima. */
  readonly headerRows: readonly (readonly (string | number)[])[];
  /** Unit rows as written by set-up: code and name, scores left blank. */
  readonly unitRows: readonly {
    readonly row: number;
    readonly code: string;
    readonly name: string;
  }[];
  /** unit code → 1-based row */
  readonly rowOfUnit: ReadonlyMap<string, number>;
  /** criterion code → its column(s) */
  readonly columnOfCriterion: ReadonlyMap<
    string,
    { readonly score?: number; readonly target?: number; readonly actual?: number }
  >;
}

/**
 * The criteria that take an entry, in matrix order: groups in tree order, criteria in sheet
 * order within a group, parents left out (their points are the sum of their sub-criteria).
 * Criteria of a group missing from `groups` come last, so nothing entered is lost.
 */
export function entryCriteria(tree: CriteriaTree): Criterion[] {
  const parents = new Set<string>();
  for (const c of tree.criteria) if (c.parent !== undefined) parents.add(c.parent);
  const leaves = tree.criteria.filter((c) => !parents.has(c.code));
  const groupCodes = tree.groups.map((g) => g.code);
  const ordered: Criterion[] = [];
  for (const code of groupCodes) ordered.push(...leaves.filter((c) => c.group === code));
  ordered.push(...leaves.filter((c) => !groupCodes.includes(c.group)));
  return ordered;
}

/** Header of one column of a target pair, e.g. "I.3 - Chỉ tiêu". */
export function targetPartHeader(criterionCode: string, part: TargetPart): string {
  return `${criterionCode} - ${TARGET_PART_LABELS[part]}`;
}

function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

function entryNote(c: Criterion): string {
  const type = CRITERION_TYPE_LABELS[c.type];
  switch (c.type) {
    case 'passFail':
      return `${c.text}\n${type}: ghi Đạt hoặc Không đạt (${formatPoints(c.maxPoints)} điểm khi đạt).`;
    case 'perOccurrence':
      return `${c.text}\n${type}: ghi số lần; mỗi lần ${formatPoints(c.pointsPerOccurrence ?? 0)} điểm, tối đa ${formatPoints(c.maxPoints)} điểm.`;
    case 'penalty':
      return `${c.text}\n${type}: ghi số điểm bị trừ, từ 0 đến ${formatPoints(c.maxPoints)}.`;
    default:
      return `${c.text}\n${type}: từ 0 đến ${formatPoints(c.maxPoints)} điểm.`;
  }
}

export function matrixLayout(units: readonly Unit[], tree: CriteriaTree): MatrixLayout {
  const columns: MatrixColumn[] = [
    {
      column: 1,
      role: { kind: 'unitCode' },
      header: MATRIX_UNIT_CODE_HEADER,
      maxCell: MAX_POINTS_ROW_LABEL,
      note: '',
      width: 100,
      numberFormat: F.text,
      entry: 'computed',
    },
    {
      column: 2,
      role: { kind: 'unitName' },
      header: MATRIX_UNIT_NAME_HEADER,
      maxCell: '',
      note: '',
      width: 200,
      numberFormat: F.text,
      entry: 'computed',
    },
  ];
  const columnOfCriterion = new Map<string, { score?: number; target?: number; actual?: number }>();
  for (const c of entryCriteria(tree)) {
    const note = entryNote(c);
    if (c.type === 'target') {
      const target = columns.length + 1;
      columns.push(
        {
          column: target,
          role: { kind: 'targetPart', criterion: c.code, part: 'target' },
          header: targetPartHeader(c.code, 'target'),
          maxCell: c.maxPoints,
          note: `${c.text}\n${CRITERION_TYPE_LABELS.target}: ghi chỉ tiêu được giao, tối đa ${formatPoints(c.maxPoints)} điểm.`,
          width: 90,
          numberFormat: F.number,
          entry: 'user',
          validation: { kind: 'numberBetween', min: 0 },
        },
        {
          column: target + 1,
          role: { kind: 'targetPart', criterion: c.code, part: 'actual' },
          header: targetPartHeader(c.code, 'actual'),
          maxCell: '',
          note: `${c.text}\n${CRITERION_TYPE_LABELS.target}: ghi kết quả thực hiện.`,
          width: 90,
          numberFormat: F.number,
          entry: 'user',
          validation: { kind: 'numberBetween', min: 0 },
        },
      );
      columnOfCriterion.set(c.code, { target, actual: target + 1 });
      continue;
    }
    const column = columns.length + 1;
    const validation: ColumnValidation =
      c.type === 'passFail'
        ? { kind: 'list', values: ['Đạt', 'Không đạt'] }
        : c.type === 'perOccurrence'
          ? { kind: 'numberBetween', min: 0, integer: true }
          : { kind: 'numberBetween', min: 0, max: c.maxPoints };
    columns.push({
      column,
      role: { kind: 'score', criterion: c.code },
      header: c.code,
      maxCell: c.maxPoints,
      note,
      width: 80,
      numberFormat:
        c.type === 'passFail' ? F.text : c.type === 'perOccurrence' ? F.integer : F.score,
      entry: 'user',
      validation,
    });
    columnOfCriterion.set(c.code, { score: column });
  }
  const firstDataRow = 3;
  const unitRows = units.map((u, i) => ({ row: firstDataRow + i, code: u.code, name: u.name }));
  return {
    headerRow: 1,
    maxPointsRow: 2,
    firstDataRow,
    frozenRows: 2,
    frozenColumns: 2,
    columns,
    headerRows: [columns.map((c) => c.header), columns.map((c) => c.maxCell)],
    unitRows,
    rowOfUnit: new Map(unitRows.map((r) => [r.code, r.row])),
    columnOfCriterion,
  };
}

/**
 * A1 cell of a unit's entry for a criterion; for a target-based criterion the actual result
 * unless `part` says otherwise. Undefined when the unit or criterion is not in the matrix.
 */
export function locateScoreCell(
  matrix: MatrixLayout,
  unitCode: string,
  criterionCode: string,
  part: TargetPart = 'actual',
): string | undefined {
  const row = matrix.rowOfUnit.get(unitCode);
  const cols = matrix.columnOfCriterion.get(criterionCode);
  if (row === undefined || cols === undefined) return undefined;
  const column = cols.score ?? (part === 'target' ? cols.target : cols.actual);
  return column === undefined ? undefined : cellA1(row, column);
}
