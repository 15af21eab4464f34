/** Issue 10, Build 2 in the core: one list of problems, one way to count and name them. */
import { checkWorkbook, scoringProblems } from '../../../src/core/validation/problems';
import { countFindings, countsLabel, findingsLabel } from '../../../src/core/validation/counts';
import { mergeFindings } from '../../../src/core/validation/workbook';
import { finding, type Finding } from '../../../src/core/findings';
import { reportStamp, reportSummary } from '../../../src/core/edit/report';
import { findingsLine } from '../../../src/core/ranking/rankingSheet';
import {
  emptySetupReport,
  headerFindingsOf,
  setupSummary,
  setupToast,
} from '../../../src/core/setup/summary';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { sampleWorkbookGrids } from '../readers/sampleCluster';

const grids = sampleWorkbookGrids;

const where = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.sheet}!${f.cell} ${f.code}`);

describe('checkWorkbook', () => {
  it('reports a blank score the ranking leaves unranked at its cell, with the ranking words', () => {
    const g = grids();
    // BD, criterion I.1, blank where it is typed and where it is verified.
    for (const sheet of [SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores]) {
      ((g[sheet] ?? [])[2] as unknown[])[2] = '';
    }
    const found = checkWorkbook(g);
    const missing = found.filter((f) => f.code === 'score-missing');
    expect(where(missing)).toContain(`${SHEET_NAMES.selfScores}!C3 score-missing`);
    expect(missing.find((f) => f.cell === 'C3')?.message).toBe(
      'Trang "Tự chấm", ô C3: chưa có điểm của đơn vị "Ba Đình" cho tiêu chí "I.1".',
    );
  });

  it('reads ballot rows against the nominees the ballots name, as the tally does', () => {
    const g = {
      ...grids(),
      [SHEET_NAMES.votes]: [
        ['Đơn vị bỏ phiếu', 'Đề nghị khen thưởng', 'Ý kiến', 'Phiếu không hợp lệ'],
        ['HM', 'Ba Đình (Cờ thi đua)', 'Đồng ý', ''],
        ['XYZ', 'Ba Đình (Cờ thi đua)', 'Đồng ý', ''],
      ],
    };
    const votes = checkWorkbook(g).filter((f) => f.sheet === SHEET_NAMES.votes);
    expect(where(votes)).toEqual([`${SHEET_NAMES.votes}!A3 unknown-unit`]);
  });
});

describe('counting and naming problems', () => {
  const e = finding(SHEET_NAMES.selfScores, 'C3', 'not-a-number', 'x');
  const w = finding(SHEET_NAMES.selfScores, 'C4', 'score-missing', '');
  const other = finding(SHEET_NAMES.awards, 'A2', 'invalid-date', 'x');

  it('says both counts, zeros included', () => {
    expect(countFindings([e, w, w])).toEqual({ errors: 1, warnings: 2 });
    expect(countsLabel({ errors: 0, warnings: 1_234 })).toBe('0 lỗi, 1.234 cảnh báo');
  });

  it('merges two sources without counting a cell and code twice, in reading order', () => {
    expect(mergeFindings([w, e], [e])).toEqual([e, w]);
  });

  it('the status line and the check toast carry the same label', () => {
    const label = findingsLabel([e, w]);
    expect(label).toBe('1 lỗi, 1 cảnh báo');
    expect(findingsLine([e, w])).toContain(`(${label})`);
    expect(reportSummary([e, w])).toContain(`Kiểm tra dữ liệu: ${label} (xem`);
  });

  it('the check toast counts the scoring part apart when other sheets have problems', () => {
    const all = [e, w, other];
    expect(scoringProblems(all)).toEqual([e, w]);
    expect(reportSummary(all, scoringProblems(all))).toContain(
      '2 lỗi, 1 cảnh báo, trong đó dữ liệu chấm điểm: 1 lỗi, 1 cảnh báo (xem',
    );
  });

  it('stamps the report with its time and its counts', () => {
    expect(reportStamp([e], '05/01/2023 14:30')).toEqual([
      ['Thời điểm kiểm tra', '05/01/2023 14:30'],
      ['Kết quả', '1 lỗi, 0 cảnh báo'],
    ]);
    expect(reportStamp([], 't')[1]).toEqual(['Kết quả', 'Không phát hiện lỗi.']);
  });
});

describe('set-up summary and headers', () => {
  const report = emptySetupReport();
  const counts = { protectionsAdded: 0, protectionsRemoved: 0, protectionsKept: 3 };
  const renamed = finding(SHEET_NAMES.units, 'B1', 'header-renamed', 'Ten', {
    expected: 'Tên đơn vị',
  });

  it('claims "đúng cấu trúc" only when told the headers are right', () => {
    expect(setupSummary(report, counts)).not.toContain('đúng cấu trúc');
    expect(setupToast(report, counts)).not.toContain('đúng cấu trúc');
    expect(setupSummary(report, counts, [])).toContain('đúng cấu trúc');
    const withHeader = setupSummary(
      report,
      counts,
      headerFindingsOf([renamed, finding(SHEET_NAMES.units, 'A3', 'not-a-number', 'x')]),
    );
    expect(withHeader).not.toContain('đúng cấu trúc');
    expect(withHeader).toContain('còn 1 tiêu đề chưa đúng');
    expect(withHeader).toContain(renamed.message);
    expect(setupToast(report, counts, [renamed])).toContain('1 tiêu đề chưa đúng');
  });
});
