/**
 * Đăng ký thi đua end to end through build/Code.js in the local host: set-up lays out one block
 * per unit (carrying Đơn vị's old «Danh hiệu đăng ký»), protections from the roles table keep
 * each unit to its own block on real accounts, a re-run keeps every typed value with its unit,
 * «Kiểm tra dữ liệu» names the misfits, the pledge's member table prints the registered titles
 * and «Lập sổ khen thưởng từ xếp hạng» proposes each registered individual once.
 *
 * Google's rule the host follows: a protected range refuses anyone but its editors and the owner
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 */
import type { LocalHost } from '../../local/host';
import { resetSofficeCache, walk, nodeText, type DocNode } from '../../local/host/docs';
import { SHEET_NAMES, SHEET_ORDER } from '../../src/core/layout/sheets';
import { headerValues } from '../../src/core/layout/columns';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { UNITS_LAYOUT } from '../../src/core/layout/tables';
import {
  INDIVIDUAL_TITLE_CHOICES,
  REGISTRATION_LAYOUT,
  REGISTRATION_MIN_BLOCK_ROWS as MIN,
  REGISTRATION_SPARE_ROWS as SPARE,
} from '../../src/core/layout/registrationTables';
import { COLLECTIVE_TITLE_CHOICES } from '../../src/core/model/award';
import { VALIDATION_REPORT_SHEET } from '../../src/core/edit/report';
import { MARK_FILL, MARK_PREFIX } from '../../src/core/edit/marks';
import { readAwards } from '../../src/core/awards/readAwards';
import { cellA1, quoteSheetName } from '../../src/core/a1';
import { SAMPLE_SETTINGS } from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { CONSUMER, VARIANTS, unitRowsOf, unitsOf, type Variant } from './roleWorkbook';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const R = quoteSheetName(SHEET_NAMES.registration);
const WIDTH = REGISTRATION_LAYOUT.columns.length;
const col = (key: string): number =>
  REGISTRATION_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
const cell = (row: number, key: string): string => `${R}!${cellA1(row, col(key))}`;

const savedSoffice = process.env.THIDUA_SOFFICE;
beforeAll(() => {
  process.env.THIDUA_SOFFICE = '';
  resetSofficeCache();
});
afterAll(() => {
  if (savedSoffice === undefined) delete process.env.THIDUA_SOFFICE;
  else process.env.THIDUA_SOFFICE = savedSoffice;
  resetSofficeCache();
});

function click(host: LocalHost, caption: string, user: string = host.owner): void {
  const run = host.clickMenu(caption, user);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

const lastAlert = (host: LocalHost): string => host.report().alerts.at(-1)?.prompt ?? '';

/** The sample cluster shared with the variant's accounts, set up by the owner. */
function setUpHost(variant: Variant = CONSUMER): LocalHost {
  const { owner, ...rest } = variant.people;
  const host = newHost({
    accounts: { workspaceDomains: [...variant.workspaceDomains] },
    spreadsheet: { owner, editors: [...Object.values(rest), ...Object.values(variant.otherUnits)] },
    runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') },
  });
  seedSampleWorkbook(host, { unitRows: unitRowsOf(variant), settings: SAMPLE_SETTINGS });
  host.open(owner);
  click(host, SETUP);
  return host;
}

/** 1-based first row of each unit's block, read from the codes set-up wrote. */
function blockStarts(host: LocalHost): Map<string, number> {
  const sheet = host.spreadsheet.sheet(SHEET_NAMES.registration);
  const starts = new Map<string, number>();
  for (let r = 2; sheet !== undefined && r <= sheet.rows.length; r++) {
    const code = String(sheet.cell(r, 1)?.v ?? '');
    if (code !== '' && !starts.has(code)) starts.set(code, r);
  }
  return starts;
}

function grid(host: LocalHost): unknown[][] {
  const rows = host.spreadsheet.sheet(SHEET_NAMES.registration)?.rows.length ?? 1;
  return host.spreadsheet.valuesAt(`${R}!A1:${cellA1(rows, WIDTH)}`);
}

/** Every typed cell with its unit code, as "code|header|value". */
function typedCells(host: LocalHost): string[] {
  const [header, ...rows] = grid(host);
  return rows
    .flatMap((r) =>
      r
        .slice(2)
        .map((v, c) => (v === '' ? '' : `${String(r[0])}|${String(header?.[c + 2])}|${String(v)}`)),
    )
    .filter((s) => s !== '')
    .sort();
}

/** Types a registration row into a unit's block, as `user`. */
function register(
  host: LocalHost,
  user: string,
  row: number,
  person: string,
  title: string,
  position = '',
): ReturnType<LocalHost['edit']> {
  return host.edit(
    user,
    `${R}!${cellA1(row, col('personName'))}:${cellA1(row, col('individualTitle'))}`,
    [[person, position, title]],
  );
}

describe('Đăng ký thi đua: set-up', () => {
  const host = setUpHost();
  const units = unitsOf(CONSUMER);

  it('creates the sheet in the tab order with one block per unit in Đơn vị’s order', () => {
    const names = host.spreadsheet.sheets.map((s) => s.name);
    const order = SHEET_ORDER.filter((n) => names.includes(n));
    expect(names.filter((n) => (order as readonly string[]).includes(n))).toEqual(order);
    expect(names.indexOf(SHEET_NAMES.registration)).toBeGreaterThan(
      names.indexOf(SHEET_NAMES.awards),
    );
    const [header, ...rows] = grid(host);
    expect(header).toEqual(headerValues(REGISTRATION_LAYOUT));
    const laid = units.length * MIN;
    expect(rows.slice(0, laid).map((r) => r[0])).toEqual(
      units.flatMap((u) => Array<string>(MIN).fill(u.code)),
    );
    expect(rows.slice(0, laid).map((r) => r[1])).toEqual(
      units.flatMap((u) => Array<string>(MIN).fill(u.name)),
    );
    expect(rows.slice(laid).every((r) => r.every((v) => v === ''))).toBe(true);
  });

  it('carries each unit’s «Danh hiệu đăng ký» from Đơn vị into its block, and says so', () => {
    const starts = blockStarts(host);
    const titles = units.map((u) =>
      host.spreadsheet.valueAt(cell(starts.get(u.code) ?? 0, 'collectiveTitle')),
    );
    expect(titles).toEqual(units.map((u) => u.registeredTitle));
    expect(units.every((u) => u.registeredTitle !== '')).toBe(true);
    expect(lastAlert(host)).toContain(`chuyển danh hiệu tập thể đã đăng ký`);
  });

  it('offers collectives only collective titles and individuals only individual titles', () => {
    const dv = (key: string): { args: unknown[]; allowInvalid: boolean } =>
      host.spreadsheet.cellAt(cell(3, key))?.dv as { args: unknown[]; allowInvalid: boolean };
    expect(dv('collectiveTitle').args[0]).toEqual(COLLECTIVE_TITLE_CHOICES);
    expect(dv('individualTitle').args[0]).toEqual(INDIVIDUAL_TITLE_CHOICES);
    expect(INDIVIDUAL_TITLE_CHOICES).toContain('Lao động tiên tiến');
    expect(INDIVIDUAL_TITLE_CHOICES).toContain('Chiến sĩ thi đua cơ sở');
    expect(INDIVIDUAL_TITLE_CHOICES.some((t) => COLLECTIVE_TITLE_CHOICES.includes(t))).toBe(false);
  });
});

describe.each(VARIANTS)('Đăng ký thi đua: who types where, $name', (variant) => {
  const host = setUpHost(variant);
  const starts = blockStarts(host);
  const row = (code: string, offset = 1): number => (starts.get(code) ?? 0) + offset;
  const { head, member, deputy, editor } = variant.people;

  it('a member types its own block and is refused on another unit’s block and on the codes', () => {
    expect(register(host, member, row('HK'), 'Phạm Thu Trang', 'Lao động tiên tiến').accepted).toBe(
      true,
    );
    const other = register(host, member, row('DD'), 'Người ngoài', 'Lao động tiên tiến');
    expect(other.accepted).toBe(false);
    expect(other.reason).toContain('protected cell');
    expect(host.spreadsheet.valueAt(cell(row('DD'), 'personName'))).toBe('');
    expect(host.edit(member, cell(row('HK'), 'unitCode'), [['DD']]).accepted).toBe(false);
    expect(
      host.edit(member, cell(starts.get('HK') ?? 0, 'collectiveTitle'), [['Cờ thi đua']]).accepted,
    ).toBe(true);
  });

  it('the deputy types only its own block; another editor types nowhere', () => {
    expect(
      register(host, deputy, row('HM'), 'Trần Văn Bình', 'Chiến sĩ thi đua cơ sở').accepted,
    ).toBe(true);
    expect(register(host, deputy, row('HK', 2), 'Ai đó', 'Lao động tiên tiến').accepted).toBe(
      false,
    );
    expect(register(host, editor, row('LB'), 'Ai đó', 'Lao động tiên tiến').accepted).toBe(false);
  });

  it('the head types every unit’s block', () => {
    for (const code of ['BD', 'DD', 'LB', 'HK'])
      expect(
        register(host, head, row(code, 3), `Cán bộ ${code}`, 'Lao động tiên tiến').accepted,
      ).toBe(true);
  });
});

describe('Đăng ký thi đua: a re-run of set-up', () => {
  it('keeps every typed value with its unit when units change, and grows a full block', () => {
    const host = setUpHost();
    const starts = blockStarts(host);
    const member = CONSUMER.people.member;
    // Hoàn Kiếm fills its whole block; Ba Đình's head registers two people with a gap.
    for (let i = 0; i < MIN; i++)
      expect(
        register(
          host,
          member,
          (starts.get('HK') ?? 0) + i,
          `Người HK ${String(i + 1)}`,
          'Lao động tiên tiến',
        ).accepted,
      ).toBe(true);
    register(
      host,
      CONSUMER.people.head,
      starts.get('BD') ?? 0,
      'Nguyễn Văn An',
      'Chiến sĩ thi đua cơ sở',
      'Chủ tịch',
    );
    register(
      host,
      CONSUMER.people.head,
      (starts.get('BD') ?? 0) + 2,
      'Lê Thị Hoa',
      'Lao động tiên tiến',
    );
    const before = typedCells(host);

    // A new unit listed first in Đơn vị: every block below moves down.
    const U = quoteSheetName(SHEET_NAMES.units);
    const unitRows = unitRowsOf(CONSUMER);
    const newUnit = [
      'TH',
      'Tây Hồ',
      'Quận',
      'Thành viên',
      'Hà Văn Tâm',
      'Chủ tịch',
      'tayho.mttq@gmail.com',
      '',
      '',
    ];
    paste(host, SHEET_NAMES.units, 2, 1, [newUnit, ...unitRows]);
    expect(host.spreadsheet.valueAt(`${U}!A2`)).toBe('TH');
    click(host, SETUP);
    expect(typedCells(host)).toEqual(before);
    const after = blockStarts(host);
    expect([...after.keys()]).toEqual(['TH', ...unitsOf(CONSUMER).map((u) => u.code)]);
    expect((after.get('HM') ?? 0) - (after.get('HK') ?? 0)).toBe(-MIN);
    expect((after.get('DD') ?? 0) - (after.get('HK') ?? 0)).toBe(MIN + SPARE);
    expect(host.spreadsheet.valueAt(cell((after.get('BD') ?? 0) + 2, 'personName'))).toBe(
      'Lê Thị Hoa',
    );
    // The member still types its own (grown) block, now lower down, and not the new unit's.
    const spare = (after.get('HK') ?? 0) + MIN;
    expect(register(host, member, spare, 'Người HK mới', 'Lao động tiên tiến').accepted).toBe(true);
    expect(
      register(host, member, after.get('TH') ?? 0, 'Người ngoài', 'Lao động tiên tiến').accepted,
    ).toBe(false);

    // The next run grows that block again (its spare row is used); the one after moves nothing.
    click(host, SETUP);
    expect(blockStarts(host).get('DD')).toBe((after.get('DD') ?? 0) + 1);
    const settled = grid(host);
    click(host, SETUP);
    expect(grid(host)).toEqual(settled);
  });
});

describe('Đăng ký thi đua: a unit removed from Đơn vị', () => {
  it('keeps its typed rows, as typed, after the blocks, says so, and the head alone edits them', () => {
    const host = setUpHost();
    const lb = blockStarts(host).get('LB') ?? 0;
    register(host, CONSUMER.people.head, lb + 1, 'Đỗ Minh', 'Lao động tiên tiến', 'Chuyên viên');
    const before = typedCells(host);
    // Long Biên leaves the cluster: its Đơn vị row is cleared.
    const rows = unitRowsOf(CONSUMER);
    const lbRow = rows.findIndex((r) => r[0] === 'LB') + 2;
    paste(host, SHEET_NAMES.units, lbRow, 1, [rows[0]?.map(() => '') ?? []]);
    click(host, SETUP);
    const remaining = unitsOf(CONSUMER).filter((u) => u.code !== 'LB');
    const kept = remaining.length * MIN + 2;
    // Its two typed rows (the title carried from Đơn vị, then the person) in the order typed.
    expect(host.spreadsheet.valuesAt(`${R}!A${String(kept)}:F${String(kept + 1)}`)).toEqual([
      ['LB', 'Long Biên', 'Tập thể lao động xuất sắc', '', '', ''],
      ['LB', 'Long Biên', '', 'Đỗ Minh', 'Chuyên viên', 'Lao động tiên tiến'],
    ]);
    expect(typedCells(host)).toEqual(before);
    expect(lastAlert(host)).toContain(
      `2 dòng đăng ký có mã đơn vị không còn trong trang "Đơn vị" được giữ nguyên ở dòng ${String(kept)}–${String(kept + 1)}`,
    );
    expect(register(host, CONSUMER.otherUnits.LB, kept + 1, 'Ai đó', '').accepted).toBe(false);
    // The head gives the person to Hoàn Kiếm: the next set-up moves the row into its block.
    expect(host.edit(CONSUMER.people.head, cell(kept + 1, 'unitCode'), [['HK']]).accepted).toBe(
      true,
    );
    click(host, SETUP);
    const hk = blockStarts(host).get('HK') ?? 0;
    expect(host.spreadsheet.valueAt(cell(hk + 1, 'personName'))).toBe('Đỗ Minh');
    expect(host.spreadsheet.valueAt(cell(kept, 'collectiveTitle'))).toBe(
      'Tập thể lao động xuất sắc',
    );
  });
});

describe('Đăng ký thi đua: Kiểm tra dữ liệu', () => {
  it('names the cell of a misfit title, a person registered twice and an unknown unit', () => {
    const host = setUpHost();
    const starts = blockStarts(host);
    const hk = starts.get('HK') ?? 0;
    register(host, host.owner, hk, 'Phạm Thu Trang', 'Cờ thi đua');
    register(host, host.owner, hk + 1, 'Phạm  thu trang', 'Lao động tiên tiến');
    host.edit(host.owner, cell(starts.get('HM') ?? 0, 'collectiveTitle'), [['Lao động tiên tiến']]);
    const below = unitsOf(CONSUMER).length * MIN + 2;
    paste(host, SHEET_NAMES.registration, below, 1, [
      ['XX', 'Không rõ', '', 'Đỗ Minh', '', 'Lao động tiên tiến'],
    ]);
    click(host, 'Kiểm tra dữ liệu');
    const report = host.spreadsheet
      .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:F40`)
      .map((r) => r.join(' | '))
      .join('\n');
    const at = (key: string, row: number): string =>
      `Trang "${SHEET_NAMES.registration}", ô ${cellA1(row, col(key))}`;
    expect(report).toContain(`${at('individualTitle', hk)}: giá trị "Cờ thi đua" không hợp lệ`);
    expect(report).toContain(
      `${at('personName', hk + 1)}: giá trị "Phạm  thu trang" không hợp lệ; cần mỗi cá nhân đăng ký một lần`,
    );
    expect(report).toContain(
      `${at('collectiveTitle', starts.get('HM') ?? 0)}: giá trị "Lao động tiên tiến" không hợp lệ; cần danh hiệu thi đua của tập thể`,
    );
    expect(report).toContain(`${at('unitCode', below)}: không tìm thấy đơn vị "XX"`);
  });
});

describe('Đăng ký thi đua: checked as it is typed', () => {
  it('marks a title of the wrong kind at once, as the member typed it, and clears the mark when fixed', () => {
    const host = setUpHost();
    const hk = blockStarts(host).get('HK') ?? 0;
    const member = CONSUMER.people.member;
    expect(register(host, member, hk, 'Phạm Thu Trang', 'Cờ thi đua').accepted).toBe(true);
    const title = cell(hk, 'individualTitle');
    const marked = host.spreadsheet.cellAt(title);
    expect(marked?.v).toBe('Cờ thi đua');
    expect(marked?.note).toBe(
      `${MARK_PREFIX}Trang "Đăng ký thi đua", ô ${cellA1(hk, col('individualTitle'))}: giá trị "Cờ thi đua" không hợp lệ; cần danh hiệu thi đua hoặc hình thức khen thưởng tặng cho cá nhân ("Cờ thi đua" là danh hiệu thi đua của tập thể; sửa ô này hoặc ô ${cellA1(hk, col('personName'))}).`,
    );
    expect(marked?.bg).toBe(MARK_FILL);
    expect(host.spreadsheet.cellAt(cell(hk, 'personName'))?.note).toBeUndefined();
    expect(host.edit(member, title, [['Lao động tiên tiến']]).accepted).toBe(true);
    expect(host.spreadsheet.cellAt(title)?.note).toBeUndefined();
    expect(host.spreadsheet.cellAt(title)?.bg).toBeUndefined();
    // A collective's column takes a collective's title only.
    const collective = cell(hk, 'collectiveTitle');
    expect(host.edit(member, collective, [['Chiến sĩ thi đua cơ sở']]).accepted).toBe(true);
    expect(host.spreadsheet.cellAt(collective)?.note).toContain('danh hiệu thi đua của tập thể');
  });
});

function tables(body: DocNode): DocNode[] {
  return [...walk(body)].filter((n) => n.type === 'TABLE');
}

describe('Đăng ký thi đua feeds the documents and the register', () => {
  it('the pledge’s member table prints the titles registered there, not Đơn vị’s old column', () => {
    const host = setUpHost();
    const starts = blockStarts(host);
    expect(
      host.edit(CONSUMER.people.deputy, cell(starts.get('HM') ?? 0, 'collectiveTitle'), [
        ['Tập thể lao động tiên tiến'],
      ]).accepted,
    ).toBe(true);
    click(host, 'Tạo bản giao ước');
    const linkRow = SETTING_ROWS.findIndex((r) => r.key === 'pledgeDocLink') + 2;
    const link = String(
      host.spreadsheet.valueAt(`${quoteSheetName(SHEET_NAMES.settings)}!B${String(linkRow)}`),
    );
    const doc = host.documents.get(/\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '');
    if (doc === undefined) throw new Error(`no pledge: ${lastAlert(host)}`);
    const members = tables(doc.body)
      .map((t) => t.children.map((row) => row.children.map((c) => nodeText(c))))
      .find((t) => t[0]?.[3] === 'Danh hiệu đăng ký');
    const byUnit = new Map((members ?? []).slice(1).map((r) => [r[1], r[3]]));
    expect(byUnit.get('Ủy ban MTTQ Việt Nam quận Hoàng Mai')).toBe('Tập thể lao động tiên tiến');
    expect(byUnit.get('Ủy ban MTTQ Việt Nam quận Ba Đình')).toBe('Cờ thi đua');
    // Đơn vị's old column is left as typed, and «Kiểm tra dữ liệu» says which one counts.
    click(host, 'Kiểm tra dữ liệu');
    const report = host.spreadsheet
      .valuesAt(`${quoteSheetName(VALIDATION_REPORT_SHEET)}!A1:F40`)
      .map((r) => r.join(' | '))
      .join('\n');
    expect(report).toContain(
      `Trang "Đơn vị", ô H3: giá trị "Tập thể lao động xuất sắc" không hợp lệ; cần danh hiệu đã đăng ký ở trang "Đăng ký thi đua", ô C${String(starts.get('HM') ?? 0)} ("Tập thể lao động tiên tiến")`,
    );
    const unitsTitle = UNITS_LAYOUT.columns.findIndex((c) => c.key === 'registeredTitle') + 1;
    expect(
      host.spreadsheet.valueAt(`${quoteSheetName(SHEET_NAMES.units)}!${cellA1(3, unitsTitle)}`),
    ).toBe('Tập thể lao động xuất sắc');
  });

  it('«Lập sổ khen thưởng từ xếp hạng» proposes each registered individual once', () => {
    const host = setUpHost();
    const starts = blockStarts(host);
    const { member, head } = CONSUMER.people;
    register(
      host,
      member,
      starts.get('HK') ?? 0,
      'Phạm Thu Trang',
      'Chiến sĩ thi đua cơ sở',
      'Phó Chủ tịch',
    );
    register(host, member, (starts.get('HK') ?? 0) + 1, 'Vũ Minh Đức', 'Lao động tiên tiến');
    register(host, member, (starts.get('HK') ?? 0) + 2, 'Chưa chọn danh hiệu', '');
    register(host, head, starts.get('BD') ?? 0, 'Nguyễn Văn An', 'Lao động tiên tiến');
    // One of them is in the register already, typed by hand with the unit's short name.
    const K = SHEET_NAMES.awards;
    paste(host, K, 2, 1, [
      ['Cá nhân', 'Vũ Minh Đức', '', 'Hoàn Kiếm', 'Lao động tiên tiến', 'Cơ sở'],
    ]);
    click(host, 'Tính xếp hạng', head);
    click(host, 'Lập sổ khen thưởng từ xếp hạng', head);
    const alert = lastAlert(host);
    expect(alert).toContain('Từ trang "Đăng ký thi đua": đã thêm 2 dòng cá nhân');
    expect(alert).toContain('không thêm lại: 1 (Vũ Minh Đức (Lao động tiên tiến))');
    const sheet = host.spreadsheet.sheet(K);
    const read = readAwards(
      host.spreadsheet.valuesAt(`${quoteSheetName(K)}!A1:${cellA1(sheet?.rows.length ?? 1, 30)}`),
      { defaultYear: 2022 },
    );
    const individuals = read.value
      .filter((r) => r.recipientType === 'individual')
      .map((r) => [r.name, r.form, r.level, r.unit, r.position, r.year]);
    // The hand-typed row first, then the registration's in block order (Ba Đình, Hoàn Kiếm).
    expect(individuals).toEqual([
      ['Vũ Minh Đức', 'Lao động tiên tiến', 'base', 'Hoàn Kiếm', '', 2022],
      [
        'Nguyễn Văn An',
        'Lao động tiên tiến',
        'base',
        'Ủy ban MTTQ Việt Nam quận Ba Đình',
        '',
        2022,
      ],
      [
        'Phạm Thu Trang',
        'Chiến sĩ thi đua cơ sở',
        'base',
        'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
        'Phó Chủ tịch',
        2022,
      ],
    ]);
    const count = read.value.length;

    click(host, 'Lập sổ khen thưởng từ xếp hạng', head);
    expect(lastAlert(host)).toContain('Từ trang "Đăng ký thi đua": không có dòng cá nhân nào mới');
    expect(
      readAwards(host.spreadsheet.valuesAt(`${quoteSheetName(K)}!A1:${cellA1(count + 5, 30)}`), {
        defaultYear: 2022,
      }).value,
    ).toHaveLength(count);
  });
});
