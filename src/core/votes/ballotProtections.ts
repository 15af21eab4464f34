/**
 * Who may change which ballot rows, and whether the ballots a user agreed to replace are still
 * the ones about to be written. Pure: the adapter reads, asks, takes the lock, reads again, and
 * writes protections from these plans.
 *
 * DESIGN §8: no member changes another member's ballot. Ballot rows are written voter by voter
 * (planBallots), so each voter's rows are one block: its mark and spoiled cells are protected for
 * that voter, the heads and the owner (the roles table's Bình xét rule); the voter and nominee
 * cells of every row for the heads and the owner only, so nobody re-labels a row as another
 * unit's ballot.
 */
import { BALLOT_PROTECTION_PREFIX } from '../setup/planSetup';
import { SHEET_NAMES } from '../layout/sheets';
import { VOTES_LAYOUT } from '../layout/tables';
import type { Unit } from '../model/unit';
import {
  DEFAULT_GRANTS,
  areaEditorEmails,
  areaRule,
  emailsWithRole,
  type RoleGrants,
} from '../roles';
import type { BallotNominee, BallotPlan } from './ballotSheet';

/** Descriptions of the protections "Tạo phiếu bình xét" makes; earlier ones are replaced. */
export { BALLOT_PROTECTION_PREFIX };

export interface BallotProtection {
  readonly description: string;
  /** 1-based rows and columns of the protected block. */
  readonly row: number;
  readonly numRows: number;
  readonly column: number;
  readonly numColumns: number;
  /** Editors besides the owner (whom Google keeps on every protection) and the user running it. */
  readonly editors: readonly string[];
  /** The voter's code, for messages; '' for the voter/nominee columns. */
  readonly unit: string;
}

function columnOf(key: (typeof VOTES_LAYOUT.columns)[number]['key']): number {
  return VOTES_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
}

/**
 * The protections of a ballot block written from row 1 (header) with `units.length × nominees`
 * data rows, voters in `units` order. Empty when there is no data row.
 */
export function planBallotProtections(
  units: readonly Unit[],
  nominees: number,
  grants: RoleGrants = DEFAULT_GRANTS,
): BallotProtection[] {
  if (units.length === 0 || nominees === 0) return [];
  const firstDataRow = 2;
  const voter = columnOf('voter');
  const nominee = columnOf('nominee');
  const mark = columnOf('mark');
  const spoiled = columnOf('spoiled');
  const keyFirst = Math.min(voter, nominee);
  const entryFirst = Math.min(mark, spoiled);
  const rule = areaRule(SHEET_NAMES.votes);
  const heads = [...new Set(emailsWithRole(units, 'head').map((e) => e.toLowerCase()))].sort();
  const out: BallotProtection[] = [
    {
      description: `${BALLOT_PROTECTION_PREFIX} – đơn vị và đề nghị (chỉ Cụm trưởng)`,
      row: firstDataRow,
      numRows: units.length * nominees,
      column: keyFirst,
      numColumns: Math.abs(voter - nominee) + 1,
      editors: heads,
      unit: '',
    },
  ];
  units.forEach((u, i) => {
    out.push({
      description: `${BALLOT_PROTECTION_PREFIX} – phiếu của ${u.code}`,
      row: firstDataRow + i * nominees,
      numRows: nominees,
      column: entryFirst,
      numColumns: Math.abs(mark - spoiled) + 1,
      editors: areaEditorEmails(rule, units, grants, u),
      unit: u.code,
    });
  });
  return out;
}

/**
 * What the user agreed to when answering the replace question: the nominees, the voters and what
 * would be dropped. Marks entered meanwhile are merged again inside the lock and do not count.
 */
export function ballotConsentKey(
  plan: BallotPlan,
  nominees: readonly BallotNominee[],
  units: readonly Unit[],
): string {
  return JSON.stringify({
    nominees: nominees.map((n) => n.label),
    voters: units.map((u) => u.code),
    existingRows: plan.existingRows,
    droppedRows: plan.droppedRows,
    droppedEntries: plan.droppedEntries,
  });
}

/** Said when the sheet or the ranking changed between the question and the lock. */
export const BALLOTS_CHANGED_MESSAGE =
  `Trang "${SHEET_NAMES.votes}" hoặc kết quả xếp hạng vừa thay đổi trong lúc bạn trả lời câu hỏi ` +
  '(có người khác vừa sửa), nên chưa ghi gì. Hãy chọn «Tạo phiếu bình xét» lại để xem câu hỏi theo ' +
  'dữ liệu mới.';

/** Units whose earlier ballot protection the user could not remove (Protection.canEdit false). */
export function ballotProtectionNote(blocked: readonly string[]): string {
  if (blocked.length === 0) return '';
  return (
    ` Chưa thay được ${String(blocked.length)} vùng bảo vệ phiếu cũ vì tài khoản của bạn không ` +
    `có trong danh sách người sửa của chúng (${blocked.join('; ')}); hãy nhờ chủ sở hữu bảng tính ` +
    'chọn «Tạo phiếu bình xét» lại.'
  );
}
