/**
 * "Tạo phiếu bình xét" and "Kiểm phiếu bình xét" end to end on the sample cluster: ballots from
 * the ranking's proposals, marks typed by users, the tally by the > 50 % rule and the minutes.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { VOTE_RESULT_SHEET } from '../../src/core/votes/ballotSheet';
import { SAMPLE_SELF_SCORES, type SampleScore } from '../../sample/cluster1';
import { newHost, seedSampleWorkbook } from './workbookFixture';

const RANK = 'Tính xếp hạng';
const PREPARE = 'Tạo phiếu bình xét';
const TALLY = 'Kiểm phiếu bình xét';
const V = `'${SHEET_NAMES.votes}'`;
const R = `'${VOTE_RESULT_SHEET}'`;

const VOTERS = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'];
const NOMINEES = [
  'Ba Đình (Cờ thi đua)',
  'Hoàn Kiếm (Bằng khen)',
  'Hai Bà Trưng (Bằng khen)',
  'Hoàng Mai (Bằng khen)',
];
/** Yes votes per nominee: 6, 5, 4 and 3 of the 6 members (the others vote no). */
const YES_VOTES = [6, 5, 4, 3];

function ballotHost(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  expect(host.clickMenu(RANK).status).toBe('ok');
  expect(host.clickMenu(PREPARE).status).toBe('ok');
  return host;
}

/** The marks column as the members fill it: voter i says yes to nominee j when i < YES_VOTES[j]. */
function marks(): string[][] {
  const out: string[][] = [];
  VOTERS.forEach((_, i) => {
    NOMINEES.forEach((_n, j) => {
      out.push([i < (YES_VOTES[j] ?? 0) ? 'Đồng ý' : 'Không đồng ý']);
    });
  });
  return out;
}

function resultText(host: LocalHost): string[] {
  const sheet = host.spreadsheet.sheet(VOTE_RESULT_SHEET);
  if (!sheet) throw new Error('no result sheet');
  const { lastRow } = sheet.contentExtent();
  return host.spreadsheet
    .valuesAt(`${R}!A1:H${String(lastRow)}`)
    .map((row) => row.filter((v) => v !== '').join(' | '));
}

describe('Bình xét (e2e)', () => {
  it('prepares one ballot row per member unit × nominee, marks left blank with a dropdown', () => {
    const host = ballotHost();
    expect(host.ui.shown).toEqual([]);
    const rows = host.spreadsheet.valuesAt(`${V}!A1:D26`);
    expect(rows[0]).toEqual([
      'Đơn vị bỏ phiếu',
      'Đề nghị khen thưởng',
      'Ý kiến',
      'Phiếu không hợp lệ',
    ]);
    const body = rows.slice(1, 25);
    expect(body).toEqual(VOTERS.flatMap((v) => NOMINEES.map((n) => [v, n, '', ''])));
    expect(rows[25]).toEqual(['', '', '', '']);
    const dv = host.spreadsheet.cellAt(`${V}!C2`)?.dv;
    expect(dv?.args[0]).toEqual(['Đồng ý', 'Không đồng ý']);
    expect(host.spreadsheet.cellAt(`${V}!C25`)?.dv).toEqual(dv);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('24 dòng phiếu');
  });

  it('tallies by the > 50 % rule and writes the result and minutes with decimal commas', () => {
    const host = ballotHost();
    const typed = host.edit(host.owner, `${V}!C2:C25`, marks());
    expect(typed.accepted).toBe(true);
    const run = host.clickMenu(TALLY);
    expect(run.status).toBe('ok');
    expect(host.ui.shown).toEqual([]);

    const nominees = host.spreadsheet.valuesAt(`${R}!A4:G7`);
    expect(nominees.map((r) => [r[1], r[2], r[3], r[5], r[6]])).toEqual([
      ['Ba Đình (Cờ thi đua)', 6, 0, '100 %', 'Đạt'],
      ['Hoàn Kiếm (Bằng khen)', 5, 1, '83,3 %', 'Đạt'],
      ['Hai Bà Trưng (Bằng khen)', 4, 2, '66,7 %', 'Đạt'],
      // 3 of 6 is 50 %, not more than 50 %.
      ['Hoàng Mai (Bằng khen)', 3, 3, '50 %', 'Không đạt'],
    ]);
    const text = resultText(host);
    expect(text).toContain('Số phiếu thu vào | 6');
    expect(text).toContain('Số phiếu không hợp lệ | 0');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain(
      '3. Hai Bà Trưng (Bằng khen): 4 phiếu đồng ý (66,7 %), 2 phiếu không đồng ý, 0 phiếu để trống - đạt.',
    );
    expect(text).toContain(
      '4. Hoàng Mai (Bằng khen): 3 phiếu đồng ý (50 %), 3 phiếu không đồng ý, 0 phiếu để trống - không đạt.',
    );
    expect(
      text.some((line) => line.startsWith('Các đề cử đạt số phiếu theo quy định: Ba Đình')),
    ).toBe(true);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain(
      'đạt: Ba Đình (Cờ thi đua), Hoàn Kiếm (Bằng khen), Hai Bà Trưng (Bằng khen)',
    );
  });

  it('reports spoiled and duplicate ballots', () => {
    const host = ballotHost();
    host.edit(host.owner, `${V}!C2:C25`, marks());
    // Long Biên's ballot (rows 22-25) is spoiled; Ba Đình's first row is entered twice.
    host.edit(host.owner, `${V}!D22`, [['Không hợp lệ']]);
    host.edit(host.owner, `${V}!A26:C26`, [['BD', 'Ba Đình (Cờ thi đua)', 'Không đồng ý']]);
    expect(host.clickMenu(TALLY).status).toBe('ok');
    const text = resultText(host);
    expect(text).toContain('Số phiếu thu vào | 6');
    expect(text).toContain('Số phiếu hợp lệ | 5');
    expect(text).toContain('Số phiếu không hợp lệ | 1');
    const duplicate = text.find((line) => line.startsWith(`${SHEET_NAMES.votes}!B26`));
    expect(duplicate).toBeDefined();
    expect(text.some((l) => l.startsWith('Vấn đề trong phiếu (1)'))).toBe(true);
    // Ba Đình keeps its first mark (yes) from every valid ballot: 5 of 6 members.
    expect(host.spreadsheet.valuesAt(`${R}!B4:D4`)).toEqual([['Ba Đình (Cờ thi đua)', 5, 0]]);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toMatch(/1 không hợp lệ.*1 vấn đề trong phiếu/);
  });

  it('preparing again keeps the marks entered, after asking; NO leaves the sheet alone', () => {
    const host = ballotHost();
    host.edit(host.owner, `${V}!C2:C25`, marks());
    const before = host.spreadsheet.valuesAt(`${V}!A1:D25`);

    host.ui.answer('NO');
    host.clickMenu(PREPARE);
    expect(host.ui.shown.at(-1)?.buttons).toBe('YES_NO');
    expect(host.ui.shown.at(-1)?.prompt).toContain('Giữ nguyên 24 ý kiến');
    expect(host.spreadsheet.valuesAt(`${V}!A1:D25`)).toEqual(before);

    host.ui.answer('YES');
    expect(host.clickMenu(PREPARE).status).toBe('ok');
    expect(host.spreadsheet.valuesAt(`${V}!A1:D25`)).toEqual(before);
  });

  it('refuses to make ballots from a ranking that edits have made stale', () => {
    const host = newHost();
    seedSampleWorkbook(host);
    host.open();
    host.clickMenu(RANK);
    host.spreadsheet.userEdit(host.owner, `'${SHEET_NAMES.selfScores}'!C4`, [[20]]);
    host.clickMenu(PREPARE);
    expect(host.ui.shown.at(-1)?.prompt).toContain('đã thay đổi sau lần xếp hạng');
    expect(host.spreadsheet.sheet(SHEET_NAMES.votes)).toBeUndefined();
  });

  it('prepares ballots with the same calls for 6 and 200 units', () => {
    const small = ballotHost();
    const a = small.rt.executions.at(-1);
    const unitRows: string[][] = [];
    const selfScores: Record<string, Readonly<Record<string, SampleScore>>> = {};
    for (let i = 1; i <= 200; i++) {
      const code = `U${String(i).padStart(3, '0')}`;
      unitRows.push([code, `Đơn vị ${String(i)}`, 'Xã', 'Thành viên', '', '', '', '']);
      // Three leaders with distinct totals, the rest far behind: 3 nominees, 600 ballot rows.
      const like = i === 1 ? 'BD' : i === 2 ? 'HK' : i === 3 ? 'HM' : 'LB';
      selfScores[code] = { ...(SAMPLE_SELF_SCORES[like] ?? {}) };
    }
    const big = newHost();
    seedSampleWorkbook(big, { unitRows, selfScores });
    big.open();
    big.clickMenu(RANK);
    expect(big.clickMenu(PREPARE).status).toBe('ok');
    expect(big.spreadsheet.valueAt(`${V}!A601`)).toBe('U200');
    const b = big.rt.executions.at(-1);
    // Protection has no batch API: one protection per voter's block (+ one for the voter and
    // nominee columns) costs a fixed handful of calls each; everything else is the same.
    const perBlock = (m: string): boolean =>
      m.startsWith('Protection.') ||
      m === 'Range.protect' ||
      m === 'Sheet.getRange' ||
      m === 'User.getEmail';
    const fixed = (calls: ReadonlyMap<string, number> | undefined) =>
      Object.fromEntries([...(calls ?? [])].filter(([m]) => !perBlock(m)));
    expect(fixed(b?.calls)).toEqual(fixed(a?.calls));
    expect(a?.calls.get('Range.protect')).toBe(6 + 1);
    expect(b?.calls.get('Range.protect')).toBe(200 + 1);
  });
});

describe("Bình xét: each ballot is its voter's (DESIGN §8)", () => {
  const DD = 'mttq@dongda.hanoi.gov.vn';
  const HM = 'hoangmai.mttq@hanoi.gov.vn';
  const HEAD = 'badinh.mttq@gmail.com';
  function sharedHost(): LocalHost {
    const host = newHost({ spreadsheet: { editors: [DD, HM, HEAD] } });
    seedSampleWorkbook(host);
    host.open();
    expect(host.clickMenu(RANK).status).toBe('ok');
    expect(host.clickMenu(PREPARE).status).toBe('ok');
    return host;
  }
  /** Rows of voter i (0-based, Đơn vị order), 4 nominees each, from row 2. */
  const rowOf = (voter: number, nominee = 0): number => 2 + voter * NOMINEES.length + nominee;

  it("a member marks its own ballot and cannot touch another member's, nor relabel a row", () => {
    const host = sharedHost();
    // DD is the 4th unit, HM the 2nd.
    expect(host.edit(DD, `${V}!C${String(rowOf(3))}`, [['Đồng ý']]).accepted).toBe(true);
    expect(host.edit(DD, `${V}!D${String(rowOf(3, 1))}`, [['Không hợp lệ']]).accepted).toBe(true);
    expect(host.edit(DD, `${V}!C${String(rowOf(1))}`, [['Không đồng ý']]).accepted).toBe(false);
    expect(host.edit(DD, `${V}!A${String(rowOf(3))}`, [['HM']]).accepted).toBe(false);
    expect(host.edit(HM, `${V}!C${String(rowOf(1))}`, [['Đồng ý']]).accepted).toBe(true);
    // The head may correct any ballot row (the roles table: own unit, head, owner).
    expect(host.edit(HEAD, `${V}!C${String(rowOf(3, 2))}`, [['Đồng ý']]).accepted).toBe(true);
  });

  it('preparing again replaces the ballot protections instead of piling them up', () => {
    const host = sharedHost();
    const count = (): number =>
      host.spreadsheet.protections.filter((p) => p.description.startsWith('thidua: phiếu bình xét'))
        .length;
    expect(count()).toBe(6 + 1);
    host.ui.answer('YES');
    expect(host.clickMenu(PREPARE).status).toBe('ok');
    expect(count()).toBe(6 + 1);
    expect(host.edit(DD, `${V}!C${String(rowOf(1))}`, [['Đồng ý']]).accepted).toBe(false);
    // Set-up leaves the ballots' own protections to the action that made them.
    expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').status).toBe('ok');
    expect(count()).toBe(6 + 1);
    expect(host.edit(DD, `${V}!C${String(rowOf(1))}`, [['Đồng ý']]).accepted).toBe(false);
    expect(host.edit(DD, `${V}!C${String(rowOf(3))}`, [['Đồng ý']]).accepted).toBe(true);
  });

  it('asks before taking the lock, and writes nothing if the sheet changed while the question was open', () => {
    const host = sharedHost();
    host.edit(host.owner, `${V}!C2:C25`, marks());
    let lockHeldAtQuestion: unknown = 'not asked';
    const stop = host.onCall('Ui.alert', () => {
      if (lockHeldAtQuestion !== 'not asked') return;
      // No lock is held while the dialog is open (a dialog would release it anyway).
      lockHeldAtQuestion = host.locks.ownerOf('document');
      // Meanwhile someone adds a second ballot row for BD with a mark: the plan now drops it.
      host.spreadsheet.userEdit(host.owner, `${V}!A26:C26`, [
        ['BD', 'Ba Đình (Cờ thi đua)', 'Đồng ý'],
      ]);
    });
    host.ui.answer('YES');
    const run = host.clickMenu(PREPARE);
    stop();
    expect(run.status).toBe('ok');
    expect(lockHeldAtQuestion).toBeUndefined();
    const shown = host.ui.shown.slice(-2);
    expect(shown[0]?.buttons).toBe('YES_NO');
    expect(shown[1]?.prompt).toContain('vừa thay đổi trong lúc bạn trả lời');
    // Nothing written: the extra row is still there, the marks are as typed.
    expect(host.spreadsheet.valuesAt(`${V}!A26:C26`)).toEqual([
      ['BD', 'Ba Đình (Cờ thi đua)', 'Đồng ý'],
    ]);
  });
});
