import { finding, type Finding } from '../findings';
import {
  CRITERION_TYPE_LABELS,
  CriterionTypeSchema,
  type CriteriaTree,
  type Criterion,
  type CriterionGroup,
  type CriterionType,
  type TargetFormula,
} from '../model/criteria';
import { CRITERIA_LAYOUT, type CriteriaColumnKey } from '../layout/tables';
import { TARGET_FORMULA_LABELS, YES_NO_LABELS } from '../layout/labels';
import { parseText } from '../parse/text';
import { nameKey } from '../text/normalize';
import { a1, cellAt, isBlank, isBlankRow, matchLabel, rowAt, type ReadResult } from './cells';
import { locateTable } from './headers';
import { duplicateTracker } from './duplicates';
import { checkNumber, findingOf } from './values';

const SHEET = CRITERIA_LAYOUT.sheet;
const TYPES: readonly CriterionType[] = CriterionTypeSchema.options;
const TYPE_LABELS = TYPES.map((t) => CRITERION_TYPE_LABELS[t]);
const FORMULAS: readonly TargetFormula['kind'][] = [
  'proportional',
  'proportionalWithExtra',
  'leaderRelative',
];
const FORMULA_LABELS = FORMULAS.map((k) => TARGET_FORMULA_LABELS[k]);

/** Types whose maximum counts towards the group's maximum (bonus and penalty lie outside it). */
export function countsTowardsGroupMax(type: CriterionType): boolean {
  return type !== 'bonus' && type !== 'penalty';
}

/** Codes left out, minus any that another row of the same code did define. */
function withoutKept(excluded: Set<string>, kept: readonly Criterion[]): Set<string> {
  for (const c of kept) excluded.delete(nameKey(c.code));
  return excluded;
}

/** Where each group and criterion was read from, for cross-row checks in validation. */
export interface CriteriaSources {
  /** group code → cell of its max points (group rows only) */
  readonly groupMaxCell: ReadonlyMap<string, string>;
  /** group code → whether its maximum was given (else derived from its criteria) */
  readonly groupMaxGiven: ReadonlySet<string>;
  /** criterion code → cell of its max points */
  readonly criterionMaxCell: ReadonlyMap<string, string>;
  /**
   * nameKeys of criterion codes whose row was left out for an error reported on the row (a
   * maximum of 0, a blank maximum, an unknown type…): their score columns are the same error,
   * not another one, so the matrix readers' "unknown criterion" for them is not repeated.
   */
  readonly excluded: ReadonlySet<string>;
  /** nameKeys of the groups of those rows: their maximum cannot be compared while one is out. */
  readonly excludedGroups: ReadonlySet<string>;
}

interface GroupRow {
  code: string;
  /** The code stands in when the name is missing (reported), so the tree stays consistent. */
  name: string;
  max: number | undefined;
  maxCell: string;
}

/**
 * Reads Tiêu chí into a CriteriaTree. A row with a group code and no criterion code declares a
 * group; a criterion row with a blank group code belongs to the last group declared above it.
 * A group mentioned only by criteria is taken from their "Tên nhóm". A group's blank maximum is
 * the sum of its criteria's maxima (bonus and penalty excluded).
 */
export function readCriteria(grid: readonly unknown[]): ReadResult<CriteriaTree> & {
  readonly sources: CriteriaSources;
} {
  const located = locateTable<CriteriaColumnKey>(grid, CRITERIA_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const col = (key: CriteriaColumnKey): number => located.columns.get(key) ?? -1;
  const groups = new Map<string, GroupRow>();
  const criteria: { c: Criterion; row: number }[] = [];
  const codes = duplicateTracker(SHEET);
  const criterionMaxCell = new Map<string, string>();
  const excluded = new Set<string>();
  const excludedGroups = new Set<string>();
  let currentGroup: string | undefined;

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    const value = (key: CriteriaColumnKey): unknown => cellAt(grid, r, col(key));
    const cell = (key: CriteriaColumnKey): string => a1(r, Math.max(col(key), 0));
    let rowOk = true;
    const text = (key: CriteriaColumnKey, field: string, required: boolean): string | undefined => {
      if (col(key) < 0) return undefined;
      const parsed = parseText(value(key));
      if (parsed.kind === 'ok') return parsed.value;
      if (parsed.kind === 'invalid') {
        findings.push(finding(SHEET, cell(key), parsed.code, value(key), { expected: field }));
        rowOk = false;
      } else if (required) {
        findings.push(finding(SHEET, cell(key), 'required-missing', value(key), { field }));
        rowOk = false;
      }
      return undefined;
    };
    const number = (
      key: CriteriaColumnKey,
      field: string,
      required: boolean,
    ): number | undefined => {
      if (col(key) < 0) {
        if (required) rowOk = false;
        return undefined;
      }
      const checked = checkNumber(value(key), { min: 0 });
      if (checked.kind === 'ok') return checked.value;
      if (checked.kind === 'bad') {
        findings.push(findingOf(SHEET, cell(key), value(key), checked));
        rowOk = false;
      } else if (required) {
        findings.push(finding(SHEET, cell(key), 'required-missing', value(key), { field }));
        rowOk = false;
      }
      return undefined;
    };

    const groupCode = text('groupCode', 'mã nhóm', false);
    const groupName = text('groupName', 'tên nhóm', false);
    const codeIsBlank = col('code') < 0 || isBlank(value('code'));

    if (codeIsBlank && groupCode !== undefined) {
      // A group row: declares the group's name and maximum.
      const name = groupName ?? text('text', 'tên nhóm', false);
      if (name === undefined) {
        findings.push(
          finding(SHEET, cell('groupName'), 'required-missing', value('groupName'), {
            field: 'tên nhóm',
          }),
        );
      }
      const max = number('maxPoints', 'điểm tối đa của nhóm', false);
      const key = nameKey(groupCode);
      const first = codes.seen(`group:${key}`, cell('groupCode'), groupCode);
      if (first !== undefined) {
        findings.push(
          finding(SHEET, cell('groupCode'), 'duplicate-code', groupCode, { firstCell: first }),
        );
        continue;
      }
      groups.set(key, {
        code: groupCode,
        name: name ?? groupCode,
        max,
        maxCell: cell('maxPoints'),
      });
      currentGroup = groupCode;
      continue;
    }

    const code = text('code', 'mã tiêu chí', true);
    const group = groupCode ?? currentGroup;
    if (group === undefined && code !== undefined) {
      findings.push(
        finding(SHEET, cell('groupCode'), 'required-missing', value('groupCode'), {
          field: 'mã nhóm',
        }),
      );
      rowOk = false;
    }
    const criterionText = text('text', 'nội dung tiêu chí', true);
    const parent = text('parent', 'tiêu chí cha', false);

    let type: CriterionType | undefined;
    const typeIndex = col('type') < 0 ? -1 : matchLabel(value('type'), TYPE_LABELS);
    if (typeIndex === undefined) {
      findings.push(
        finding(SHEET, cell('type'), 'invalid-value', value('type'), {
          expected: TYPE_LABELS.join(', '),
        }),
      );
      rowOk = false;
    } else if (typeIndex < 0) {
      if (col('type') >= 0) {
        findings.push(
          finding(SHEET, cell('type'), 'required-missing', value('type'), { field: 'cách chấm' }),
        );
      }
      rowOk = false;
    } else type = TYPES[typeIndex];

    let maxPoints = number('maxPoints', 'điểm tối đa', true);
    if (maxPoints === 0) {
      // A maximum of 0 leaves nothing to score: every score would be "above the maximum".
      findings.push(finding(SHEET, cell('maxPoints'), 'zero-max', value('maxPoints')));
      rowOk = false;
      maxPoints = undefined;
    }
    const pointsPerOccurrence = number(
      'pointsPerOccurrence',
      'điểm mỗi lần',
      type === 'perOccurrence',
    );

    let targetFormula: TargetFormula | undefined;
    if (type === 'target') {
      const formulaIndex =
        col('targetFormula') < 0 ? -1 : matchLabel(value('targetFormula'), FORMULA_LABELS);
      const kind =
        formulaIndex === undefined ? undefined : (FORMULAS[formulaIndex] ?? 'proportional');
      if (kind === undefined) {
        findings.push(
          finding(SHEET, cell('targetFormula'), 'invalid-value', value('targetFormula'), {
            expected: FORMULA_LABELS.join(', '),
          }),
        );
        rowOk = false;
      } else if (kind === 'proportionalWithExtra') {
        const extraPerPercent = number('extraPerPercent', 'điểm cộng mỗi 1% vượt', true);
        const extraCap = number('extraCap', 'điểm cộng vượt tối đa', true);
        if (extraPerPercent !== undefined && extraCap !== undefined) {
          targetFormula = { kind, extraPerPercent, extraCap };
        }
      } else targetFormula = { kind };
    }

    let evidenceRequired = false;
    if (col('evidenceRequired') >= 0) {
      const index = matchLabel(value('evidenceRequired'), YES_NO_LABELS);
      if (index === undefined) {
        findings.push(
          finding(SHEET, cell('evidenceRequired'), 'invalid-value', value('evidenceRequired'), {
            expected: YES_NO_LABELS.join(' hoặc '),
          }),
        );
      } else evidenceRequired = index === 0;
    }

    if (
      !rowOk ||
      code === undefined ||
      group === undefined ||
      criterionText === undefined ||
      type === undefined ||
      maxPoints === undefined
    ) {
      if (code !== undefined) excluded.add(nameKey(code));
      if (code !== undefined && group !== undefined) excludedGroups.add(nameKey(group));
      continue;
    }
    const codeKey = nameKey(code);
    const first = codes.seen(`criterion:${codeKey}`, cell('code'), code);
    if (first !== undefined) {
      findings.push(finding(SHEET, cell('code'), 'duplicate-code', code, { firstCell: first }));
      continue;
    }
    criterionMaxCell.set(code, cell('maxPoints'));
    if (groupCode !== undefined && !groups.has(nameKey(groupCode)) && groupName !== undefined) {
      // Declared by its criteria only: the maximum is derived below.
      groups.set(nameKey(groupCode), {
        code: groupCode,
        name: groupName,
        max: undefined,
        maxCell: cell('maxPoints'),
      });
    }
    const criterion: Criterion = {
      code,
      group,
      text: criterionText,
      type,
      maxPoints,
      evidenceRequired,
      ...(parent === undefined ? {} : { parent }),
      ...(type === 'perOccurrence' && pointsPerOccurrence !== undefined
        ? { pointsPerOccurrence }
        : {}),
      ...(targetFormula === undefined ? {} : { targetFormula }),
    };
    criteria.push({ c: criterion, row: r });
  }

  // References to groups and parents, now that every row is known.
  const byCode = new Map(criteria.map(({ c }) => [nameKey(c.code), c]));
  const resolved: Criterion[] = [];
  for (const { c, row } of criteria) {
    const declared = groups.get(nameKey(c.group));
    let current: Criterion = declared === undefined ? c : { ...c, group: declared.code };
    if (declared === undefined) {
      findings.push(
        finding(SHEET, a1(row, Math.max(col('groupCode'), 0)), 'invalid-value', current.group, {
          expected: 'mã của một nhóm đã khai báo (dòng chỉ có mã nhóm và tên nhóm)',
        }),
      );
    }
    if (current.parent !== undefined) {
      const parentCell = a1(row, Math.max(col('parent'), 0));
      const parent = byCode.get(nameKey(current.parent));
      const { parent: parentCode, ...withoutParent } = current;
      if (parent === undefined) {
        findings.push(finding(SHEET, parentCell, 'unknown-criterion', parentCode));
        current = withoutParent;
      } else if (
        parent === c ||
        parent.parent !== undefined ||
        nameKey(parent.group) !== nameKey(c.group)
      ) {
        findings.push(
          finding(SHEET, parentCell, 'invalid-value', parentCode, {
            expected: 'mã của một tiêu chí khác, cùng nhóm, không phải tiêu chí con',
          }),
        );
        current = withoutParent;
      } else current = { ...current, parent: parent.code };
    }
    resolved.push(current);
  }

  const groupMaxCell = new Map<string, string>();
  const groupMaxGiven = new Set<string>();
  const treeGroups: CriterionGroup[] = [];
  for (const g of groups.values()) {
    let max = g.max;
    if (max === undefined) {
      max = resolved
        .filter(
          (c) => c.group === g.code && c.parent === undefined && countsTowardsGroupMax(c.type),
        )
        .reduce((sum, c) => sum + c.maxPoints, 0);
    } else groupMaxGiven.add(g.code);
    groupMaxCell.set(g.code, g.maxCell);
    treeGroups.push({ code: g.code, name: g.name, maxPoints: max });
  }
  findings.push(...codes.firstOccurrenceFindings());
  return {
    value: { groups: treeGroups, criteria: resolved },
    findings,
    sources: {
      groupMaxCell,
      groupMaxGiven,
      criterionMaxCell,
      excluded: withoutKept(excluded, resolved),
      excludedGroups,
    },
  };
}
