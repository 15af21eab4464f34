/**
 * The shipped rules (src/core/eligibility/defaultRules.ts), each as its published source gives
 * it (the URL cited per test and kept in the rule), and the rules sheet round trip.
 */
import { DEFAULT_RULES } from '../../../src/core/eligibility/defaultRules';
import type { EligibilityRule } from '../../../src/core/eligibility/rule';
import { readRules, ruleSheetRows } from '../../../src/core/eligibility/rulesSheet';
import { RULES_LAYOUT, headerValues } from '../../../src/core/layout';

function rule(id: string): EligibilityRule {
  const found = DEFAULT_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}
const ND91 = { from: { year: 2017, month: 10, day: 1 }, until: { year: 2023, month: 12, day: 31 } };

describe('each shipped rule as published', () => {
  it('CSTĐCS under Nghị định 91/2017: Lao động tiên tiến (or Chiến sĩ tiên tiến) and an initiative, at most 15%', () => {
    // Source: https://thuvienphapluat.vn/hoi-dap-phap-luat/45A9C-hd-tieu-chuan-de-xet-tang-danh-hieu-chien-si-thi-dua-co-so.html
    // (khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP: "Đạt tiêu chuẩn danh hiệu 'Lao động tiên tiến' hoặc
    // 'Chiến sĩ tiên tiến'; Có sáng kiến … được cơ sở công nhận …; … không quá 15% tổng số cá nhân
    // đạt danh hiệu 'Lao động tiên tiến'"); also http://banthiduakhenthuongtw.gov.vn/traloi/460b8a748639415f8b9c28ccfe707fcd
    for (const id of ['CSTĐCS-91-1', 'CSTĐCS-91-2', 'CSTĐCS-91-3', 'CSTĐCS-91-4']) {
      const r = rule(id);
      expect(r.source).toContain('45A9C');
      expect(r).toMatchObject({
        ...ND91,
        verified: true,
        enabled: true,
        legalText: 'Nghị định 91/2017/NĐ-CP',
      });
      expect(r.article).toContain('khoản 3 Điều 9');
    }
    expect(rule('CSTĐCS-91-1')).toMatchObject({
      item: 'Lao động tiên tiến',
      group: 'LĐTT',
      years: 1,
    });
    expect(rule('CSTĐCS-91-2')).toMatchObject({ item: 'Chiến sĩ tiên tiến', group: 'LĐTT' });
    expect(rule('CSTĐCS-91-3')).toMatchObject({ kind: 'initiatives', initiatives: 1 });
    expect(rule('CSTĐCS-91-4')).toMatchObject({
      kind: 'ratioCap',
      percent: 15,
      item: 'Lao động tiên tiến',
    });
  });

  it('CSTĐ cấp bộ, ngành, tỉnh under Nghị định 91/2017: three consecutive CSTĐCS', () => {
    // Source: https://thuvienphapluat.vn/hoi-dap-phap-luat/47C20-hd-dieu-kien-de-duoc-cong-nhan-chien-si-thi-dua-cap-bo.html
    // (khoản 2 Điều 9: "… trong số những cá nhân có ba lần liên tục đạt danh hiệu 'Chiến sĩ thi đua cơ sở'").
    const r = rule('CSTĐT-91');
    expect(r.source).toContain('47C20');
    expect(r).toMatchObject({
      ...ND91,
      article: 'khoản 2 Điều 9',
      item: 'Chiến sĩ thi đua cơ sở',
      years: 3,
      currentYear: true,
      level: 'ministryProvince',
    });
  });

  it('CSTĐCS under Luật 06/2022/QH15 Điều 21: Lao động tiên tiến, and HTXSNV or an initiative', () => {
    // Source: https://viendaotaogiaoduc.edu.vn/tieu-chuan-chien-si-thi-dua-cac-cap-tu-01-01-2024
    // ("Theo Điều 21 Luật Thi đua, khen thưởng 2022 … (1) Đạt tiêu chuẩn danh hiệu lao động tiên
    // tiến hoặc chiến sĩ tiên tiến (2) Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công nhận …").
    for (const id of ['CSTĐCS-22-1', 'CSTĐCS-22-2', 'CSTĐCS-22-3', 'CSTĐCS-22-4']) {
      const r = rule(id);
      expect(r.source).toContain('viendaotaogiaoduc.edu.vn');
      expect(r).toMatchObject({
        article: 'Điều 21',
        from: { year: 2024, month: 1, day: 1 },
        until: undefined,
        verified: true,
      });
    }
    expect(rule('CSTĐCS-22-3')).toMatchObject({ item: 'HTXSNV', group: 'HTXSNV' });
    expect(rule('CSTĐCS-22-4')).toMatchObject({ kind: 'initiatives', group: 'HTXSNV' });
  });

  it('CSTĐ bộ, ban, ngành, tỉnh under Luật 06/2022/QH15: 03 consecutive CSTĐCS', () => {
    // Source: https://baoyenbai.com.vn/13/342479/Tieu-chuan-danh-hieu-Chien-si-thi-dua-co-so-Lao-dong-tien-tien-Chien-si-tien-tien.aspx
    // ("… trong số những cá nhân có 03 lần liên tục được tặng danh hiệu 'Chiến sĩ thi đua cơ sở'").
    const r = rule('CSTĐT-22');
    expect(r.source).toContain('baoyenbai.com.vn');
    expect(r).toMatchObject({
      years: 3,
      item: 'Chiến sĩ thi đua cơ sở',
      from: { year: 2024, month: 1, day: 1 },
    });
  });

  it('Bằng khen of a ministry or province to an individual: điểm d khoản 1 Điều 74 Luật 06/2022/QH15', () => {
    // Source: https://chinhsachonline.chinhphu.vn/tieu-chuan-de-nghi-xet-tang-bang-khen-cua-bo-nganh-77204.htm
    // (Bộ Nội vụ: "Có 02 lần liên tục được tặng danh hiệu 'Chiến sĩ thi đua cơ sở' hoặc có liên tục
    // từ 02 năm trở lên được công nhận hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến …").
    const a = rule('BK-22-1');
    const b = rule('BK-22-2');
    for (const r of [a, b]) {
      expect(r.source).toContain('chinhsachonline.chinhphu.vn');
      expect(r).toMatchObject({
        article: 'điểm d khoản 1 Điều 74',
        group: 'd',
        level: 'ministryProvince',
        years: 2,
      });
    }
    expect(a.item).toBe('Chiến sĩ thi đua cơ sở');
    expect(b).toMatchObject({ item: 'HTXSNV', initiatives: 2 });
  });

  it('rules not checked against their text ship switched off and say so', () => {
    const unverified = DEFAULT_RULES.filter((r) => !r.verified);
    expect(unverified.map((r) => r.id)).toEqual(['BK-91', 'MỘT-HT']);
    for (const r of unverified) {
      expect(r.enabled).toBe(false);
      expect(r.note).toMatch(/^Chưa đối chiếu văn bản/);
    }
    for (const r of DEFAULT_RULES.filter((x) => x.verified))
      expect(r.source).toMatch(/^https?:\/\//);
  });
});

describe('Quy tắc khen thưởng round trip', () => {
  const positions = new Map(RULES_LAYOUT.columns.map((c, i) => [c.key as string, i + 1]));
  const grid = [headerValues(RULES_LAYOUT), ...ruleSheetRows(DEFAULT_RULES, positions)];

  it('reads back every shipped rule as shipped', () => {
    const read = readRules(grid);
    expect(read.findings).toEqual([]);
    expect(read.value.map(({ row: _row, ...rule }) => rule)).toEqual(DEFAULT_RULES);
  });

  it('names the cell of a bad rule row and leaves only that row out', () => {
    const bad = grid.map((r) => [...r]);
    const kindCol = RULES_LAYOUT.columns.findIndex((c) => c.key === 'kind');
    const fromCol = RULES_LAYOUT.columns.findIndex((c) => c.key === 'from');
    (bad[1] as unknown[])[kindCol] = 'Tùy ý';
    (bad[2] as unknown[])[fromCol] = '31/02/2020';
    const read = readRules(bad);
    expect(read.value).toHaveLength(DEFAULT_RULES.length - 2);
    expect(read.findings.map((f) => f.cell)).toEqual(['F2', 'O3']);
    expect(read.findings[0]?.message).toContain('Trang "Quy tắc khen thưởng", ô F2');
  });
});
