/**
 * The eligibility engine (src/core/eligibility/evaluate.ts): consecutive years with a gap, a
 * rating written as its abbreviation, a rule not in force in the proposal's year, a ratio cap
 * over the register, a switched-off rule, a user's rule, alternatives.
 */
import { DEFAULT_RULES } from '../../../src/core/eligibility/defaultRules';
import {
  evaluateEligibility,
  type Evidence,
  type Proposal,
} from '../../../src/core/eligibility/evaluate';
import type { EligibilityRule } from '../../../src/core/eligibility/rule';

const person = (
  name: string,
  form: string,
  year: number,
  row: number,
  level: Proposal['level'] = 'base',
): Proposal => ({
  row,
  year,
  recipientType: 'individual',
  name,
  unit: 'Phòng Nội vụ',
  form,
  level,
});
const had = (name: string, item: string, year: number): Evidence => ({
  year,
  subjectType: 'individual',
  name,
  unit: 'Phòng Nội vụ',
  item,
});

const userRule: EligibilityRule = {
  id: 'GK-2',
  enabled: true,
  award: 'Giấy khen',
  subjectType: 'individual',
  level: undefined,
  kind: 'consecutive',
  item: 'Hoàn thành xuất sắc nhiệm vụ',
  years: 2,
  currentYear: true,
  initiatives: 0,
  percent: 0,
  group: '',
  legalText: 'Quy chế thi đua của quận',
  article: 'Điều 7',
  from: { year: 2020, month: 1, day: 1 },
  until: undefined,
  verified: true,
  source: 'quy chế nội bộ',
  note: '',
};

describe('consecutive years', () => {
  it('names the missing year of a run with a gap, with the citation', () => {
    const p = person(
      'Nguyễn Văn A',
      'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
      2022,
      5,
      'ministryProvince',
    );
    const history = [had('Nguyễn Văn A', 'Chiến sĩ thi đua cơ sở', 2020)];
    const sameYear = person('Nguyễn Văn A', 'Chiến sĩ thi đua cơ sở', 2022, 6);
    const [hint] = evaluateEligibility([p, sameYear], history, DEFAULT_RULES);
    expect(hint?.verdict).toBe('lacking');
    expect(hint?.lacking.join('\n')).toContain(
      'cần 3 năm liên tục «Chiến sĩ thi đua cơ sở» (2020–2022): 2021 chưa có',
    );
    expect(hint?.lacking.join('\n')).toContain('khoản 2 Điều 9, Nghị định 91/2017/NĐ-CP');
    expect(hint?.ruleIds).toEqual(['CSTĐT-91']);
  });

  it('passes with three years, the third being a proposal of the same year', () => {
    const p = person('Nguyễn Văn A', 'Chiến sĩ thi đua thành phố', 2022, 5, 'ministryProvince');
    const history = [2020, 2021].map((y) => had('Nguyễn Văn A', 'Chiến sỹ thi đua cơ sở', y));
    const sameYear = person('Nguyễn Văn A', 'Chiến sĩ thi đua cơ sở', 2022, 6);
    const [hint] = evaluateEligibility([p, sameYear], history, DEFAULT_RULES);
    expect(hint?.verdict).toBe('eligible');
    expect(hint?.lacking).toEqual([]);
  });

  it('reads a rating written as its abbreviation (HTXSNV) in the history', () => {
    const p = person('Trần Thị B', 'Giấy khen', 2022, 3);
    const history = [had('Trần Thị B', 'HTXSNV', 2021), had('Trần Thị B', 'htxsnv', 2022)];
    expect(evaluateEligibility([p], history, [userRule])[0]?.verdict).toBe('eligible');
    const short = evaluateEligibility([p], [had('Trần Thị B', 'HTXSNV', 2022)], [userRule])[0];
    expect(short?.lacking).toEqual([
      'cần 2 năm liên tục «Hoàn thành xuất sắc nhiệm vụ» (2021–2022): 2021 chưa có — Điều 7, Quy chế thi đua của quận',
    ]);
  });
});

describe('rules by the proposal’s year', () => {
  it('does not apply the 2022 law’s Bằng khen rule to a 2022 proposal, but does in 2024', () => {
    const in2022 = person(
      'Lê C',
      'Bằng khen của Chủ tịch UBND thành phố',
      2022,
      2,
      'ministryProvince',
    );
    const in2024 = person(
      'Lê C',
      'Bằng khen của Chủ tịch UBND thành phố',
      2024,
      3,
      'ministryProvince',
    );
    const [h2022, h2024] = evaluateEligibility([in2022, in2024], [], DEFAULT_RULES);
    // BK-91 (2017–2023) is switched off, unverified: nothing applies in 2022.
    expect(h2022?.verdict).toBe('noRule');
    expect(h2024?.verdict).toBe('lacking');
    expect(h2024?.ruleIds).toEqual(['BK-22-1', 'BK-22-2']);
    expect(h2024?.lacking[0]).toMatch(/^cần một trong: /);
    expect(h2024?.lacking[0]).toContain(
      'điểm d khoản 1 Điều 74, Luật Thi đua, khen thưởng số 06/2022/QH15',
    );
  });

  it('judges a proposal by its decision date when it has one', () => {
    const decided = {
      ...person('Lê C', 'Chiến sĩ thi đua cơ sở', 2023, 2),
      decisionDate: { year: 2024, month: 1, day: 15 },
    };
    const [hint] = evaluateEligibility(
      [decided],
      [had('Lê C', 'Lao động tiên tiến', 2023)],
      DEFAULT_RULES,
    );
    expect(hint?.ruleIds.every((id) => id.includes('-22-'))).toBe(true);
  });
});

describe('ratio cap across the register', () => {
  const ldtt = Array.from({ length: 10 }, (_, i) =>
    person(`Người ${String(i)}`, 'Lao động tiên tiến', 2022, 10 + i),
  );
  const history = Array.from({ length: 3 }, (_, i) =>
    had(`Người ${String(i)}`, 'Sáng kiến cải tiến hồ sơ', 2022),
  );

  it('flags every CSTĐCS proposal when they pass 15% of the Lao động tiên tiến', () => {
    const cstd = [0, 1, 2].map((i) =>
      person(`Người ${String(i)}`, 'Chiến sĩ thi đua cơ sở', 2022, 30 + i),
    );
    const hints = evaluateEligibility([...ldtt, ...cstd], history, DEFAULT_RULES);
    const flagged = hints.filter((h) =>
      h.lacking.some((l) => l.startsWith('vượt tỷ lệ tối đa 15%')),
    );
    expect(flagged.map((h) => h.proposal.row)).toEqual([30, 31, 32]);
    expect(flagged[0]?.lacking.join()).toContain(
      'có 3 «Chiến sĩ thi đua cơ sở» trên 10 «Lao động tiên tiến» (tối đa 1)',
    );
  });

  it('passes one CSTĐCS over ten Lao động tiên tiến', () => {
    const one = person('Người 0', 'Chiến sĩ thi đua cơ sở', 2022, 30);
    const hints = evaluateEligibility([...ldtt, one], history, DEFAULT_RULES);
    expect(hints.at(-1)?.verdict).toBe('eligible');
  });
});

describe('switches and users’ rules', () => {
  it('ignores a switched-off rule', () => {
    const p = person('Trần Thị B', 'Giấy khen', 2022, 3);
    const off = { ...userRule, enabled: false };
    expect(evaluateEligibility([p], [], [off])[0]?.verdict).toBe('noRule');
    expect(evaluateEligibility([p], [], [userRule])[0]?.verdict).toBe('lacking');
  });

  it('marks a hint from an unverified rule', () => {
    const oneForm = DEFAULT_RULES.find((r) => r.id === 'MỘT-HT');
    if (!oneForm) throw new Error('no MỘT-HT');
    const on = { ...oneForm, enabled: true };
    const a = person('Lê C', 'Giấy khen', 2022, 2);
    const b = person('Lê C', 'Bằng khen', 2022, 3, 'ministryProvince');
    const [hint] = evaluateEligibility([a, b], [], [on]);
    expect(hint?.lacking[0]).toContain('«Bằng khen» (dòng 3)');
    expect(hint?.lacking[0]).toContain('(quy tắc chưa đối chiếu văn bản)');
  });

  it('an alternative met is enough: CSTĐCS in 2024 with HTXSNV and no initiative', () => {
    const p = person('Phạm D', 'Chiến sĩ thi đua cơ sở', 2024, 4);
    const history = [had('Phạm D', 'Lao động tiên tiến', 2024), had('Phạm D', 'HTXSNV', 2024)];
    expect(evaluateEligibility([p], history, DEFAULT_RULES)[0]?.verdict).toBe('eligible');
    const noRating = evaluateEligibility(
      [p],
      [had('Phạm D', 'Lao động tiên tiến', 2024)],
      DEFAULT_RULES,
    )[0];
    expect(noRating?.lacking).toHaveLength(1);
    expect(noRating?.lacking[0]).toContain('cần 1 sáng kiến năm 2024 (mới có 0)');
  });
});
