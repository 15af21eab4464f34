/**
 * The rules of HUONG_DAN.md "Quy tắc tính điểm và xếp hạng" (issue 14), each through the built
 * bundle: a small cluster seeded host-side, "Tính xếp hạng" clicked, the Xếp hạng sheet read.
 * Each test is named after the guide's sentence that states the rule.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { headerValues } from '../../src/core/layout/columns';
import { CRITERIA_LAYOUT, CROSS_SCORES_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { readCriteria } from '../../src/core/readers/criteria';
import { readUnits } from '../../src/core/readers/units';
import type { ClusterSettingsInput } from '../../src/core/model/settings';
import type { SampleScore } from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook, typeScores } from './workbookFixture';

const X = `'${SHEET_NAMES.ranking}'`;
const HEADER_ROW = 5;
const FIRST = 6;

/**
 * Group I (stated maximum 100): A scored 50; B split into B.1 and B.2 (10 each); C target-based,
 * 30 points, 0,5 point per 1 % above the target, extra capped at 3. Group II (stated maximum 2):
 * bonus T1 and T2 (2 each), penalty P (5).
 */
const CRITERIA_ROWS = [
  ['I', 'Nhiệm vụ chính', '', '', '', '', 100, '', '', '', '', ''],
  ['I', '', 'A', '', 'Tiêu chí A', 'Chấm điểm', 50, '', '', '', '', ''],
  ['I', '', 'B', '', 'Tiêu chí B', 'Chấm điểm', 20, '', '', '', '', ''],
  ['I', '', 'B.1', 'B', 'Tiêu chí B.1', 'Chấm điểm', 10, '', '', '', '', ''],
  ['I', '', 'B.2', 'B', 'Tiêu chí B.2', 'Chấm điểm', 10, '', '', '', '', ''],
  ['I', '', 'C', '', 'Chỉ tiêu C', 'Định lượng', 30, '', 'Tỷ lệ thuận, cộng điểm vượt', 0.5, 3, ''],
  ['II', 'Điểm thưởng, điểm trừ', '', '', '', '', 2, '', '', '', '', ''],
  ['II', '', 'T1', '', 'Thưởng 1', 'Điểm thưởng', 2, '', '', '', '', ''],
  ['II', '', 'T2', '', 'Thưởng 2', 'Điểm thưởng', 2, '', '', '', '', ''],
  ['II', '', 'P', '', 'Điểm trừ', 'Điểm trừ', 5, '', '', '', '', ''],
];

const NAMES: Record<string, string> = {
  U1: 'Ba Vì',
  U2: 'Cầu Giấy',
  U3: 'Đan Phượng',
  U4: 'Gia Lâm',
  U5: 'Hà Đông',
  U6: 'Long Biên',
};

interface Scores {
  a: SampleScore;
  b1?: SampleScore;
  b2?: SampleScore;
  c?: SampleScore;
  t1?: SampleScore;
  t2?: SampleScore;
  p?: SampleScore;
}

/** A unit's self scores; B.1 and B.2 default to 10, C to the target met, bonus and penalty 0. */
function scores(s: Scores): Record<string, SampleScore> {
  const out: Record<string, SampleScore> = {
    A: s.a,
    'B.1': s.b1 ?? 10,
    'B.2': s.b2 ?? 10,
    C: s.c ?? { target: 100, actual: 100 },
  };
  if (s.t1 !== undefined) out.T1 = s.t1;
  if (s.t2 !== undefined) out.T2 = s.t2;
  if (s.p !== undefined) out.P = s.p;
  return out;
}

interface Table {
  rows: Record<string, unknown>[];
  host: LocalHost;
}

function rank(
  byUnit: Record<string, Scores>,
  settings: Partial<ClusterSettingsInput> = {},
  verified: Record<string, Record<string, SampleScore>> = {},
  cross: readonly (readonly [string, string, string, number])[] = [],
  criteriaRows: readonly (readonly unknown[])[] = CRITERIA_ROWS,
): Table {
  const host = newHost();
  const codes = Object.keys(byUnit);
  const unitRows = codes.map((code, i) => [
    code,
    NAMES[code] ?? code,
    'Xã',
    i === 0 ? 'Cụm trưởng' : 'Thành viên',
    '',
    '',
    '',
    '',
  ]);
  const self = Object.fromEntries(codes.map((c) => [c, scores(byUnit[c] ?? { a: 0 })]));
  seedSampleWorkbook(host, {
    settings: {
      clusterName: 'Cụm thử',
      year: 2025,
      quotas: { certificate: { count: 2 } },
      ...settings,
    },
    unitRows,
    criteriaRows,
    selfScores: {},
  });
  const units = readUnits([headerValues(UNITS_LAYOUT), ...unitRows]).value;
  const tree = readCriteria([headerValues(CRITERIA_LAYOUT), ...criteriaRows]).value;
  typeScores(host, SHEET_NAMES.selfScores, self, units, tree);
  if (Object.keys(verified).length > 0)
    typeScores(host, SHEET_NAMES.verifiedScores, verified, units, tree);
  if (cross.length > 0 || settings.useCrossScores === true)
    paste(host, SHEET_NAMES.crossScores, 1, 1, [
      headerValues(CROSS_SCORES_LAYOUT).slice(0, 4),
      ...cross.map((r) => [...r]),
    ]);
  host.open();
  const run = host.clickMenu('Tính xếp hạng');
  expect(run.status).toBe('ok');
  const header = host.spreadsheet.valuesAt(`${X}!A${HEADER_ROW}:Z${HEADER_ROW}`)[0] as string[];
  const data = host.spreadsheet.valuesAt(`${X}!A${FIRST}:Z${FIRST + codes.length - 1}`);
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  return { rows, host };
}

const pick = (t: Table, ...keys: string[]): unknown[][] => t.rows.map((r) => keys.map((k) => r[k]));

describe('Quy tắc tính điểm và xếp hạng (HUONG_DAN.md), qua build/Code.js', () => {
  it('Xếp loại cần đạt là mức tối thiểu: "Tốt" nghĩa là Tốt trở lên', () => {
    const t = rank(
      { U1: { a: 50 }, U2: { a: 38 }, U3: { a: 20 } },
      {
        quotas: {
          flag: { requiredClassification: 'Tốt' },
          certificate: { count: 1, allowedClassifications: ['Tốt'] },
        },
      },
    );
    // U1 100 Xuất sắc takes the flag; U2 88 Tốt the Bằng khen; U3 70 Khá nothing.
    expect(pick(t, 'Mã đơn vị', 'Xếp loại', 'Đề nghị khen thưởng')).toEqual([
      ['U1', 'Xuất sắc', 'Cờ thi đua'],
      ['U2', 'Tốt', 'Bằng khen'],
      ['U3', 'Khá', ''],
    ]);
  });

  it('Báo thiếu, không xếp hạng: đơn vị thiếu điểm không có thứ hạng, không được đề nghị, không chiếm suất, không đẩy hạng đơn vị khác', () => {
    const t = rank({ U1: { a: 50, b2: '' }, U2: { a: 49 }, U3: { a: 48 }, U4: { a: 47 } });
    expect(pick(t, 'Hạng', 'Mã đơn vị', 'Đề nghị khen thưởng')).toEqual([
      [1, 'U2', 'Cờ thi đua'],
      [2, 'U3', 'Bằng khen'],
      [3, 'U4', 'Bằng khen'],
      ['', 'U1', ''],
    ]);
    expect(String(t.rows[3]?.['Lý do'])).toMatch(
      /^chưa xếp hạng: thiếu điểm tiêu chí B\.2 \(Tự chấm![A-Z]+\d+\)/,
    );
    expect(String(t.host.spreadsheet.valueAt(`${X}!C4`))).toContain(
      '1 đơn vị thiếu điểm chưa được xếp hạng',
    );
  });

  it('Tính 0 điểm: ô thiếu điểm được tính 0 và đơn vị được xếp hạng bình thường', () => {
    const t = rank(
      { U1: { a: 50, b2: '' }, U2: { a: 49 }, U3: { a: 48 } },
      { missingScorePolicy: 'zero' },
    );
    expect(pick(t, 'Hạng', 'Mã đơn vị', 'Tổng điểm')).toEqual([
      [1, 'U2', 99],
      [2, 'U3', 98],
      [3, 'U1', 90],
    ]);
    const line = String(t.host.spreadsheet.valueAt(`${X}!C4`));
    expect(line).toContain('ô thiếu điểm được tính 0 điểm');
    expect(line).not.toContain('chưa được xếp hạng');
  });

  it('Suất được xét theo thứ tự xếp hạng trong các đơn vị đủ điều kiện; đơn vị không đủ điều kiện không chiếm suất', () => {
    // The Bằng khen list is "Tốt": Tốt or better. U2 (Khá) takes no place; U3 and U4 get them.
    const t = rank(
      { U1: { a: 50 }, U2: { a: 25 }, U3: { a: 40 }, U4: { a: 36 }, U5: { a: 35 } },
      {
        quotas: {
          flag: { requiredClassification: 'Xuất sắc' },
          certificate: { count: 2, allowedClassifications: ['Tốt'] },
        },
      },
    );
    expect(pick(t, 'Mã đơn vị', 'Xếp loại', 'Đề nghị khen thưởng')).toEqual([
      ['U1', 'Xuất sắc', 'Cờ thi đua'],
      ['U3', 'Tốt', 'Bằng khen'],
      ['U4', 'Tốt', 'Bằng khen'],
      ['U5', 'Tốt', ''],
      ['U2', 'Khá', ''],
    ]);
  });

  it('Số suất đã định không bao giờ bị mất: đồng hạng ở suất Cờ thi đua cuối chỉ bỏ phiếu chọn đơn vị nhận Cờ, đơn vị xếp sau vẫn nhận suất Bằng khen còn lại', () => {
    const t = rank({ U1: { a: 50 }, U2: { a: 50 }, U3: { a: 49 }, U4: { a: 48 } });
    expect(pick(t, 'Hạng', 'Mã đơn vị', 'Đề nghị khen thưởng')).toEqual([
      [1, 'U1', 'Bằng khen'],
      [1, 'U2', 'Bằng khen'],
      [3, 'U3', 'Bằng khen'],
      [4, 'U4', ''],
    ]);
    expect(String(t.rows[0]?.['Lý do'])).toContain(
      'cần bỏ phiếu bình xét chọn 1 đơn vị nhận Cờ thi đua',
    );
  });

  it('Đồng hạng ở suất cuối của một hình thức: các đơn vị đồng hạng được đưa ra bỏ phiếu bình xét', () => {
    const t = rank({ U1: { a: 50 }, U2: { a: 49 }, U3: { a: 48 }, U4: { a: 48 } });
    expect(pick(t, 'Mã đơn vị', 'Đề nghị khen thưởng')).toEqual([
      ['U1', 'Cờ thi đua'],
      ['U2', 'Bằng khen'],
      ['U3', ''],
      ['U4', ''],
    ]);
    expect(String(t.rows[2]?.['Lý do'])).toContain(
      '2 đơn vị cho 1 suất Bằng khen còn lại, cần bỏ phiếu bình xét',
    );
  });

  it('Để trống "Thứ tự ưu tiên khi bằng điểm": không dùng tiêu chí phụ, các đơn vị bằng điểm đồng hạng', () => {
    // Same total 98; U2 has a penalty the default chain would count.
    const withChain = rank({ U1: { a: 48 }, U2: { a: 49, p: 1 } });
    expect(pick(withChain, 'Hạng', 'Mã đơn vị')).toEqual([
      [1, 'U1'],
      [2, 'U2'],
    ]);
    expect(String(withChain.host.spreadsheet.valueAt(`${X}!D1`))).toContain('ít điểm trừ hơn');
    const host = withChain.host;
    // The owner clears the chain's cell on Cấu hình, then ranks again.
    const grid = host.spreadsheet.valuesAt(`'${SHEET_NAMES.settings}'!A1:A60`);
    const row = grid.findIndex((r) => r[0] === 'Thứ tự ưu tiên khi bằng điểm') + 1;
    expect(row).toBeGreaterThan(0);
    paste(host, SHEET_NAMES.settings, row, 2, [['']]);
    expect(host.clickMenu('Tính xếp hạng').status).toBe('ok');
    expect(host.spreadsheet.valuesAt(`${X}!A${FIRST}:B${FIRST + 1}`)).toEqual([
      [1, 'U1'],
      [1, 'U2'],
    ]);
    expect(String(host.spreadsheet.valueAt(`${X}!D1`))).toContain('không dùng tiêu chí phụ');
  });

  it('Mỗi ô (một đơn vị × một tiêu chí) lấy điểm theo thứ tự: điểm thẩm định nếu có; nếu không, điểm chấm chéo; nếu không, điểm tự chấm', () => {
    // U1 scores A 50 and B.1 9 itself; the head verifies A only (45): per cell, U1 has 45 for A
    // and keeps its own 9 for B.1 → 45 + 9 + 10 + 30 = 94. U2's row is not verified at all.
    const t = rank({ U1: { a: 50, b1: 9 }, U2: { a: 40 } }, {}, { U1: { A: 45 } });
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')).toEqual([
      ['U1', 94],
      ['U2', 90],
    ]);
  });

  it('Điểm chấm chéo được tổng hợp bằng trung bình cộng điểm của các đơn vị chấm, tính theo điểm của từng người chấm', () => {
    // U1 scores A 50 itself; U2, U3, U4 score it 40, 45, 47 → 44 replaces 50 (cross before self).
    const t = rank(
      { U1: { a: 50 }, U2: { a: 40 }, U3: { a: 40 }, U4: { a: 40 } },
      { useCrossScores: true },
      {},
      [
        ['U2', 'U1', 'A', 40],
        ['U3', 'U1', 'A', 45],
        ['U4', 'U1', 'A', 47],
      ],
    );
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')[0]).toEqual(['U1', 94]);
  });

  it('"Bỏ điểm cao nhất và thấp nhất" chỉ bỏ khi có ít nhất 3 điểm chấm chéo; với 1 hoặc 2 điểm thì lấy trung bình cộng của tất cả', () => {
    // U1: 30, 40, 44, 48, 50 → 50 and 30 dropped → 44. U2: only 40 and 48 → both kept → 44.
    const t = rank(
      {
        U1: { a: 50 },
        U2: { a: 50 },
        U3: { a: 40 },
        U4: { a: 40 },
        U5: { a: 40 },
        U6: { a: 40 },
      },
      { useCrossScores: true, crossAggregation: { method: 'trimmedMean', drop: 1 } },
      {},
      [
        ['U2', 'U1', 'A', 30],
        ['U3', 'U1', 'A', 40],
        ['U4', 'U1', 'A', 44],
        ['U5', 'U1', 'A', 48],
        ['U6', 'U1', 'A', 50],
        ['U3', 'U2', 'A', 40],
        ['U4', 'U2', 'A', 48],
      ],
    );
    const totals = Object.fromEntries(pick(t, 'Mã đơn vị', 'Tổng điểm').map(([c, v]) => [c, v]));
    expect([totals.U1, totals.U2]).toEqual([94, 94]);
  });

  it('Tỷ lệ thuận: điểm tối đa × tỷ lệ, không quá điểm tối đa', () => {
    // C is worth 30: 720 of 900 → 30 × 0,8 = 24 → U1 50 + 20 + 24 = 94.
    const t = rank({ U1: { a: 50, c: { target: 900, actual: 720 } }, U2: { a: 40 } });
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')[0]).toEqual(['U1', 94]);
  });

  it('Dẫn đầu: đơn vị có tỷ lệ cao nhất (trong mọi đơn vị có số liệu) được điểm tối đa, đơn vị khác được điểm tối đa × tỷ lệ của mình ÷ tỷ lệ cao nhất', () => {
    const rows = CRITERIA_ROWS.map((r) =>
      r[2] === 'C'
        ? [
            'I',
            '',
            'C',
            '',
            'Chỉ tiêu C',
            'Định lượng',
            30,
            '',
            'So với đơn vị dẫn đầu',
            '',
            '',
            '',
          ]
        : r,
    );
    // Rates 1,5 and 0,75: U1 leads with 30, U2 gets 30 × 0,75 ÷ 1,5 = 15.
    const t = rank(
      {
        U1: { a: 40, c: { target: 100, actual: 150 } },
        U2: { a: 40, c: { target: 100, actual: 75 } },
      },
      {},
      {},
      [],
      rows,
    );
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')).toEqual([
      ['U1', 90],
      ['U2', 75],
    ]);
  });

  it('Ô điểm thưởng, điểm trừ để trống được tính 0', () => {
    const t = rank({ U1: { a: 50, t1: '', p: '' }, U2: { a: 40, t1: 1, p: 2 } });
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')).toEqual([
      ['U1', 100],
      ['U2', 89],
    ]);
  });

  it('Vượt chỉ tiêu được cộng theo tỷ lệ: (thực hiện ÷ chỉ tiêu − 1) × 100 × điểm mỗi 1 %, không quá mức trần', () => {
    const t = rank({
      U1: { a: 40, c: { target: 1000, actual: 1009 } },
      U2: { a: 40, c: { target: 100, actual: 150 } },
    });
    // 100,9 %: 30 + 0,9 × 0,5 = 30,45; 150 %: 30 + min(25, 3) = 33.
    expect(pick(t, 'Mã đơn vị', 'Tổng điểm')).toEqual([
      ['U2', 93],
      ['U1', 90.45],
    ]);
  });

  it('"Nhiều tiêu chí đạt điểm tối đa hơn" đếm các tiêu chí lá mà đơn vị chấm', () => {
    // Both 98 with no penalty. Counting top-level criteria both have 2 (U1: A and C; U2: B and
    // C) and would tie; counting leaves U2 has 3 (B.1, B.2, C), U1 still 2.
    const t = rank({
      U1: { a: 50, b1: 9, b2: 9 },
      U2: { a: 48 },
    });
    expect(pick(t, 'Hạng', 'Mã đơn vị', 'Tổng điểm')).toEqual([
      [1, 'U2', 98],
      [2, 'U1', 98],
    ]);
    expect(t.rows[0]?.['Ghi chú bằng điểm']).toContain('nhiều tiêu chí đạt điểm tối đa hơn');
  });

  it('Điểm tối đa của nhóm chỉ để kiểm tra, không cắt điểm: nhóm điểm thưởng cũng vậy', () => {
    // Group II states 2, the two bonus items give 2 + 2 = 4: counted in full, and warned.
    const t = rank({ U1: { a: 40, t1: 2, t2: 2 } });
    expect(pick(t, 'Điểm thưởng', 'Tổng điểm')).toEqual([[4, 94]]);
  });

  it('Điểm được tính chính xác đến phần trăm điểm: không có sai số nhị phân trong ô, ở ngưỡng xếp loại hay khi so bằng điểm', () => {
    // 30,1 + (9,05 + 9,15) + 30 is 78.30000000000001 in binary floating point.
    const t = rank({
      U1: { a: '30,1', b1: '9,05', b2: '9,15' },
      U2: { a: '38,3', b1: 5, b2: 5 },
    });
    // Both exactly 78,3: written so, and a tie (same penalty, same number of leaves at maximum).
    expect(pick(t, 'Hạng', 'Tổng điểm', 'Xếp loại')).toEqual([
      [1, 78.3, 'Khá'],
      [1, 78.3, 'Khá'],
    ]);
    const edge = rank({ U1: { a: 45 }, U2: { a: '35', b1: '10', b2: '9,99' } });
    // 45 + 20 + 30 = 95 reaches Xuất sắc at its edge; 84,99 stays below Tốt (85).
    expect(pick(edge, 'Tổng điểm', 'Xếp loại')).toEqual([
      [95, 'Xuất sắc'],
      [84.99, 'Khá'],
    ]);
  });
});
