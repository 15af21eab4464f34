import { finding, type Finding } from '../findings';
import type { CriteriaTree, Criterion } from '../model/criteria';
import type { ScoreEntry } from '../model/scores';
import type { Unit } from '../model/unit';
import { entryCriteria } from '../layout/matrix';
import { CROSS_SCORES_LAYOUT, type CrossScoreColumnKey } from '../layout/tables';
import { a1, cellAt, isBlank, isBlankRow, rowAt, type ReadResult } from './cells';
import { locateTable } from './headers';
import { criterionIndex, resolve, unitIndex } from './lookup';
import { checkScoreEntry, checkTargetPart, findingOf } from './values';

const SHEET = CROSS_SCORES_LAYOUT.sheet;

export interface CrossScoresOptions {
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
}

/**
 * Reads Chấm chéo: one entry per scorer, scored unit and criterion. Only criteria that take an
 * entry (not parents of sub-criteria) can be scored. A row with no score (set-up's prefilled
 * block rows until the scorer types) is skipped without a finding. A unit scoring itself, or the same triple
 * twice, is reported and left out.
 */
export function readCrossScores(
  grid: readonly unknown[],
  options: CrossScoresOptions,
): ReadResult<ScoreEntry[]> {
  const located = locateTable<CrossScoreColumnKey>(grid, CROSS_SCORES_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const col = (key: CrossScoreColumnKey): number => located.columns.get(key) ?? -1;
  const units = unitIndex(options.units);
  const entries = entryCriteria(options.tree);
  const criteria = criterionIndex(entries);
  const parents = criterionIndex(options.tree.criteria.filter((c) => !entries.includes(c)));
  const result: ScoreEntry[] = [];
  const seen = new Map<string, string>();
  const describeUnit = (u: Unit): string => `${u.code} (${u.name})`;
  const describeCriterion = (c: Criterion): string => c.code;

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    const value = (key: CrossScoreColumnKey): unknown => cellAt(grid, r, col(key));
    const cell = (key: CrossScoreColumnKey): string => a1(r, Math.max(col(key), 0));
    // Set-up prefills each scorer's block with codes: a row whose score is blank is no score yet.
    const scoreCols: CrossScoreColumnKey[] = ['score', 'target', 'actual'];
    if (scoreCols.every((k) => col(k) < 0 || isBlank(value(k)))) continue;

    const unitRef = (key: 'scorer' | 'unit', field: string): Unit | undefined => {
      if (col(key) < 0) return undefined;
      const found = resolve(units, value(key), describeUnit);
      if (found.kind === 'found') return found.item;
      if (found.kind === 'empty') {
        findings.push(finding(SHEET, cell(key), 'required-missing', value(key), { field }));
      } else {
        findings.push(
          finding(
            SHEET,
            cell(key),
            'unknown-unit',
            value(key),
            found.hint ? { hint: found.hint } : {},
          ),
        );
      }
      return undefined;
    };
    const scorer = unitRef('scorer', 'đơn vị chấm');
    const unit = unitRef('unit', 'đơn vị được chấm');

    let criterion: Criterion | undefined;
    if (col('criterion') >= 0) {
      const found = resolve(criteria, value('criterion'), describeCriterion);
      if (found.kind === 'found') criterion = found.item;
      else if (found.kind === 'empty') {
        findings.push(
          finding(SHEET, cell('criterion'), 'required-missing', value('criterion'), {
            field: 'tiêu chí',
          }),
        );
      } else {
        const isParent = resolve(parents, value('criterion'), describeCriterion).kind === 'found';
        const hint = isParent
          ? 'Tiêu chí này có tiêu chí con: chấm từng tiêu chí con.'
          : found.hint;
        findings.push(
          finding(
            SHEET,
            cell('criterion'),
            'unknown-criterion',
            value('criterion'),
            hint ? { hint } : {},
          ),
        );
      }
    }

    let ok = scorer !== undefined && unit !== undefined && criterion !== undefined;
    if (scorer !== undefined && unit !== undefined && scorer === unit) {
      findings.push(
        finding(SHEET, cell('unit'), 'invalid-value', value('unit'), {
          expected: 'một đơn vị khác với đơn vị chấm',
        }),
      );
      ok = false;
    }

    // The score: one cell, or target and actual for a target-based criterion.
    let entryValue: ScoreEntry['value'] | undefined;
    let entryCell = cell('score');
    if (criterion !== undefined && criterion.type === 'target') {
      const halves: { part: 'target' | 'actual'; n?: number; empty: boolean }[] = [];
      for (const part of ['target', 'actual'] as const) {
        if (col(part) < 0) {
          findings.push(
            finding(SHEET, cell('score'), 'invalid-value', value('score'), {
              expected: `cột "Chỉ tiêu" và "Thực hiện" cho tiêu chí định lượng ${criterion.code}`,
            }),
          );
          halves.length = 0;
          break;
        }
        const checked = checkTargetPart(part, value(part));
        if (checked.kind === 'bad')
          findings.push(findingOf(SHEET, cell(part), value(part), checked));
        halves.push({
          part,
          empty: checked.kind === 'empty',
          ...(checked.kind === 'ok' ? { n: checked.value } : {}),
        });
      }
      const [target, actual] = halves;
      if (target !== undefined && actual !== undefined) {
        for (const [half, other] of [
          [target, actual],
          [actual, target],
        ] as const) {
          if (half.empty && !other.empty) {
            findings.push(
              finding(SHEET, cell(half.part), 'required-missing', '', {
                field: half.part === 'target' ? 'chỉ tiêu' : 'kết quả thực hiện',
              }),
            );
          }
        }
        if (target.empty && actual.empty) {
          findings.push(
            finding(SHEET, cell('target'), 'required-missing', '', {
              field: 'chỉ tiêu và thực hiện',
            }),
          );
        }
        if (target.n !== undefined && actual.n !== undefined) {
          entryValue = { target: target.n, actual: actual.n };
          entryCell = cell('actual');
        }
      }
      if (col('score') >= 0 && !isBlank(value('score'))) {
        findings.push(
          finding(SHEET, cell('score'), 'invalid-value', value('score'), {
            expected: 'để trống; tiêu chí định lượng ghi ở cột "Chỉ tiêu" và "Thực hiện"',
          }),
        );
      }
    } else if (col('score') >= 0) {
      const raw = value('score');
      const checked =
        criterion !== undefined ? checkScoreEntry(criterion, raw) : checkTargetPart('actual', raw); // criterion unknown: still say whether it is a number
      if (checked.kind === 'bad') findings.push(findingOf(SHEET, cell('score'), raw, checked));
      else if (checked.kind === 'empty') {
        findings.push(finding(SHEET, cell('score'), 'required-missing', raw, { field: 'điểm' }));
      } else entryValue = checked.value;
    }

    if (!ok || entryValue === undefined || scorer === undefined || unit === undefined) continue;
    if (criterion === undefined) continue;
    const key = `${scorer.code}\u0000${unit.code}\u0000${criterion.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        finding(SHEET, cell('criterion'), 'duplicate-code', value('criterion'), {
          firstCell: first,
        }),
      );
      continue;
    }
    seen.set(key, cell('criterion'));
    result.push({
      unit: unit.code,
      criterion: criterion.code,
      source: 'cross',
      scorer: scorer.code,
      value: entryValue,
      at: { sheet: SHEET, cell: entryCell },
    });
  }
  return { value: result, findings };
}
