/**
 * Two people at once, end to end through build/Code.js on the role workbook (owner, head, deputy,
 * member on consumer accounts of different domains):
 *
 * - LockService (https://developers.google.com/apps-script/reference/lock/lock-service): the
 *   document lock "prevents any user of the current document from concurrently running a section
 *   of code"; tryLock(timeout) gives up after the timeout. A user's typing never takes it: an edit
 *   made while a menu action runs goes through, and the action must not lose it.
 * - Ui (https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)):
 *   alert "suspends the server-side script while the dialog is open"; the host releases the
 *   execution's locks meanwhile (DESIGN §4), so an action that asks must re-read under the lock.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { matrixLayout, locateScoreCell } from '../../src/core/layout/matrix';
import { scoringState } from '../../src/core/edit/editCheck';
import { RANKING_STALE_TEXT } from '../../src/core/ranking/rankingSheet';
import { busyMessage } from '../../src/gas/lock';
import {
  CAPTIONS,
  CONSUMER,
  at,
  preparedHost,
  sampleTree,
  snapshot,
  unitsOf,
} from './roleWorkbook';

const PEOPLE = CONSUMER.people;
const matrix = matrixLayout(unitsOf(CONSUMER), sampleTree());
const selfCell = (unit: string): string => {
  const a1 = locateScoreCell(matrix, unit, '1');
  if (a1 === undefined) throw new Error(`no cell for ${unit}`);
  return at(SHEET_NAMES.selfScores, a1);
};
/** The member (HK) types its own Tự chấm row, criterion 1 (max 20; the sample has 19,5). */
const MEMBER_CELL = selfCell('HK');
const STATUS = at(SHEET_NAMES.ranking, 'C3');

/** Hoàn Kiếm's row of Xếp hạng: [rank, code, name, group I, group II, ...]. */
function rankingRowOf(host: LocalHost, code: string): unknown[] {
  const rows = host.spreadsheet.valuesAt(at(SHEET_NAMES.ranking, 'A6:H11'));
  const row = rows.find((r) => r[1] === code);
  if (row === undefined) throw new Error(`no ranking row for ${code}`);
  return row;
}

/** Starts `during` once, at the first `method` call of whatever runs next. */
function once(host: LocalHost, method: string, during: () => void): () => void {
  let done = false;
  return host.onCall(method, () => {
    if (done) return;
    done = true;
    during();
  });
}

describe('a member types its Tự chấm row while the head runs «Tính xếp hạng»', () => {
  function rankWithEdit(): { host: LocalHost; accepted: boolean; groupIBefore: unknown } {
    const host = preparedHost(CONSUMER);
    const groupIBefore = rankingRowOf(host, 'HK')[3];
    let accepted = false;
    // The ranking's first write: its reads are done, its result is being written.
    const stop = once(host, 'Range.setValues', () => {
      accepted = host.edit(PEOPLE.member, MEMBER_CELL, [[12]]).accepted;
    });
    const run = host.clickMenu(CAPTIONS.rank, PEOPLE.head);
    stop();
    expect(run.status).toBe('ok');
    return { host, accepted, groupIBefore };
  }

  it('the edit is accepted and kept; nothing downstream uses the old ranking; a re-run includes it', () => {
    const { host, accepted, groupIBefore } = rankWithEdit();
    expect(accepted).toBe(true);
    expect(host.spreadsheet.valuesAt(MEMBER_CELL)).toEqual([[12]]);
    // The ranking was computed from what it read before the edit (19,5 → group I unchanged)…
    expect(rankingRowOf(host, 'HK')[3]).toBe(groupIBefore);
    // …so "Tạo phiếu bình xét" sees the data changed since and makes no ballots from it.
    const before = host.spreadsheet.valuesAt(at(SHEET_NAMES.votes, 'A1:D30'));
    host.ui.answer('YES');
    expect(host.clickMenu(CAPTIONS.prepareBallots, PEOPLE.head).status).toBe('ok');
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain(
      'Dữ liệu chấm điểm đã thay đổi sau lần xếp hạng gần nhất',
    );
    expect(host.spreadsheet.valuesAt(at(SHEET_NAMES.votes, 'A1:D30'))).toEqual(before);
    // Ranking again takes the member's 12 instead of 19,5.
    expect(host.clickMenu(CAPTIONS.rank, PEOPLE.head).status).toBe('ok');
    expect(rankingRowOf(host, 'HK')[3]).toBe(Number(groupIBefore) - 7.5);
    expect(host.spreadsheet.valuesAt(MEMBER_CELL)).toEqual([[12]]);
  });

  // The member's own onEdit cannot mark Xếp hạng (protected for owner and head); the ranking
  // reads its inputs once more after writing and marks itself stale when they changed meanwhile.
  it('Xếp hạng says the ranking is stale, and the toast says to rank again', () => {
    const { host } = rankWithEdit();
    expect(host.spreadsheet.valueAt(STATUS)).toBe(RANKING_STALE_TEXT);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('hãy bấm «Tính xếp hạng» lần nữa');
  });
});

describe('two people click «Tính xếp hạng» at once', () => {
  it.each([
    ['the owner', PEOPLE.owner],
    ['the head again', PEOPLE.head],
  ])('the second (%s) is told another action is running and writes nothing', (_, second) => {
    const host = preparedHost(CONSUMER);
    let result: ReturnType<LocalHost['clickMenu']> | undefined;
    let before = '';
    let after = '';
    const stop = once(host, 'Range.setValues', () => {
      before = snapshot(host);
      result = host.clickMenu(CAPTIONS.rank, second);
      after = snapshot(host);
    });
    const first = host.clickMenu(CAPTIONS.rank, PEOPLE.head);
    stop();
    expect(first.status).toBe('ok');
    expect(result?.status).toBe('ok');
    expect(after).toBe(before);
    const prompts = host.ui.shown.map((d) => d.prompt);
    expect(prompts).toContain(busyMessage(CAPTIONS.rank));
    // It waited the bounded time, not forever, and never wrote Xếp hạng.
    expect(result?.execution.calls.get('Range.setValues')).toBeUndefined();
    expect(result?.execution.calls.get('Lock.tryLock')).toBe(1);
  });
});

describe('an edit while «Khóa / mở chấm điểm» asks YES/NO', () => {
  function settingsCell(host: LocalHost): string {
    const cell = scoringState(host.spreadsheet.valuesAt(at(SHEET_NAMES.settings, 'A1:B60'))).cell;
    if (cell === undefined) throw new Error('no "Chấm điểm" row');
    return at(SHEET_NAMES.settings, cell);
  }

  it('a member’s score typed while the dialog is open is kept, and scoring then closes', () => {
    const host = preparedHost(CONSUMER);
    let lockDuringDialog: unknown = 'not asked';
    let typed = false;
    host.ui.answer('YES', () => {
      lockDuringDialog = host.locks.ownerOf('document');
      typed = host.edit(PEOPLE.member, MEMBER_CELL, [[15]]).accepted;
    });
    const run = host.clickMenu(CAPTIONS.toggleScoring, PEOPLE.head);
    expect(run.status).toBe('ok');
    expect(lockDuringDialog).toBeUndefined();
    expect(typed).toBe(true);
    expect(host.spreadsheet.valuesAt(MEMBER_CELL)).toEqual([[15]]);
    expect(host.spreadsheet.valueAt(settingsCell(host))).toBe('Đã khóa');
    // Closed: the member's row is no longer the member's.
    expect(host.edit(PEOPLE.member, MEMBER_CELL, [[16]]).accepted).toBe(false);
    expect(host.spreadsheet.valuesAt(MEMBER_CELL)).toEqual([[15]]);
  });

  it('if someone closes scoring while the dialog is open, the action re-reads and writes nothing', () => {
    const host = preparedHost(CONSUMER);
    const cell = settingsCell(host);
    let before = '';
    host.ui.answer('YES', () => {
      // The owner closes scoring by hand meanwhile (and a member's score is typed just before).
      expect(host.edit(PEOPLE.member, MEMBER_CELL, [[14]]).accepted).toBe(true);
      expect(host.edit(PEOPLE.owner, cell, [['Đã khóa']]).accepted).toBe(true);
      before = snapshot(host);
    });
    const run = host.clickMenu(CAPTIONS.toggleScoring, PEOPLE.head);
    expect(run.status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain('Trạng thái chấm điểm vừa được thay đổi');
    // Nothing overwritten: the state the owner typed, the member's score, every protection.
    expect(snapshot(host)).toBe(before);
    expect(host.spreadsheet.valueAt(cell)).toBe('Đã khóa');
    expect(host.spreadsheet.valuesAt(MEMBER_CELL)).toEqual([[14]]);
  });
});
