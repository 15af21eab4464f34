/**
 * The onEdit check of a cleared self score (issue 10, Build 4): under "Báo thiếu, không xếp
 * hạng" the ranking lists a blank required score as missing, so the cell is marked at once in
 * the same words.
 */
import { finding, type Finding } from '../findings';
import type { Criterion } from '../model/criteria';
import { SHEET_NAMES } from '../layout/sheets';
import { isBlank, isBlankRow } from '../readers/cells';
import { resolve, unitIndex } from '../readers/lookup';
import { locateMatrix, type LocatedMatrixColumn } from '../readers/scoreMatrix';
import type { EditContext } from './edit';
import { describeUnit, lazy } from './shared';

export type ClearedCheck = (
  row: number,
  cell: string,
  criterion: Criterion,
  rowValues: readonly unknown[] | undefined,
) => Finding | undefined;

/**
 * A blank self score under "Báo thiếu, không xếp hạng" is what the ranking lists as missing, in
 * its words ('score-missing': unit name, criterion code), unless Thẩm định holds a score for the
 * same unit and criterion (the ranking takes it instead). When the row's unit or Thẩm định's row
 * cannot be matched, nothing is said: "Kiểm tra dữ liệu" reads the whole sheets and decides.
 * Bonus and penalty items are claimed, never missing (computeScores' requiredLeaf).
 */
export function clearedScoreChecker(
  sheet: string,
  context: EditContext,
  firstRow: number,
  located: () => Map<number, LocatedMatrixColumn>,
): ClearedCheck | undefined {
  if (sheet !== SHEET_NAMES.selfScores || context.missingScorePolicy !== 'report') return undefined;
  const units = lazy(() => unitIndex(context.units));
  const byCode = new Map(context.tree.criteria.map((c) => [c.code, c]));
  const claimed = (c: Criterion): boolean => {
    if (c.type === 'bonus' || c.type === 'penalty') return true;
    const parent = c.parent === undefined ? undefined : byCode.get(c.parent);
    return parent !== undefined && (parent.type === 'bonus' || parent.type === 'penalty');
  };
  const codeColumn = (columns: Map<number, LocatedMatrixColumn>): number | undefined => {
    for (const [c, k] of columns) if (k.kind === 'unitCode') return c;
    return undefined;
  };
  const verified = lazy(() => {
    const v = context.verifiedRows;
    if (v === undefined) return undefined;
    const at = locateMatrix(v.headerRows, SHEET_NAMES.verifiedScores, context.tree);
    const columns = new Map<number, LocatedMatrixColumn>();
    at.columns.forEach((k, c0) => columns.set(c0 + 1, k));
    return { rows: v.rows, columns };
  });
  return (row, cell, criterion, rowValues) => {
    if (claimed(criterion) || rowValues === undefined) return undefined;
    const selfCode = codeColumn(located());
    if (selfCode === undefined) return undefined;
    const found = resolve(units(), rowValues[selfCode - 1], describeUnit);
    if (found.kind !== 'found') return undefined;
    const v = verified();
    if (v !== undefined) {
      // A row past Thẩm định's last row holds nothing: no verified score there.
      const vRow = v.rows[row - firstRow];
      const vCode = codeColumn(v.columns);
      if (vRow !== undefined) {
        if (vCode === undefined) return undefined;
        const same = resolve(units(), vRow[vCode - 1], describeUnit);
        if (!isBlankRow(vRow) && (same.kind !== 'found' || same.item.code !== found.item.code))
          return undefined;
        for (const [c, k] of v.columns) {
          if (k.kind === 'score' && k.criterion.code === criterion.code && !isBlank(vRow[c - 1]))
            return undefined;
        }
      }
    }
    return finding(sheet, cell, 'score-missing', '', {
      unit: found.item.name,
      criterion: criterion.code,
    });
  };
}
