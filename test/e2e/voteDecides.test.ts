/**
 * The vote decides (issue "The vote decides"): nominees compete for the places of their form,
 * a tie at the last place goes to a second round of the tied nominees only, a meeting without
 * its quorum decides nothing, and "Lập sổ khen thưởng từ xếp hạng" takes the vote's winners,
 * saying so. The built bundle in the local host, on the sample cluster (Bằng khen: 2 places;
 * the ranking leaves Hai Bà Trưng and Hoàng Mai tied for the last one).
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { VOTE_RESULT_SHEET } from '../../src/core/votes/ballotSheet';
import { readAwards } from '../../src/core/awards/readAwards';
import { newHost, seedSampleWorkbook } from './workbookFixture';
import { setSetting } from './certificateRegister';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const RANK = 'Tính xếp hạng';
const PREPARE = 'Tạo phiếu bình xét';
const TALLY = 'Kiểm phiếu bình xét';
const FILL = 'Lập sổ khen thưởng từ xếp hạng';
const V = `'${SHEET_NAMES.votes}'`;
const R = `'${VOTE_RESULT_SHEET}'`;
const VOTERS = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'];

function ok(host: LocalHost, caption: string): void {
  const run = host.clickMenu(caption);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

function votingHost(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  ok(host, SETUP);
  ok(host, RANK);
  ok(host, PREPARE);
  return host;
}

function ballotNominees(host: LocalHost): string[] {
  const rows = host.spreadsheet.valuesAt(`${V}!B2:B200`).map((r) => String(r[0]));
  return [...new Set(rows.filter((r) => r !== ''))];
}

/** Every voter marks its rows: yes for the nominees whose yes count is above its index. */
function cast(host: LocalHost, yesVotes: Record<string, number>): void {
  const nominees = ballotNominees(host);
  const marks = VOTERS.flatMap((_, i) =>
    nominees.map((n) => [i < (yesVotes[n] ?? 0) ? 'Đồng ý' : 'Không đồng ý']),
  );
  const typed = host.edit(host.owner, `${V}!C2:C${String(marks.length + 1)}`, marks);
  expect(typed.accepted).toBe(true);
}

function outcomes(host: LocalHost, count: number): string[][] {
  return host.spreadsheet
    .valuesAt(`${R}!B4:G${String(3 + count)}`)
    .map((r) => [String(r[0]), String(r[1]), String(r[5])]);
}

function resultLines(host: LocalHost): string[] {
  const { lastRow } = host.spreadsheet.sheet(VOTE_RESULT_SHEET)?.contentExtent() ?? { lastRow: 1 };
  return host.spreadsheet
    .valuesAt(`${R}!A1:H${String(lastRow)}`)
    .map((row) => row.filter((v) => v !== '').join(' | '));
}

function registerNames(host: LocalHost): string[] {
  const sheet = host.spreadsheet.sheet(SHEET_NAMES.awards);
  const last = sheet?.contentExtent().lastRow ?? 1;
  const width = AWARDS_LAYOUT.columns.length;
  const grid = host.spreadsheet.valuesAt(
    `'${SHEET_NAMES.awards}'!A1:${String.fromCharCode(64 + width)}${String(last)}`,
  );
  // Named as Đơn vị's Tên đầy đủ gives them ("Ủy ban MTTQ Việt Nam quận Ba Đình").
  return readAwards(grid).value.map(
    (r) => `${r.name.replace('Ủy ban MTTQ Việt Nam quận ', '')} (${r.form})`,
  );
}

const lastAlert = (host: LocalHost): string => host.ui.shown.at(-1)?.prompt ?? '';

describe('Bình xét: the vote decides the places (e2e)', () => {
  it('gives the Bằng khen places to the most votes over the threshold, and the register takes them', () => {
    const host = votingHost();
    const nominees = ballotNominees(host);
    expect(nominees).toEqual([
      'Ba Đình (Cờ thi đua)',
      'Hoàn Kiếm (Bằng khen)',
      'Hai Bà Trưng (Bằng khen)',
      'Hoàng Mai (Bằng khen)',
    ]);
    // Three pass the threshold for two places; Hoàng Mai wins the ranking's tie by votes.
    cast(host, {
      'Ba Đình (Cờ thi đua)': 6,
      'Hoàn Kiếm (Bằng khen)': 6,
      'Hai Bà Trưng (Bằng khen)': 4,
      'Hoàng Mai (Bằng khen)': 5,
    });
    ok(host, TALLY);
    expect(outcomes(host, 4)).toEqual([
      ['Ba Đình (Cờ thi đua)', '6', 'Đạt'],
      ['Hoàn Kiếm (Bằng khen)', '6', 'Đạt'],
      ['Hoàng Mai (Bằng khen)', '5', 'Đạt'],
      ['Hai Bà Trưng (Bằng khen)', '4', 'Không đạt (hết suất)'],
    ]);
    expect(resultLines(host)).toContain('Bằng khen | 2 suất: Hoàn Kiếm, Hoàng Mai');
    ok(host, FILL);
    expect(lastAlert(host)).toContain('Theo kết quả bình xét.');
    expect(registerNames(host)).toEqual([
      'Ba Đình (Cờ thi đua)',
      'Hoàn Kiếm (Bằng khen)',
      'Hoàng Mai (Bằng khen)',
    ]);
  });

  it('sends a tie at the last place to a second round of the tied only; its winner reaches the register', () => {
    const host = votingHost();
    cast(host, {
      'Ba Đình (Cờ thi đua)': 6,
      'Hoàn Kiếm (Bằng khen)': 6,
      'Hai Bà Trưng (Bằng khen)': 4,
      'Hoàng Mai (Bằng khen)': 4,
    });
    ok(host, TALLY);
    const tied = 'Bằng phiếu - bỏ phiếu vòng sau';
    expect(outcomes(host, 4).map((r) => r[2])).toEqual(['Đạt', 'Đạt', tied, tied]);
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('cần bỏ phiếu vòng sau');
    // Before the second round, the register holds the decided places only and says who waits.
    ok(host, FILL);
    expect(lastAlert(host)).toContain('Bằng phiếu ở suất cuối, cần bỏ phiếu vòng sau');
    expect(registerNames(host)).toEqual(['Ba Đình (Cờ thi đua)', 'Hoàn Kiếm (Bằng khen)']);

    host.ui.answer('YES');
    ok(host, PREPARE);
    expect(host.ui.shown.at(-1)?.prompt).toContain('tạo phiếu vòng 2');
    const round2 = ballotNominees(host);
    expect(round2.sort()).toEqual([
      'Hai Bà Trưng (Bằng khen) - vòng 2',
      'Hoàng Mai (Bằng khen) - vòng 2',
    ]);
    // Fresh ballots: no first-round mark is carried over.
    expect(
      host.spreadsheet
        .valuesAt(`${V}!C2:C13`)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    cast(host, { 'Hoàng Mai (Bằng khen) - vòng 2': 4, 'Hai Bà Trưng (Bằng khen) - vòng 2': 2 });
    ok(host, TALLY);
    expect(resultLines(host)[0]).toContain('(VÒNG 2)');
    expect(resultLines(host)).toContain('Bằng khen | 1 suất: Hoàng Mai');

    ok(host, FILL);
    expect(lastAlert(host)).toContain('Theo kết quả bình xét (vòng 2).');
    expect(registerNames(host)).toEqual([
      'Ba Đình (Cờ thi đua)',
      'Hoàn Kiếm (Bằng khen)',
      'Hoàng Mai (Bằng khen)',
    ]);
    // A second click adds nothing.
    ok(host, FILL);
    expect(registerNames(host)).toHaveLength(3);
  });

  it('decides nothing when fewer members are present than the quorum asks or than ballots were cast, and the register refuses', () => {
    const host = votingHost();
    setSetting(host, 'Tỷ lệ thành viên tham gia bỏ phiếu tối thiểu (%)', 80);
    setSetting(host, 'Số thành viên có mặt khi bình xét', 4);
    // Six ballots from four members present: the vote is void.
    cast(host, {
      'Ba Đình (Cờ thi đua)': 6,
      'Hoàn Kiếm (Bằng khen)': 6,
      'Hai Bà Trưng (Bằng khen)': 4,
      'Hoàng Mai (Bằng khen)': 5,
    });
    ok(host, TALLY);
    expect(outcomes(host, 4).map((r) => r[2])).toEqual(Array(4).fill('Không hợp lệ'));
    expect(resultLines(host).some((l) => l.includes('nhiều hơn số thành viên có mặt (4)'))).toBe(
      true,
    );
    ok(host, FILL);
    expect(lastAlert(host)).toContain('không hợp lệ');
    expect(registerNames(host)).toEqual([]);
  });

  it('counts the threshold over valid ballots when Cấu hình says so', () => {
    const host = votingHost();
    setSetting(host, 'Tỷ lệ bình xét tính trên', 'Số phiếu hợp lệ');
    // Two ballots spoiled: 3 yes of 4 valid passes, although 3 of 6 members would not.
    cast(host, {
      'Ba Đình (Cờ thi đua)': 3,
      'Hoàn Kiếm (Bằng khen)': 3,
      'Hai Bà Trưng (Bằng khen)': 3,
      'Hoàng Mai (Bằng khen)': 0,
    });
    host.edit(host.owner, `${V}!D18`, [['Không hợp lệ']]);
    host.edit(host.owner, `${V}!D22`, [['Không hợp lệ']]);
    ok(host, TALLY);
    expect(outcomes(host, 4).map((r) => [r[0], r[2]])).toEqual([
      ['Ba Đình (Cờ thi đua)', 'Đạt'],
      ['Hai Bà Trưng (Bằng khen)', 'Đạt'],
      ['Hoàn Kiếm (Bằng khen)', 'Đạt'],
      ['Hoàng Mai (Bằng khen)', 'Không đạt'],
    ]);
  });
});
