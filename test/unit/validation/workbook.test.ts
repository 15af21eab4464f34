import fc from 'fast-check';
import { readWorkbook, validateWorkbook } from '../../../src/core/validation/workbook';
import { FindingSchema } from '../../../src/core/findings';
import { SHEET_NAMES, type SheetName } from '../../../src/core/layout/sheets';
import { selfScoreGrid, sampleWorkbookGrids } from '../readers/sampleCluster';

const codes = (f: { code: string; sheet: string; cell: string }[]): string[] =>
  f.map((x) => `${x.sheet}!${x.cell} ${x.code}`);

function sampleGrids(): Partial<Record<SheetName, unknown[][]>> {
  return {
    ...sampleWorkbookGrids(),
    [SHEET_NAMES.crossScores]: [
      ['Đơn vị chấm', 'Đơn vị được chấm', 'Mã tiêu chí', 'Điểm'],
      ['BD', 'HM', 'I.1', 19],
    ],
    [SHEET_NAMES.votes]: [
      ['Đơn vị bỏ phiếu', 'Đề nghị khen thưởng', 'Ý kiến', 'Phiếu không hợp lệ'],
      ['HM', 'Ba Đình', 'Đồng ý', ''],
    ],
  };
}

describe('validateWorkbook', () => {
  it('finds nothing wrong in the sample cluster and reads every sheet', () => {
    const read = readWorkbook(sampleGrids());
    expect(read.findings).toEqual([]);
    expect(read.settings?.clusterName).toBe('Cụm thi đua số 1');
    expect(read.units).toHaveLength(6);
    expect(read.tree.criteria).toHaveLength(11);
    expect(read.selfScores.length).toBeGreaterThan(50);
    expect(read.verifiedScores.every((e) => e.source === 'verified')).toBe(true);
    expect(read.crossScores).toHaveLength(1);
    expect(read.ballots).toEqual([
      { voter: 'HM', marks: [{ nominee: 'BD', mark: 'yes' }], spoiled: false },
    ]);
  });

  it('lists every problem across sheets, sorted by sheet order then row then column', () => {
    const grids = sampleGrids();
    const units = grids[SHEET_NAMES.units] ?? [];
    units.push(['HM', 'Hoàng Mai 2', '', '', '', '', 'hm@', '']); // A8 duplicate, G8 bad e-mail
    (units[3] as unknown[])[6] = 'hoankiem(at)hanoi.gov.vn'; // G4
    const criteria = grids[SHEET_NAMES.criteria] ?? [];
    (criteria[1] as unknown[])[6] = 65; // group I: 65 ≠ 20 + 10 + 20 + 10
    criteria.push(['II', '', 'II.2', '', 'Trùng mã', 'Chấm điểm', 1, '', '', '', '', '']); // C16
    criteria.push(['V', '', 'V.1', '', 'Nhóm không có', 'Chấm điểm', 1, '', '', '', '', '']); // A17
    const self = grids[SHEET_NAMES.selfScores] ?? [];
    (self[6] as unknown[])[4] = 'bốn mươi'; // E7
    (self[3] as unknown[])[2] = 25; // C4
    const verified = grids[SHEET_NAMES.verifiedScores] ?? [];
    (verified[2] as unknown[])[3] = 'Chưa'; // D3
    const findings = validateWorkbook(grids);
    expect(codes(findings)).toEqual([
      // Duplicates on every row involved (issue 10, Build 3): the first occurrence too.
      'Đơn vị!A3 duplicate-code',
      'Đơn vị!G4 invalid-email',
      'Đơn vị!A8 duplicate-code',
      'Đơn vị!G8 invalid-email',
      'Tiêu chí!G2 group-max-mismatch',
      'Tiêu chí!C11 duplicate-code',
      'Tiêu chí!C16 duplicate-code',
      'Tiêu chí!A17 invalid-value',
      // V.1 is a criterion too (its group is reported above), so the matrices lack its column.
      'Tự chấm!N1 header-missing',
      'Tự chấm!C4 above-max',
      'Tự chấm!E7 not-a-number',
      'Thẩm định!N1 header-missing',
      'Thẩm định!D3 not-pass-fail',
    ]);
    const mismatch = findings[4];
    expect(mismatch?.severity).toBe('warning');
    expect(mismatch?.message).toBe(
      'Trang "Tiêu chí", ô G2: tổng điểm tối đa của các tiêu chí trong nhóm "I. Thực hiện nhiệm vụ chính trị" là 60, khác điểm tối đa của nhóm là 65.',
    );
    expect(findings[10]?.message).toBe('Trang "Tự chấm", ô E7: "bốn mươi" không phải là số.');
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  });

  it('checks that sub-criteria add up to their parent', () => {
    const grids = sampleGrids();
    const criteria = grids[SHEET_NAMES.criteria] ?? [];
    (criteria[8] as unknown[])[6] = 8; // II.1.a 8 + II.1.b 5 ≠ II.1 15
    const {
      [SHEET_NAMES.selfScores]: _self,
      [SHEET_NAMES.verifiedScores]: _verified,
      ...rest
    } = grids;
    expect(codes(validateWorkbook(rest))).toEqual(['Tiêu chí!G8 group-max-mismatch']);
  });

  it('reports a tie-break on a group that does not exist', () => {
    const grids = sampleGrids();
    const settings = grids[SHEET_NAMES.settings] ?? [];
    const row = settings.find((r) => r[0] === 'Thứ tự ưu tiên khi bằng điểm');
    if (row) row[1] = 'Điểm nhóm IX cao hơn';
    expect(codes(validateWorkbook(grids))).toEqual(['Cấu hình!B13 invalid-value']);
  });

  it('reports each missing required sheet once, and does not read scores without units', () => {
    const findings = validateWorkbook({ [SHEET_NAMES.selfScores]: selfScoreGrid() });
    expect(codes(findings)).toEqual([
      'Cấu hình!A1 required-missing',
      'Đơn vị!A1 required-missing',
      'Tiêu chí!A1 required-missing',
    ]);
    expect(findings[1]?.message).toContain('Không thấy trang "Đơn vị"');
    // The menu item's real caption: "Thiết lập bảng tính" does not exist (issue 10).
    expect(findings[1]?.message).toContain('«Khởi tạo / cập nhật bảng tính»');
  });

  it('never throws on arbitrary grids in any sheet', () => {
    const cellValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.date(),
      fc.constant(''),
      fc.constantFrom('Mã đơn vị', 'BD', 'I.1', 'Điểm', 'Năm thi đua'),
    );
    const grid = fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 10 });
    const sheets = Object.values(SHEET_NAMES);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...sheets), grid), (g) => {
        const findings = validateWorkbook(g);
        for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
