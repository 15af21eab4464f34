import fc from 'fast-check';
import { awardKey, awardIdentityText } from '../../../src/core/awards/key';
import { readAwards } from '../../../src/core/awards/readAwards';
import {
  countAwards,
  awardStatisticsBlock,
  NO_UNIT_LABEL,
} from '../../../src/core/awards/statistics';
import { awardSheetRows, planAwardFill } from '../../../src/core/awards/fill';
import { issuerDefaults } from '../../../src/core/certificates/issuer';
import { AWARDS_LAYOUT } from '../../../src/core/layout/tables';
import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { validateWorkbook } from '../../../src/core/validation/workbook';
import { headerValues } from '../../../src/core/layout/columns';
import type { AwardLevel, AwardRecord, RecipientType } from '../../../src/core/model/award';
import {
  SEED003_BREAKDOWN,
  SEED003_COLUMNS,
  SEED003_FORMS,
  SEED003_TOTAL,
  seed003Register,
} from '../../../sample/seed003Register';

const HEADER = headerValues(AWARDS_LAYOUT);
const col = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key);

/** A register row in sheet order from a partial record of labels. */
function line(values: Partial<Record<string, unknown>>): unknown[] {
  const row = new Array<unknown>(HEADER.length).fill('');
  for (const [k, v] of Object.entries(values)) row[col(k)] = v;
  return row;
}

const LAN = {
  recipientType: 'Cá nhân',
  name: 'Nguyễn Thị Lan',
  salutation: 'Bà',
  position: 'Giáo viên',
  unit: 'Trường THCS Nhân Chính',
  form: 'Giấy khen',
  level: 'Cơ sở',
  decisionNumber: '163/QĐ-UBND',
  decisionDate: '05/01/2023',
  registerNumber: '2022/0001',
  year: 2022,
  email: 'lan.nguyen@example.vn',
};

describe('readAwards', () => {
  it('reads a valid row with its key, labels folded, the date parsed', () => {
    const read = readAwards([HEADER, line({ ...LAN, level: 'cơ sở', recipientType: 'ca nhan' })]);
    expect(read.findings).toEqual([]);
    expect(read.invalid).toEqual([]);
    const [row] = read.value;
    expect(row?.salutation).toBe('Bà');
    expect(row).toMatchObject({
      row: 2,
      recipientType: 'individual',
      level: 'base',
      name: 'Nguyễn Thị Lan',
      decisionDate: { year: 2023, month: 1, day: 5 },
      year: 2022,
      keyStored: false,
      status: '',
    });
    expect(row?.key).toBe(awardKey(row as AwardRecord));
    expect(row?.key).toMatch(/^KT2022-[0-9a-f]{16}$/);
    expect(read.positions.get('key')).toBe(col('key') + 1);
    expect(read.lastRow).toBe(2);
  });

  it('keeps a stored key, and reads status, link and error', () => {
    const read = readAwards([
      HEADER,
      line({ ...LAN, key: 'KT2022-abc', status: 'Đã tạo', link: 'https://x', error: '' }),
    ]);
    expect(read.value[0]).toMatchObject({ key: 'KT2022-abc', keyStored: true, status: 'Đã tạo' });
  });

  it('reports bad cells by sheet and cell and leaves the row out, never throwing', () => {
    const read = readAwards([
      HEADER,
      line({ ...LAN, level: 'Cấp vũ trụ' }),
      line({ ...LAN, name: '', registerNumber: '2' }),
      line({ ...LAN, decisionDate: '31/02/2023', registerNumber: '3' }),
      line({ ...LAN, email: 'không phải email', registerNumber: '4' }),
      line({ ...LAN, year: 'hai nghìn', registerNumber: '5' }),
      ['', '', ''],
      line({ ...LAN, registerNumber: '6' }),
    ]);
    expect(read.value.map((r) => r.row)).toEqual([8]);
    expect(read.invalid.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    const cells = read.findings.map((f) => f.cell);
    expect(cells).toEqual(['F2', 'B3', 'I4', 'N5', 'M6']);
    expect(read.findings[0]?.message).toContain('Trang "Khen thưởng", ô F2');
    expect(read.invalid[1]?.messages[0]).toContain('chưa nhập');
    expect(read.lastRow).toBe(8);
  });

  it('takes the year from the decision date, else the default year, else reports it', () => {
    const noYear = { ...LAN, year: '' };
    expect(readAwards([HEADER, line(noYear)]).value[0]?.year).toBe(2023);
    const noDate = { ...noYear, decisionDate: '' };
    expect(readAwards([HEADER, line(noDate)], { defaultYear: 2021 }).value[0]?.year).toBe(2021);
    const read = readAwards([HEADER, line(noDate)]);
    expect(read.value).toEqual([]);
    expect(read.findings[0]?.code).toBe('required-missing');
  });

  it('reports the same award twice (a pasted copy) once, and counts it once', () => {
    const read = readAwards([HEADER, line(LAN), line({ ...LAN, name: 'nguyễn thị  lan' })]);
    expect(read.value).toHaveLength(1);
    // Both rows of the pair are reported (issue 10, Build 3); the first, kept, as a warning.
    expect(read.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ['duplicate-code', 'R3', 'error'],
      ['duplicate-code', 'R2', 'warning'],
    ]);
  });

  it('reads the salutation (a gender gives it), warns on an individual without one', () => {
    const read = readAwards([
      HEADER,
      line({ ...LAN, salutation: 'Nữ' }),
      line({ ...LAN, name: 'Trần Văn Hùng', salutation: 'nam', registerNumber: '2' }),
      line({ ...LAN, name: 'Lê Văn Tâm', salutation: '', registerNumber: '3' }),
      line({ ...LAN, name: 'Hoàng Văn Tú', salutation: 'Đồng chí', registerNumber: '4' }),
      line({
        ...LAN,
        recipientType: 'Tập thể',
        name: 'Trường THCS Nhân Chính',
        salutation: 'Ông',
        registerNumber: '5',
      }),
    ]);
    expect(read.value.map((r) => r.salutation)).toEqual(['Bà', 'Ông', '', 'Đồng chí', '']);
    const letter = String.fromCharCode(65 + col('salutation'));
    expect(read.findings).toEqual([
      expect.objectContaining({
        cell: `${letter}4`,
        severity: 'warning',
        code: 'required-missing',
      }),
    ]);
    expect(read.findings[0]?.message).toContain('chưa nhập danh xưng (Ông hoặc Bà)');
  });

  it('reads award rows a sort moved above the header row, with a warning, but not title rows', () => {
    const read = readAwards([
      ['SỔ KHEN THƯỞNG NĂM 2022'],
      line({ ...LAN, registerNumber: '2' }),
      line({ name: 'dòng ghi chú', key: 'KT2022-0123456789abcdef' }),
      HEADER,
      line(LAN),
    ]);
    expect(read.headerRow).toBe(4);
    expect(read.value.map((r) => r.row)).toEqual([2, 5]);
    // A row with only a key is the register's too: reported as a row, never passed over.
    expect(read.invalid.map((r) => r.row)).toEqual([3]);
    const above = read.findings.filter((f) => f.code === 'row-above-header');
    expect(above.map((f) => [f.cell, f.severity])).toEqual([
      ['A2', 'warning'],
      ['A3', 'warning'],
    ]);
    expect(above[0]?.message).toContain('nằm trên dòng tiêu đề (dòng 4)');
    // The fill appends below the last row under the header.
    expect(read.lastRow).toBe(5);
  });

  it('finds reordered columns by header and survives junk grids', () => {
    const order = [...HEADER.keys()].reverse();
    const grid = [HEADER, line(LAN)].map((r) => order.map((i) => r[i]));
    expect(readAwards(grid).value[0]?.name).toBe('Nguyễn Thị Lan');
    expect(() => readAwards([null, 5, [{}], [HEADER]] as unknown[])).not.toThrow();
    expect(readAwards([]).value).toEqual([]);
  });
});

describe('awardKey', () => {
  const base: AwardRecord = {
    recipientType: 'collective',
    name: 'Ba Đình',
    salutation: '',
    position: '',
    unit: '',
    form: 'Cờ thi đua',
    level: 'ministryProvince',
    achievement: 'x',
    decisionNumber: '',
    issuingBody: '',
    place: '',
    signerTitle: '',
    signerName: '',
    registerNumber: '',
    email: '',
    year: 2022,
  };
  it('is deterministic and ignores case, spacing and non-identifying fields', () => {
    const respelled: AwardRecord = { ...base, name: ' ba  đình ', achievement: 'y' };
    expect(awardKey(base)).toBe(awardKey(respelled));
    expect(awardKey(base)).toBe('KT2022-' + awardKey(base).slice(7));
  });
  it('differs when an identifying field differs', () => {
    const keys = new Set(
      [
        base,
        { ...base, year: 2023 },
        { ...base, form: 'Bằng khen' },
        { ...base, level: 'base' as const },
        { ...base, registerNumber: '1' },
        { ...base, recipientType: 'individual' as const },
        { ...base, unit: 'Hà Nội' },
      ].map(awardKey),
    );
    expect(keys.size).toBe(7);
  });
  it('has no collision over the 2,505 seed rows', () => {
    const read = readAwards([HEADER, ...seed003Register()]);
    expect(new Set(read.value.map((r) => r.key)).size).toBe(SEED003_TOTAL);
    expect(awardIdentityText(base).split('\u001f')).toHaveLength(8);
  });
});

const LEVELS: AwardLevel[] = ['state', 'ministryProvince', 'base'];
const TYPES: RecipientType[] = ['collective', 'individual'];
const counted = fc.record({
  recipientType: fc.constantFrom(...TYPES),
  level: fc.constantFrom(...LEVELS),
  form: fc.constantFrom(
    'Giấy khen',
    'giấy khen',
    'Bằng khen',
    'Cờ thi đua',
    'Chiến sĩ thi đua cơ sở',
    'Huân chương Lao động hạng Ba',
  ),
  year: fc.integer({ min: 2019, max: 2023 }),
  unit: fc.constantFrom('', 'Phòng Nội vụ', 'phòng nội vụ', 'UBND phường Hạ Đình'),
  name: fc.constantFrom('A', 'B', 'Trường THCS Nhân Chính'),
});

describe('countAwards', () => {
  it('every table adds up to the number of rows, whatever the rows', () => {
    fc.assert(
      fc.property(fc.array(counted, { maxLength: 60 }), (rows) => {
        const s = countAwards(rows);
        const sum = (list: readonly { count: { total: number } }[]): number =>
          list.reduce((a, x) => a + x.count.total, 0);
        expect(s.total.total).toBe(rows.length);
        expect(s.total.collective).toBe(
          rows.filter((r) => r.recipientType === 'collective').length,
        );
        expect(sum(s.byLevel)).toBe(rows.length);
        expect(sum(s.byLevelForm)).toBe(rows.length);
        expect(sum(s.byKind)).toBe(rows.length);
        // Each kind's rows add up to that kind's count: titles and forms are counted apart.
        for (const k of s.byKind)
          expect(sum(s.byLevelForm.filter((f) => f.kind === k.kind))).toBe(k.count.total);
        expect(sum(s.byYear)).toBe(rows.length);
        expect(sum(s.byUnit)).toBe(rows.length);
        for (const x of [...s.byLevel, ...s.byLevelForm, ...s.byYear, ...s.byUnit]) {
          expect(x.count.total).toBe(x.count.collective + x.count.individual);
        }
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc
          .array(counted, { maxLength: 40 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          expect(countAwards(shuffled)).toEqual(countAwards(rows));
        },
      ),
    );
  });

  it('groups forms and units without case; a collective without unit counts as itself', () => {
    const s = countAwards([
      {
        recipientType: 'collective',
        level: 'base',
        form: 'Giấy khen',
        year: 2022,
        unit: '',
        name: 'Tổ 1',
      },
      {
        recipientType: 'individual',
        level: 'base',
        form: 'giấy khen',
        year: 2022,
        unit: '',
        name: 'An',
      },
      {
        recipientType: 'individual',
        level: 'base',
        form: 'Giấy khen',
        year: 2022,
        unit: 'tổ 1',
        name: 'Bình',
      },
    ]);
    expect(s.byLevelForm).toEqual([
      {
        kind: 'form',
        level: 'base',
        form: 'Giấy khen',
        count: { collective: 1, individual: 2, total: 3 },
      },
    ]);
    expect(s.byUnit.map((u) => [u.unit, u.count.total])).toEqual([
      ['Tổ 1', 2],
      [NO_UNIT_LABEL, 1],
    ]);
  });
});

describe('awardStatisticsBlock', () => {
  it('writes the level table with totals first, numbers as numbers, a chart over it', () => {
    const s = countAwards(readAwards([HEADER, ...seed003Register()]).value);
    const block = awardStatisticsBlock(s, { time: '15/01/2026 08:00', invalidRows: 0 });
    expect(block.values[0]?.[0]).toBe('THỐNG KÊ KHEN THƯỞNG NĂM 2022');
    expect(block.values.slice(3, 7)).toEqual([
      ['Cấp khen', 'Nhà nước', 6, 1, 7],
      ['Cấp khen', 'Bộ, ngành, tỉnh / thành phố', 89, 68, 157],
      ['Cấp khen', 'Cơ sở', 685, 1656, 2341],
      ['Cấp khen', 'Tổng cộng', 780, 1725, 2505],
    ]);
    expect(block.chart).toMatchObject({ row: 3, column: 2, numRows: 4, numColumns: 3 });
    expect(block.boldRows).toContain(7);
    expect(block.values.every((r) => r.length === block.width)).toBe(true);
    expect(block.numberFormats).toHaveLength(block.values.length);
    expect(block.toast).toContain('2.505');
  });

  it('counts emulation titles apart from forms of commendation, each section with its subtotal', () => {
    const s = countAwards(readAwards([HEADER, ...seed003Register()]).value);
    const block = awardStatisticsBlock(s, { time: '15/01/2026 08:00', invalidRows: 0 });
    // The seed's titles are its flags and its Chiến sĩ thi đua cơ sở (Luật Thi đua, khen thưởng,
    // Điều 19–20); every other name of the register is a form of commendation.
    const titles = new Set(['Cờ thi đua', 'Chiến sĩ thi đua cơ sở']);
    const planned = (title: boolean, type: RecipientType): number =>
      SEED003_FORMS.filter((f) => titles.has(f.form) === title && f.type === type).reduce(
        (a, f) => a + f.count,
        0,
      );
    const t = [planned(true, 'collective'), planned(true, 'individual')];
    const f = [planned(false, 'collective'), planned(false, 'individual')];
    expect(block.values.slice(7, 10)).toEqual([
      ['Loại khen thưởng', 'Danh hiệu thi đua', t[0], t[1], (t[0] ?? 0) + (t[1] ?? 0)],
      ['Loại khen thưởng', 'Hình thức khen thưởng', f[0], f[1], (f[0] ?? 0) + (f[1] ?? 0)],
      ['Loại khen thưởng', 'Tổng cộng', 780, 1725, 2505],
    ]);
    const section = (label: string): (string | number)[][] =>
      block.values.filter((r) => r[0] === label).map((r) => [...r]);
    expect(section('Danh hiệu thi đua')).toEqual([
      ['Danh hiệu thi đua', 'Bộ, ngành, tỉnh / thành phố: Cờ thi đua', 9, 0, 9],
      ['Danh hiệu thi đua', 'Cơ sở: Chiến sĩ thi đua cơ sở', 0, 256, 256],
      ['Danh hiệu thi đua', 'Cộng', t[0], t[1], (t[0] ?? 0) + (t[1] ?? 0)],
    ]);
    const forms = section('Hình thức khen thưởng');
    expect(forms.map((r) => r[1])).toEqual([
      'Nhà nước: Bằng khen của Thủ tướng Chính phủ',
      'Nhà nước: Huân chương Lao động hạng Ba',
      'Bộ, ngành, tỉnh / thành phố: Bằng khen',
      'Cơ sở: Giấy khen',
      'Cộng',
    ]);
    expect(forms.at(-1)?.slice(2)).toEqual([f[0], f[1], (f[0] ?? 0) + (f[1] ?? 0)]);
    // Each subtotal row is bold like a total.
    const subtotalRows = block.values.flatMap((r, i) => (r[1] === 'Cộng' ? [i + 1] : []));
    expect(subtotalRows).toHaveLength(2);
    for (const r of subtotalRows) expect(block.boldRows).toContain(r);
    expect(block.values[1]?.[1]).toBe(
      '2.505 khen thưởng trong sổ khen thưởng (265 danh hiệu thi đua, 2.240 hình thức khen thưởng).',
    );
    expect(block.toast).toContain('265 danh hiệu thi đua, 2.240 hình thức khen thưởng');
  });
});

describe('planAwardFill', () => {
  const rows = [
    {
      unitCode: 'BD',
      unitName: 'Ba Đình',
      rank: 1,
      classification: 'Xuất sắc',
      proposal: 'Cờ thi đua',
      voteNeededFor: '',
    },
    {
      unitCode: 'HK',
      unitName: 'Hoàn Kiếm',
      rank: 2,
      classification: 'Xuất sắc',
      proposal: 'Bằng khen',
      voteNeededFor: '',
    },
    {
      unitCode: 'HM',
      unitName: 'Hoàng Mai',
      rank: 3,
      classification: 'Tốt',
      proposal: '',
      voteNeededFor: 'Bằng khen',
    },
  ];
  const input = {
    rows,
    units: [
      {
        code: 'BD',
        name: 'Ba Đình',
        fullName: 'Ủy ban MTTQ Việt Nam quận Ba Đình',
        email: 'bd@example.vn',
      },
      { code: 'HK', name: 'Hoàn Kiếm', fullName: '', email: '' },
    ],
    year: 2022,
    clusterName: 'Cụm thi đua số 1',
  };
  it('adds one collective row per proposal at the province level, keyed, by its full name', () => {
    const plan = planAwardFill({ ...input, register: { value: [], invalid: [] } });
    // The certificate prints the register's name: the unit's full name where Đơn vị has one.
    expect(plan.records.map((r) => [r.name, r.form, r.level, r.email])).toEqual([
      ['Ủy ban MTTQ Việt Nam quận Ba Đình', 'Cờ thi đua', 'ministryProvince', 'bd@example.vn'],
      ['Hoàn Kiếm', 'Bằng khen', 'ministryProvince', ''],
    ]);
    expect(plan.records[0]?.achievement).toContain('xếp hạng 1/3, xếp loại Xuất sắc');
    expect(plan.records[0]?.key).toBe(awardKey(plan.records[0] as AwardRecord));
    expect(plan.voteNeeded).toEqual(['Hoàng Mai']);
    expect(plan.message).toContain('Đã thêm 2 dòng');
  });

  it('adds nothing a second time: the register rows are matched by year, name and form', () => {
    const first = planAwardFill({ ...input, register: { value: [], invalid: [] } });
    const grid = [HEADER, ...awardSheetRows(first.records, readAwards([HEADER]).positions)];
    const again = planAwardFill({ ...input, register: readAwards(grid) });
    expect(again.records).toEqual([]);
    expect(again.alreadyThere).toEqual([
      'Ủy ban MTTQ Việt Nam quận Ba Đình (Cờ thi đua)',
      'Hoàn Kiếm (Bằng khen)',
    ]);
    // A row the officer typed with the short name is the same proposal.
    const short = grid.map((r, i) =>
      i === 1 ? r.map((v, c) => (c === col('name') ? 'ba đình' : v)) : r,
    );
    expect(planAwardFill({ ...input, register: readAwards(short) }).records).toEqual([]);
    // A row with an error still counts as present.
    const broken = grid.map((r, i) =>
      i === 1 ? r.map((v, c) => (c === col('level') ? '?' : v)) : r,
    );
    expect(planAwardFill({ ...input, register: readAwards(broken) }).records).toHaveLength(0);
  });

  it('names the collective by its full name and writes the issuer Cấu hình gives its level', () => {
    const units = [
      { code: 'BD', email: '', name: 'Ba Đình', fullName: 'Ủy ban nhân dân quận Ba Đình' },
      { code: 'HK', email: '', name: 'Hoàn Kiếm', fullName: 'Ủy ban nhân dân quận Hoàn Kiếm' },
    ];
    const issuers = issuerDefaults(
      new Map([
        ['issuingBody', 'ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH'],
        ['place', 'Ba Đình'],
        ['ownAwardLevel', 'Cơ sở'],
        ['provinceIssuer', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'],
        ['provincePlace', 'Hà Nội'],
      ]),
    );
    const plan = planAwardFill({ ...input, units, issuers, register: { value: [], invalid: [] } });
    expect(plan.records.map((r) => [r.name, r.issuingBody, r.place, r.signerName])).toEqual([
      ['Ủy ban nhân dân quận Ba Đình', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Hà Nội', ''],
      ['Ủy ban nhân dân quận Hoàn Kiếm', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Hà Nội', ''],
    ]);
    // At the workbook's own level the row gets the workbook's own body and place.
    const own = planAwardFill({
      ...input,
      units,
      issuers,
      level: 'base',
      register: { value: [], invalid: [] },
    });
    expect(own.records[0]?.issuingBody).toBe('ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH');
    expect(own.records[0]?.place).toBe('Ba Đình');
    // A level Cấu hình names nobody for: the workbook's own body, said in the summary.
    const ownOnly = issuerDefaults(
      new Map([
        ['issuingBody', 'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI'],
        ['place', 'Hà Nội'],
      ]),
    );
    const front = planAwardFill({
      ...input,
      units,
      issuers: ownOnly,
      register: { value: [], invalid: [] },
    });
    expect(front.records[0]?.issuingBody).toBe('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
    expect(front.message).toContain('cơ quan tặng "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI"');
    // A register holding the short name (filled before Tên đầy đủ) already has the award.
    const old = planAwardFill({
      ...input,
      units: input.units.map((u) => ({ ...u, fullName: '' })),
      register: { value: [], invalid: [] },
    });
    const grid = [HEADER, ...awardSheetRows(old.records, readAwards([HEADER]).positions)];
    const again = planAwardFill({ ...input, units, issuers, register: readAwards(grid) });
    expect(again.records).toEqual([]);
  });
});

describe('seed003Register', () => {
  const rows = seed003Register();
  it('reproduces the report’s breakdown, as valid register rows', () => {
    expect(rows).toHaveLength(SEED003_TOTAL);
    expect(SEED003_FORMS.reduce((a, f) => a + f.count, 0)).toBe(SEED003_TOTAL);
    const read = readAwards([HEADER, ...rows]);
    // No error; the synthetic register names some collectives twice in one decision, which is
    // a warning on every row involved (issue 10, Build 3), never a reason to leave a row out.
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(read.findings.map((f) => `${f.code} ${f.cell[0] ?? ''}`))).toEqual(
      new Set(['invalid-value B']),
    );
    const s = countAwards(read.value);
    for (const l of s.byLevel) {
      expect({ collective: l.count.collective, individual: l.count.individual }).toEqual(
        SEED003_BREAKDOWN[l.level],
      );
    }
  });
  it('is deterministic, NFC, with unique register numbers, in the layout’s user columns', () => {
    expect(seed003Register()).toEqual(rows);
    expect(SEED003_COLUMNS).toBe(AWARDS_LAYOUT.columns.length);
    expect(rows.every((r) => r.length === SEED003_COLUMNS)).toBe(true);
    // The program's columns are left for the program.
    const computed = AWARDS_LAYOUT.columns.flatMap((c, i) => (c.entry === 'computed' ? [i] : []));
    expect(rows.every((r) => computed.every((i) => r[i] === ''))).toBe(true);
    // Every row names who awards it, and every individual has a salutation.
    const read = readAwards([HEADER, ...rows]).value;
    expect(read.every((r) => r.issuingBody !== '' && r.place !== '')).toBe(true);
    expect(
      read
        .filter((r) => r.recipientType === 'individual')
        .every((r) => /^(Ông|Bà)$/.test(r.salutation)),
    ).toBe(true);
    expect(new Set(rows.map((r) => r[col('registerNumber')])).size).toBe(SEED003_TOTAL);
    for (const r of rows)
      for (const v of r) if (typeof v === 'string') expect(v).toBe(v.normalize('NFC'));
    expect(rows.some((r) => /^(Nguyễn|Trần|Lê) /.test(String(r[1])))).toBe(true);
  });
});

describe('validateWorkbook', () => {
  it('checks the award register too, its findings after the other sheets', () => {
    const findings = validateWorkbook({
      [SHEET_NAMES.awards]: [HEADER, line({ ...LAN, level: '?' })],
    });
    const award = findings.filter((f) => f.sheet === SHEET_NAMES.awards);
    expect(award.map((f) => f.cell)).toEqual(['F2']);
    expect(findings.at(-1)).toBe(award[0]);
  });
});
