/**
 * Eligibility hints (issue 13, Builds 3–4) end to end through build/Code.js in the local host:
 * set-up prefills Quy tắc khen thưởng; with history rows of 2020–2021 typed into Lịch sử thi
 * đua, khen thưởng and the 2022 register, «Kiểm tra điều kiện khen thưởng» writes Điều kiện
 * khen thưởng: a rule that passes, one that fails naming the missing year, a ratio cap across
 * the register, a rule not in force in 2022, and a rule the user switched off.
 */
import type { LocalHost } from '../../local/host';
import { quoteSheetName } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { HISTORY_LAYOUT } from '../../src/core/layout/historyTables';
import { ELIGIBILITY_LAYOUT, RULES_LAYOUT } from '../../src/core/layout/rulesTables';
import { headerValues } from '../../src/core/layout/columns';
import { DEFAULT_RULES } from '../../src/core/eligibility/defaultRules';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const HEAD = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? '';
const UNIT = 'Phòng Nội vụ quận Ba Đình';

function awardRow(values: Record<string, unknown>): unknown[] {
  return AWARDS_LAYOUT.columns.map((c) => values[c.key] ?? '');
}
const individual = (name: string, form: string, level = 'Cơ sở'): unknown[] =>
  awardRow({ recipientType: 'Cá nhân', name, unit: UNIT, form, level, year: 2022 });

function historyRow(year: number, name: string, item: string, level = ''): unknown[] {
  const values: Record<string, unknown> = {
    year,
    subjectType: 'Cá nhân',
    name,
    unit: UNIT,
    item,
    level,
  };
  return HISTORY_LAYOUT.columns.map((c) => values[c.key] ?? '');
}

function setUp(): LocalHost {
  const host = newHost({ spreadsheet: { editors: [HEAD] } });
  seedSampleWorkbook(host);
  host.open();
  const setup = host.clickMenu('Khởi tạo / cập nhật bảng tính');
  expect(setup.error).toBeUndefined();
  paste(host, SHEET_NAMES.history, 1, 1, [
    headerValues(HISTORY_LAYOUT),
    historyRow(2020, 'Nguyễn Văn An', 'Chiến sĩ thi đua cơ sở', 'Cơ sở'),
    historyRow(2021, 'Nguyễn Văn An', 'Chiến sĩ thi đua cơ sở', 'Cơ sở'),
    historyRow(2022, 'Nguyễn Văn An', 'Sáng kiến số hóa hồ sơ một cửa'),
    historyRow(2020, 'Trần Thị Bình', 'Chiến sĩ thi đua cơ sở', 'Cơ sở'),
    historyRow(2021, 'Trần Thị Bình', 'HTXSNV'),
  ]);
  const others = Array.from({ length: 8 }, (_, i) =>
    individual(`Cán bộ ${String(i + 1)}`, 'Lao động tiên tiến'),
  );
  paste(host, SHEET_NAMES.awards, 2, 1, [
    individual('Nguyễn Văn An', 'Lao động tiên tiến'),
    individual('Nguyễn Văn An', 'Chiến sĩ thi đua cơ sở'),
    individual('Nguyễn Văn An', 'Chiến sĩ thi đua thành phố', 'Bộ, ngành, tỉnh / thành phố'),
    individual('Trần Thị Bình', 'Lao động tiên tiến'),
    individual('Trần Thị Bình', 'Chiến sĩ thi đua cơ sở'),
    individual('Trần Thị Bình', 'Chiến sĩ thi đua thành phố', 'Bộ, ngành, tỉnh / thành phố'),
    individual(
      'Lê Văn Cường',
      'Bằng khen của Chủ tịch UBND thành phố',
      'Bộ, ngành, tỉnh / thành phố',
    ),
    ...others,
  ]);
  return host;
}

const E = quoteSheetName(SHEET_NAMES.eligibility);
/** The hint rows by register row: [result, lacking, rules]. */
function hints(host: LocalHost): Map<number, { result: string; lacking: string; rules: string }> {
  const values = host.spreadsheet.valuesAt(`${E}!A${String(ELIGIBILITY_LAYOUT.firstDataRow)}:J40`);
  const out = new Map<number, { result: string; lacking: string; rules: string }>();
  for (const row of values) {
    if (typeof row[0] !== 'number') continue;
    out.set(row[0], { result: String(row[7]), lacking: String(row[8]), rules: String(row[9]) });
  }
  return out;
}

describe('eligibility hints over three years (e2e)', () => {
  it('prefills the shipped rules once and keeps a user’s edit on the next set-up', () => {
    const host = setUp();
    const R = quoteSheetName(SHEET_NAMES.rules);
    const rules = host.spreadsheet.valuesAt(`${R}!A1:S40`).filter((r) => r[0] !== '');
    expect(rules[0]).toEqual(headerValues(RULES_LAYOUT));
    expect(rules.slice(1).map((r) => r[0])).toEqual(DEFAULT_RULES.map((r) => r.id));
    paste(host, SHEET_NAMES.rules, 5, 2, [['Tắt']]);
    expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').error).toBeUndefined();
    expect(host.spreadsheet.valueAt(`${R}!B5`)).toBe('Tắt');
    expect(host.spreadsheet.valuesAt(`${R}!A1:A40`).filter((r) => r[0] !== '')).toHaveLength(
      DEFAULT_RULES.length + 1,
    );
  });

  it('passes, fails with the missing year, caps the ratio and leaves out a rule not yet in force', () => {
    const host = setUp();
    const run = host.clickMenu('Kiểm tra điều kiện khen thưởng');
    expect(run.error).toBeUndefined();
    const h = hints(host);
    // Nguyễn Văn An: CSTĐCS 2020, 2021 and proposed in 2022 → Chiến sĩ thi đua thành phố passes.
    expect(h.get(4)).toMatchObject({ result: 'Đủ điều kiện', rules: 'CSTĐT-91' });
    // Trần Thị Bình: no CSTĐCS in 2021.
    expect(h.get(7)?.result).toBe('Chưa đủ điều kiện');
    expect(h.get(7)?.lacking).toContain(
      'cần 3 năm liên tục «Chiến sĩ thi đua cơ sở» (2020–2022): 2021 chưa có — khoản 2 Điều 9, Nghị định 91/2017/NĐ-CP',
    );
    // Her CSTĐCS lacks an initiative; both CSTĐCS exceed 15% of the 10 Lao động tiên tiến.
    expect(h.get(6)?.lacking).toContain('cần 1 sáng kiến năm 2022 (mới có 0)');
    for (const row of [3, 6])
      expect(h.get(row)?.lacking).toContain(
        'vượt tỷ lệ tối đa 15%: sổ năm 2022 có 2 «Chiến sĩ thi đua cơ sở» trên 10 «Lao động tiên tiến» (tối đa 1)',
      );
    // Bằng khen under Luật 06/2022/QH15 is in force from 2024 only: not applied to 2022.
    expect(h.get(8)).toMatchObject({ result: 'Không có quy tắc áp dụng', lacking: '' });
  });

  it('drops the ratio cap once the user switches its rule off', () => {
    const host = setUp();
    const R = quoteSheetName(SHEET_NAMES.rules);
    const ids = host.spreadsheet.valuesAt(`${R}!A2:A40`).map((r) => r[0]);
    const at = ids.indexOf('CSTĐCS-91-4') + 2;
    paste(host, SHEET_NAMES.rules, at, 2, [['Tắt']]);
    expect(host.clickMenu('Kiểm tra điều kiện khen thưởng').error).toBeUndefined();
    const h = hints(host);
    expect(h.get(3)).toMatchObject({ result: 'Đủ điều kiện' });
    expect(h.get(3)?.rules).not.toContain('CSTĐCS-91-4');
  });
});
