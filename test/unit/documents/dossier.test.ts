import {
  DOSSIER_REQUIREMENTS,
  DOSSIER_SCHEMAS,
  dossierRecord,
  subjectsPhrase,
  type DossierInput,
  type DossierKind,
} from '../../../src/core/documents/dossierData';
import {
  DRAFT_DECISION_TEMPLATE,
  MINUTES_TEMPLATE,
  NOTICE_TEMPLATE,
  SUBMISSION_TEMPLATE,
} from '../../../src/core/documents/dossierTemplates';
import { specToShape, type DocSpec } from '../../../src/core/documents/docSpec';
import {
  dryRun,
  parseDocShape,
  planMerge,
  shapeLines,
  simulateOps,
  type DocTemplate,
} from '../../../src/core/template';
import { readUnits } from '../../../src/core/readers/units';
import { headerValues } from '../../../src/core/layout/columns';
import { UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';
import type { AwardRecord } from '../../../src/core/model/award';
import type { VoteRound } from '../../../src/core/votes/rounds';

const TEMPLATES: Record<DossierKind, DocSpec> = {
  minutes: MINUTES_TEMPLATE,
  submission: SUBMISSION_TEMPLATE,
  draftDecision: DRAFT_DECISION_TEMPLATE,
  notice: NOTICE_TEMPLATE,
};

function parsed(spec: DocSpec): DocTemplate {
  const result = parseDocShape(specToShape(spec), spec.name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.template;
}

const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;

const round: VoteRound = {
  round: 2,
  valid: true,
  members: 6,
  present: 6,
  cast: 6,
  valid_ballots: 6,
  spoiled: 0,
  threshold: 'trên 50 % tổng số thành viên đồng ý',
  counts: [
    {
      label: 'Hoàng Mai (Bằng khen) - vòng 2',
      unitName: 'Hoàng Mai',
      form: 'Bằng khen',
      yes: 4,
      no: 2,
      blank: 0,
      yesShare: 4 / 6,
      outcome: 'Đạt',
    },
    {
      label: 'Hai Bà Trưng (Bằng khen) - vòng 2',
      unitName: 'Hai Bà Trưng',
      form: 'Bằng khen',
      yes: 2,
      no: 4,
      blank: 0,
      yesShare: 2 / 6,
      outcome: 'Không đạt',
    },
  ],
  elected: [
    { label: 'Ba Đình (Cờ thi đua)', unitCode: 'BD', unitName: 'Ba Đình', form: 'Cờ thi đua' },
    { label: 'Hoàn Kiếm (Bằng khen)', unitCode: 'HK', unitName: 'Hoàn Kiếm', form: 'Bằng khen' },
    {
      label: 'Hoàng Mai (Bằng khen) - vòng 2',
      unitCode: 'HM',
      unitName: 'Hoàng Mai',
      form: 'Bằng khen',
    },
  ],
  open: [],
};

const award = (name: string, form: string): AwardRecord => ({
  recipientType: 'collective',
  name,
  salutation: '',
  issuingBody: '',
  place: '',
  position: '',
  unit: '',
  form,
  level: 'ministryProvince',
  achievement: `Đã có thành tích xuất sắc trong phong trào thi đua năm 2022 (${name}).`,
  decisionNumber: '',
  signerTitle: '',
  signerName: '',
  registerNumber: '',
  email: '',
  year: 2022,
});

const input: DossierInput = {
  clusterName: 'Cụm thi đua số 1',
  year: 2022,
  issuingBody: 'Cụm thi đua số 1',
  superiorBody: 'Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  place: 'Hà Nội',
  signingDate: { year: 2022, month: 12, day: 20 },
  numbers: { minutes: '01/BB-CTĐ1', submission: '02/TTr-CTĐ1', notice: '03/TB-CTĐ1' },
  legalBases: [
    'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003 (sửa đổi, bổ sung năm 2005, 2013);',
  ],
  head: units.find((u) => u.role === 'head'),
  members: units,
  meeting: {
    date: { year: 2022, month: 12, day: 15 },
    time: '8 giờ 30',
    place: 'Trụ sở Ủy ban MTTQ Việt Nam quận Ba Đình',
    secretary: 'Trần Văn Thư',
    counters: ['Lê Thị Kiểm', 'Phạm Văn Phiếu'],
  },
  addressee: 'Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  round,
  proposals: [award('Ủy ban MTTQ Việt Nam quận Ba Đình', 'Cờ thi đua')],
  decision: {
    issuer: 'Ủy ban nhân dân thành phố Hà Nội',
    number: '/QĐ-UBND',
    signerTitle: 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
    signerName: '',
    rows: [
      award('Ủy ban MTTQ Việt Nam quận Hoàn Kiếm', 'Bằng khen'),
      award('Ủy ban MTTQ Việt Nam quận Hoàng Mai', 'Bằng khen'),
    ],
  },
};

function merged(kind: DossierKind): string[] {
  const template = parsed(TEMPLATES[kind]);
  const plan = planMerge(template, dossierRecord(kind, input));
  expect(plan.issues.filter((i) => i.code !== 'missing-field')).toEqual([]);
  return shapeLines(simulateOps(template.shape, plan.ops).blocks);
}

describe('the dossier templates', () => {
  it.each(Object.keys(TEMPLATES) as DossierKind[])(
    '%s passes its dry run: no unknown field, its list present',
    (kind) => {
      const report = dryRun(
        parsed(TEMPLATES[kind]),
        dossierRecord(kind, input),
        DOSSIER_SCHEMAS[kind],
        {
          mustUse: DOSSIER_REQUIREMENTS[kind],
        },
      );
      expect(report.problems).toEqual([]);
    },
  );

  it('minutes: meeting, ballot committee one per line, each nominee a row, the winners, both signers', () => {
    const lines = merged('minutes');
    expect(lines).toContain('Họp bình xét thi đua năm 2022 của Cụm thi đua số 1');
    expect(lines[0]).toContain(
      // The empty line is the rule under the issuing body (Decree 30); the number is the next row.
      'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI / CỤM THI ĐUA SỐ 1 /  | CỘNG HÒA',
    );
    expect(lines[1]).toMatch(/^Số: 01\/BB-CTĐ1 \| Hà Nội, ngày/);
    expect(lines).toContain(
      'Chủ trì: Nguyễn Văn An, Chủ tịch Ủy ban MTTQ Việt Nam quận Ba Đình (Cụm trưởng).',
    );
    expect(lines).toContain('Thời gian: 8 giờ 30, ngày 15 tháng 12 năm 2022.');
    expect(lines).toContain('- Lê Thị Kiểm');
    expect(lines).toContain('- Phạm Văn Phiếu');
    expect(lines.filter((l) => l.includes('Hoàng Mai') && l.includes('Đạt'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('Hai Bà Trưng') && l.includes('Không đạt'))).toBe(true);
    // Each elected item ends with ";", the last with ".".
    const elected = lines.filter((l) => /^- .*: (Cờ thi đua|Bằng khen)[;.]$/.test(l));
    expect(elected.length).toBeGreaterThan(1);
    expect(elected.slice(0, -1).every((l) => l.endsWith(';'))).toBe(true);
    expect(elected.at(-1)).toBe('- Hoàng Mai: Bằng khen.');
    expect(lines.filter((l) => l !== '').at(-1)).toBe(
      'THƯ KÝ /  /  /  / Trần Văn Thư | CHỦ TRÌ /  /  /  / Nguyễn Văn An',
    );
  });

  it('submission: addressee, counts and its list', () => {
    const lines = merged('submission');
    expect(lines).toContain('Kính gửi: Ủy ban MTTQ Việt Nam thành phố Hà Nội.');
    expect(lines.some((l) => l.includes('khen thưởng cho 1 tập thể đã có thành tích'))).toBe(true);
    // Never "và 0 cá nhân".
    expect(lines.some((l) => l.includes('0 cá nhân'))).toBe(false);
    expect(lines).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    // Signed on the cluster's behalf (Decree 30: "TM."), by its head.
    expect(lines.some((l) => l.includes('TM. CỤM THI ĐUA SỐ 1 / CỤM TRƯỞNG /  /  /  / '))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('Ủy ban MTTQ Việt Nam quận Ba Đình'))).toBe(true);
  });

  it('draft decision: the register rows of the decision in its annex', () => {
    const lines = merged('draftDecision');
    expect(lines).toContain('DỰ THẢO');
    expect(lines).toContain('Về việc tặng Bằng khen năm 2022');
    expect(lines.filter((l) => l.includes('Ủy ban MTTQ Việt Nam quận'))).toHaveLength(2);
  });
});

describe('subjectsPhrase', () => {
  const rows = (collectives: number, people: number): AwardRecord[] => [
    ...Array.from({ length: collectives }, () => ({ recipientType: 'collective' }) as AwardRecord),
    ...Array.from({ length: people }, () => ({ recipientType: 'individual' }) as AwardRecord),
  ];
  it('names only the kinds of subject present', () => {
    expect(subjectsPhrase(rows(3, 0))).toBe('3 tập thể');
    expect(subjectsPhrase(rows(0, 2))).toBe('2 cá nhân');
    expect(subjectsPhrase(rows(3, 2))).toBe('3 tập thể và 2 cá nhân');
  });
});
