import { finding, type Finding } from '../findings';
import type { Ballot, BallotMark } from '../model/ballot';
import type { Unit } from '../model/unit';
import { BALLOT_MARK_LABELS, SPOILED_LABEL } from '../layout/labels';
import { VOTES_LAYOUT, type VoteColumnKey } from '../layout/tables';
import { buildNameIndex, lookupName } from '../text/match';
import { parseText } from '../parse/text';
import { a1, cellAt, isBlankRow, labelKey, matchLabel, rowAt, type ReadResult } from './cells';
import { locateTable } from './headers';
import { resolve, unitIndex } from './lookup';

const SHEET = VOTES_LAYOUT.sheet;
const MARKS: readonly Exclude<BallotMark, 'blank'>[] = ['yes', 'no'];
const MARK_LABELS = MARKS.map((m) => BALLOT_MARK_LABELS[m]);
/** What a spoiled-ballot cell may hold besides the label: a tick or a checkbox. */
const SPOILED_KEYS = [SPOILED_LABEL, 'x', 'Có', 'TRUE'].map(labelKey);
const NOT_SPOILED_KEYS = ['Không', 'FALSE', 'Hợp lệ'].map(labelKey);

export interface BallotsOptions {
  readonly units: readonly Unit[];
  /**
   * Who is up for the vote, as listed by the organiser: unit codes or names, or the names of
   * individuals. A nominee that is a unit is also found by the unit's other name or code.
   */
  readonly nominees: readonly string[];
}

function spoiledFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (parseText(value).kind === 'empty') return false;
  const key = labelKey(value);
  if (SPOILED_KEYS.includes(key)) return true;
  if (NOT_SPOILED_KEYS.includes(key)) return false;
  return undefined;
}

/**
 * Reads Bình xét into one ballot per voting unit, in the order voters first appear. A ballot
 * is spoiled when any of its rows says so. Marks for unknown nominees, repeated marks and
 * unreadable marks are reported and left out.
 */
export function readBallots(
  grid: readonly unknown[],
  options: BallotsOptions,
): ReadResult<Ballot[]> {
  const located = locateTable<VoteColumnKey>(grid, VOTES_LAYOUT);
  const findings: Finding[] = [...located.findings];
  const col = (key: VoteColumnKey): number => located.columns.get(key) ?? -1;
  const units = unitIndex(options.units);
  const describeUnit = (u: Unit): string => `${u.code} (${u.name})`;
  const nomineeIndex = buildNameIndex(
    options.nominees,
    (n) => {
      const asUnit = resolve(units, n, describeUnit);
      return asUnit.kind === 'found' ? [n, asUnit.item.code, asUnit.item.name] : [n];
    },
    { ignoreDiacritics: true },
  );
  const ballots = new Map<string, Ballot>();
  const seen = new Map<string, string>();

  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    if (isBlankRow(rowAt(grid, r))) continue;
    const value = (key: VoteColumnKey): unknown => cellAt(grid, r, col(key));
    const cell = (key: VoteColumnKey): string => a1(r, Math.max(col(key), 0));

    let voter: Unit | undefined;
    if (col('voter') >= 0) {
      const found = resolve(units, value('voter'), describeUnit);
      if (found.kind === 'found') voter = found.item;
      else if (found.kind === 'empty') {
        findings.push(
          finding(SHEET, cell('voter'), 'required-missing', value('voter'), {
            field: 'đơn vị bỏ phiếu',
          }),
        );
      } else {
        findings.push(
          finding(
            SHEET,
            cell('voter'),
            'unknown-unit',
            value('voter'),
            found.hint ? { hint: found.hint } : {},
          ),
        );
      }
    }

    let nominee: string | undefined;
    if (col('nominee') >= 0) {
      const text = parseText(value('nominee'));
      if (text.kind === 'empty') {
        findings.push(
          finding(SHEET, cell('nominee'), 'required-missing', value('nominee'), {
            field: 'người hoặc đơn vị được đề nghị',
          }),
        );
      } else {
        const found = text.kind === 'ok' ? lookupName(nomineeIndex, text.value) : undefined;
        if (found?.kind === 'found') nominee = found.item;
        else {
          findings.push(
            finding(SHEET, cell('nominee'), 'invalid-value', value('nominee'), {
              expected: `một trong danh sách đề nghị: ${options.nominees.join(', ')}`,
            }),
          );
        }
      }
    }

    let mark: BallotMark | undefined;
    if (col('mark') >= 0) {
      const index = matchLabel(value('mark'), MARK_LABELS);
      if (index === undefined) {
        findings.push(
          finding(SHEET, cell('mark'), 'invalid-value', value('mark'), {
            expected: `${MARK_LABELS.join(' hoặc ')}, hoặc để trống`,
          }),
        );
      } else mark = index < 0 ? 'blank' : MARKS[index];
    } else mark = 'blank';

    let spoiled = false;
    if (col('spoiled') >= 0) {
      const flag = spoiledFlag(value('spoiled'));
      if (flag === undefined) {
        findings.push(
          finding(SHEET, cell('spoiled'), 'invalid-value', value('spoiled'), {
            expected: `"${SPOILED_LABEL}" hoặc để trống`,
          }),
        );
      } else spoiled = flag;
    }

    if (voter === undefined) continue;
    const ballot = ballots.get(voter.code) ?? { voter: voter.code, marks: [], spoiled: false };
    if (spoiled) ballot.spoiled = true;
    ballots.set(voter.code, ballot);
    if (nominee === undefined || mark === undefined) continue;
    const key = `${voter.code}\u0000${nominee}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        finding(SHEET, cell('nominee'), 'duplicate-code', value('nominee'), { firstCell: first }),
      );
      continue;
    }
    seen.set(key, cell('nominee'));
    ballot.marks.push({ nominee, mark });
  }
  return { value: [...ballots.values()], findings };
}
