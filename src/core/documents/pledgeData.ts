/**
 * "Tạo bản giao ước": everything decided before a document is touched. From the grids of Cấu hình,
 * Đơn vị and Tiêu chí (read once by the caller) this builds the merge data of the joint pledge and
 * of each unit's pledge, and lists every problem that must be fixed first, each naming its sheet
 * and cell, so that nothing is created from incomplete data.
 */
import {
  readRegistration,
  withRegisteredTitles,
  type RegisteredIndividual,
} from '../registration/readRegistration';
import { finding, type Finding } from '../findings';
import type { ClusterSettings } from '../model/settings';
import { UNIT_ROLE_LABELS, type Unit, type UnitRole } from '../model/unit';
import type { CriteriaTree, Criterion } from '../model/criteria';
import { SHEET_NAMES } from '../layout/sheets';
import { SETTING_ROWS } from '../layout/settings';
import { UNITS_LAYOUT, type UnitColumnKey } from '../layout/tables';
import { readSettings } from '../readers/settings';
import { readUnits } from '../readers/units';
import { countsTowardsGroupMax, readCriteria } from '../readers/criteria';
import { a1, cellAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { nameKey } from '../text/normalize';
import type { WorkbookGrids } from '../validation/workbook';
import type { TemplateRecord, TemplateRequirement, TemplateSchema } from '../template';
import { defaultLegalBases } from '../layout/settings';
import { signerTitle, unitLongName } from './signerTitle';

/** Output names (renderFileName patterns); the PDF takes the same name with ".pdf". */
export const JOINT_PLEDGE_FILE_NAME = '{{ten_cum}} - Giao ước thi đua {{nam}}';
export const UNIT_PLEDGE_FILE_NAME =
  '{{ten_cum}} - Đăng ký giao ước thi đua {{nam}} - {{don_vi.ten_day_du}}';

/** The output folder made next to the workbook when Cấu hình names none. */
export function defaultFolderName(year: number): string {
  return `Văn bản thi đua ${String(year)}`;
}

const ROLE_ORDER: Readonly<Record<UnitRole, number>> = { head: 0, deputy: 1, member: 2 };

const UNIT_FIELDS: TemplateSchema = {
  ma: { label: 'Mã đơn vị' },
  ten: { label: 'Tên đơn vị' },
  ten_day_du: { label: 'Tên đầy đủ của đơn vị' },
  chuc_danh_ky: { label: 'Chức vụ người ký kèm tên đơn vị' },
  loai: { label: 'Loại đơn vị' },
  vai_tro: { label: 'Vai trò' },
  chuc_vu: { label: 'Chức vụ thủ trưởng' },
  ho_ten: { label: 'Họ tên thủ trưởng' },
  danh_hieu: { label: 'Danh hiệu đăng ký' },
  email: { label: 'Email' },
};

const CRITERION_FIELDS: TemplateSchema = {
  ma: { label: 'Mã tiêu chí' },
  nhom: { label: 'Mã nhóm' },
  ten_nhom: { label: 'Tên nhóm' },
  noi_dung: { label: 'Nội dung tiêu chí' },
  diem_toi_da: { label: 'Điểm tối đa' },
  loai: { label: 'Loại tiêu chí' },
  la_thuong: { label: 'Là điểm thưởng' },
  la_tru: { label: 'Là điểm trừ' },
  la_nhom: { label: 'Là dòng nhóm' },
};

/** The joint pledge's fields (none marked required: pledgeProblems checks the data with cells). */
export const JOINT_PLEDGE_SCHEMA: TemplateSchema = {
  ten_cum: { label: 'Tên cụm, khối thi đua' },
  nam: { label: 'Năm thi đua' },
  co_quan: { label: 'Cơ quan chủ quản (dòng trên tên cụm)' },
  noi: { label: 'Địa danh' },
  ngay_ky: { label: 'Ngày ký (trống: chưa ghi)' },
  so: { label: 'Số văn bản (trống: chưa cấp)' },
  ky_hieu: { label: 'Ký hiệu văn bản' },
  so_ky_hieu: { label: 'Số, ký hiệu ("01/GƯTĐ-CTĐ1")' },
  can_cu: { label: 'Các căn cứ', fields: { noi_dung: { label: 'Căn cứ' } } },
  co_chung_kien: { label: 'Có người chứng kiến' },
  chung_kien: {
    label: 'Người chứng kiến',
    fields: { chuc_vu: { label: 'Chức vụ' }, ho_ten: { label: 'Họ tên' } },
  },
  hang_ky: {
    label: 'Các hàng chữ ký (hai đơn vị một hàng)',
    fields: {
      trai: { label: 'Đơn vị bên trái', fields: UNIT_FIELDS },
      phai: { label: 'Đơn vị bên phải (trống ở hàng lẻ cuối)', fields: UNIT_FIELDS },
    },
  },
  so_ke_hoach: { label: 'Số kế hoạch' },
  ngay_ke_hoach: { label: 'Ngày kế hoạch' },
  cum_truong: { label: 'Đơn vị cụm trưởng', fields: UNIT_FIELDS },
  thanh_vien: { label: 'Các đơn vị thành viên', fields: UNIT_FIELDS },
  so_don_vi: { label: 'Số đơn vị' },
  tieu_chi: { label: 'Các tiêu chí', fields: CRITERION_FIELDS },
  nhom_tieu_chi: {
    label: 'Các nhóm tiêu chí',
    fields: {
      ma: { label: 'Mã nhóm' },
      ten: { label: 'Tên nhóm' },
      diem_toi_da: { label: 'Điểm tối đa của nhóm' },
      tieu_chi: { label: 'Các tiêu chí của nhóm', fields: CRITERION_FIELDS },
    },
  },
  bang_tieu_chi: { label: 'Bảng tiêu chí (nhóm và tiêu chí)', fields: CRITERION_FIELDS },
  so_tieu_chi: { label: 'Số tiêu chí' },
  tong_diem: { label: 'Tổng điểm tối đa' },
};

const CRITERIA_REQUIREMENT: TemplateRequirement = {
  anyOf: ['bang_tieu_chi', 'tieu_chi', 'nhom_tieu_chi'],
  what: 'danh sách tiêu chí thi đua',
  list: true,
};

/** A joint pledge lists the criteria and every member (who sign it). */
export const JOINT_PLEDGE_REQUIREMENTS: readonly TemplateRequirement[] = [
  CRITERIA_REQUIREMENT,
  { anyOf: ['thanh_vien'], what: 'danh sách đơn vị thành viên ký giao ước', list: true },
];

/** A unit's pledge names the unit and lists the criteria it pledges to. */
export const UNIT_PLEDGE_REQUIREMENTS: readonly TemplateRequirement[] = [
  CRITERIA_REQUIREMENT,
  { anyOf: ['don_vi'], what: 'đơn vị đăng ký' },
];

/** A unit's pledge: the joint fields plus the unit itself. */
export const UNIT_PLEDGE_SCHEMA: TemplateSchema = {
  ...JOINT_PLEDGE_SCHEMA,
  don_vi: { label: 'Đơn vị đăng ký', fields: UNIT_FIELDS },
  ca_nhan: {
    label: 'Cá nhân của đơn vị đăng ký thi đua (trang "Đăng ký thi đua")',
    fields: {
      ho_ten: { label: 'Họ và tên' },
      chuc_vu: { label: 'Chức vụ' },
      danh_hieu: { label: 'Danh hiệu cá nhân đăng ký' },
    },
  },
};

export function unitRecord(unit: Unit): TemplateRecord {
  return {
    ma: unit.code,
    ten: unit.name,
    ten_day_du: unitLongName(unit),
    chuc_danh_ky: signerTitle(unit),
    loai: unit.type,
    vai_tro: UNIT_ROLE_LABELS[unit.role],
    chuc_vu: unit.headTitle,
    ho_ten: unit.headName,
    danh_hieu: unit.registeredTitle,
    email: unit.email,
  };
}

function criterionRecord(c: Criterion, groupName: string): TemplateRecord {
  return {
    ma: c.code,
    nhom: c.group,
    ten_nhom: groupName,
    noi_dung: c.text,
    diem_toi_da: c.maxPoints,
    loai: c.type,
    la_thuong: c.type === 'bonus',
    la_tru: c.type === 'penalty',
    la_nhom: false,
  };
}

/** Members in signing order: the head, the deputies, then the others, each as listed. */
export function signingOrder(units: readonly Unit[]): Unit[] {
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => ROLE_ORDER[a.unit.role] - ROLE_ORDER[b.unit.role] || a.index - b.index)
    .map((x) => x.unit);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The joint pledge's data. Bonus and penalty criteria are in the criteria table: the members
 * pledge to the whole scoring rule, and what earns or costs points must be known when signing;
 * they are marked "+" / "−" and kept out of the total (tong_diem), which is the scale of the
 * scored criteria.
 */
export function pledgeRecord(
  settings: ClusterSettings,
  units: readonly Unit[],
  tree: CriteriaTree,
): TemplateRecord {
  const ordered = signingOrder(units);
  const head = ordered.find((u) => u.role === 'head');
  const groupName = new Map(tree.groups.map((g) => [g.code, g.name]));
  const groups = tree.groups.filter((g) => tree.criteria.some((c) => c.group === g.code));
  const ungrouped = tree.criteria.filter((c) => !groupName.has(c.group));
  const criteria: TemplateRecord[] = [];
  const table: TemplateRecord[] = [];
  const groupRecords: TemplateRecord[] = [];
  for (const g of groups) {
    const own = tree.criteria
      .filter((c) => c.group === g.code)
      .map((c) => criterionRecord(c, g.name));
    table.push({
      ma: g.code,
      nhom: g.code,
      ten_nhom: g.name,
      noi_dung: g.name,
      diem_toi_da: g.maxPoints,
      loai: '',
      la_thuong: false,
      la_tru: false,
      la_nhom: true,
    });
    table.push(...own);
    criteria.push(...own);
    groupRecords.push({ ma: g.code, ten: g.name, diem_toi_da: g.maxPoints, tieu_chi: own });
  }
  for (const c of ungrouped) {
    const record = criterionRecord(c, '');
    table.push(record);
    criteria.push(record);
  }
  const total = tree.criteria
    .filter((c) => c.parent === undefined && countsTowardsGroupMax(c.type))
    .reduce((sum, c) => sum + c.maxPoints, 0);
  return {
    ten_cum: settings.clusterName,
    nam: settings.year,
    co_quan: settings.issuingBody,
    noi: settings.place,
    ngay_ky: settings.signingDate === undefined ? '' : { ...settings.signingDate },
    ...numberAndSymbol(settings),
    can_cu: (settings.legalBases.length > 0
      ? settings.legalBases
      : defaultLegalBases(settings)
    ).map((line) => ({ noi_dung: line })),
    co_chung_kien: settings.witnessName.trim() !== '' || settings.witnessTitle.trim() !== '',
    chung_kien: { chuc_vu: settings.witnessTitle, ho_ten: settings.witnessName },
    hang_ky: signatureRows(ordered),
    so_ke_hoach: settings.planNumber,
    ngay_ke_hoach:
      settings.planDate === undefined
        ? ''
        : {
            year: settings.planDate.year,
            month: settings.planDate.month,
            day: settings.planDate.day,
          },
    cum_truong: head === undefined ? null : unitRecord(head),
    thanh_vien: ordered.map(unitRecord),
    so_don_vi: ordered.length,
    tieu_chi: criteria,
    nhom_tieu_chi: groupRecords,
    bang_tieu_chi: table,
    so_tieu_chi: criteria.length,
    tong_diem: round2(total),
  };
}

/** Default symbol of a pledge (no abbreviation of "giao ước" is listed in Decree 30, App. III). */
export const DEFAULT_PLEDGE_SYMBOL = 'GƯTĐ';
/** Room left for a number the records office writes by hand. */
const NUMBER_BLANK = '\u00a0'.repeat(8);

/**
 * Decree 30/2020, Appendix I: a document number under 10 is written with a leading zero ("05");
 * a number not yet given leaves room to write it in ("Số:         /GƯTĐ").
 */
export function numberAndSymbol(settings: Pick<ClusterSettings, 'pledgeNumber' | 'pledgeSymbol'>): {
  so: string;
  ky_hieu: string;
  so_ky_hieu: string;
} {
  const typed = settings.pledgeNumber.trim();
  const so = /^[1-9]$/.test(typed) ? `0${typed}` : typed;
  const symbol =
    settings.pledgeSymbol.trim() === '' ? DEFAULT_PLEDGE_SYMBOL : settings.pledgeSymbol.trim();
  return { so, ky_hieu: symbol, so_ky_hieu: `${so === '' ? NUMBER_BLANK : so}/${symbol}` };
}

const NO_UNIT: TemplateRecord = Object.fromEntries(Object.keys(UNIT_FIELDS).map((k) => [k, '']));

/** The signature table's rows: two members side by side, in signing order. */
function signatureRows(ordered: readonly Unit[]): TemplateRecord[] {
  const rows: TemplateRecord[] = [];
  for (let i = 0; i < ordered.length; i += 2) {
    const left = ordered[i];
    const right = ordered[i + 1];
    if (left === undefined) break;
    rows.push({ trai: unitRecord(left), phai: right === undefined ? NO_UNIT : unitRecord(right) });
  }
  return rows;
}

/** Each unit's pledge data, in signing order. */
export function unitPledgeRecords(
  joint: TemplateRecord,
  units: readonly Unit[],
  individuals: readonly Pick<
    RegisteredIndividual,
    'unitCode' | 'name' | 'position' | 'title'
  >[] = [],
): { unit: Unit; record: TemplateRecord }[] {
  return signingOrder(units).map((unit) => ({
    unit,
    record: {
      ...joint,
      don_vi: unitRecord(unit),
      ca_nhan: individuals
        .filter((p) => p.unitCode === unit.code)
        .map((p) => ({ ho_ten: p.name, chuc_vu: p.position, danh_hieu: p.title })),
    },
  }));
}

/** The Đơn vị row (0-based) of each unit code, for messages naming the cell. */
function unitRows(grid: readonly unknown[]): {
  row: (code: string) => number | undefined;
  column: (key: UnitColumnKey) => number;
  headerRow0: number;
} {
  const located = locateTable<UnitColumnKey>(grid, UNITS_LAYOUT);
  const codeCol = located.columns.get('code') ?? -1;
  const rows = new Map<string, number>();
  if (codeCol >= 0) {
    for (let r = located.headerRow0 + 1; r < grid.length; r++) {
      const value = cellAt(grid, r, codeCol);
      const key = nameKey(typeof value === 'string' ? value : String(value));
      if (key !== '' && !rows.has(key)) rows.set(key, r);
    }
  }
  return {
    row: (code) => rows.get(nameKey(code)),
    column: (key) => located.columns.get(key) ?? -1,
    headerRow0: located.headerRow0,
  };
}

export type PledgePreparation = {
  /** undefined when Cấu hình cannot be read (reported in problems). */
  readonly settings: ClusterSettings | undefined;
  /** Setting key → its value cell in Cấu hình, for messages and for writing ids and links back. */
  readonly settingCells: ReadonlyMap<string, string>;
  readonly units: readonly Unit[];
  readonly tree: CriteriaTree;
  /** Errors that block creating the pledge, each naming its sheet and cell. */
  readonly problems: readonly Finding[];
  readonly joint: TemplateRecord | undefined;
  /** Filled only when Cấu hình asks for per-unit pledges. */
  readonly perUnit: readonly { unit: Unit; record: TemplateRecord }[];
};

function settingCell(cells: ReadonlyMap<string, string>, key: string): string {
  return cells.get(key) ?? 'A1';
}

/**
 * Reads the three sheets and checks what a pledge needs: Cấu hình readable with the issuing body
 * and place set; at least one unit, each with its head's name and title; a cluster head; at least
 * one criterion; no unreadable unit or criterion row (it would be left out of a signed document).
 */
export function preparePledge(grids: WorkbookGrids): PledgePreparation {
  const problems: Finding[] = [];
  const settingsGrid = grids[SHEET_NAMES.settings];
  const unitsGrid = grids[SHEET_NAMES.units];
  const criteriaGrid = grids[SHEET_NAMES.criteria];
  const missingSheet = (sheet: string): Finding =>
    finding(sheet, 'A1', 'required-missing', '', {
      field: `trang tính "${sheet}" (hãy chạy «Khởi tạo / cập nhật bảng tính»)`,
    });
  const blocking = (f: Finding): boolean => f.severity === 'error' && f.code !== 'invalid-email';

  let settings: ClusterSettings | undefined;
  let settingCells: ReadonlyMap<string, string> = new Map();
  if (settingsGrid === undefined) problems.push(missingSheet(SHEET_NAMES.settings));
  else {
    const read = readSettings(settingsGrid);
    settings = read.value;
    settingCells = read.cells;
    // Only the settings a pledge prints or uses block it; others are the ranking's business.
    const used = new Set([
      'clusterName',
      'year',
      'issuingBody',
      'place',
      'planNumber',
      'planDate',
      'pledgeNumber',
      'pledgeSymbol',
      'signingDate',
      'legalBases',
      'witnessTitle',
      'witnessName',
    ]);
    const usedCells = new Set([...used].map((k) => read.cells.get(k)));
    problems.push(
      ...read.findings.filter(
        (f) => blocking(f) && (settings === undefined || usedCells.has(f.cell)),
      ),
    );
    if (settings !== undefined) {
      const label = (key: string): string => SETTING_ROWS.find((r) => r.key === key)?.label ?? key;
      for (const key of ['issuingBody', 'place'] as const) {
        if (settings[key].trim() === '') {
          problems.push(
            finding(SHEET_NAMES.settings, settingCell(read.cells, key), 'required-missing', '', {
              field: `"${label(key)}" (in trên bản giao ước)`,
            }),
          );
        }
      }
    }
  }

  let units: Unit[] = [];
  if (unitsGrid === undefined) problems.push(missingSheet(SHEET_NAMES.units));
  else {
    const read = readUnits(unitsGrid);
    units = read.value;
    problems.push(...read.findings.filter(blocking));
    const where = unitRows(unitsGrid);
    if (units.length === 0 && read.findings.length === 0) {
      problems.push(
        finding(SHEET_NAMES.units, a1(where.headerRow0 + 1, 0), 'required-missing', '', {
          field: 'các đơn vị của cụm',
        }),
      );
    }
    for (const unit of units) {
      const r = where.row(unit.code) ?? where.headerRow0 + 1;
      const check = (key: 'headName' | 'headTitle', what: string): void => {
        if (unit[key].trim() !== '') return;
        problems.push(
          finding(
            SHEET_NAMES.units,
            a1(r, Math.max(where.column(key), 0)),
            'required-missing',
            '',
            {
              field: `${what} của đơn vị "${unit.name}" (ký bản giao ước)`,
            },
          ),
        );
      };
      check('headName', 'họ tên thủ trưởng');
      check('headTitle', 'chức vụ thủ trưởng');
    }
    if (units.length > 0 && !units.some((u) => u.role === 'head')) {
      problems.push(
        finding(
          SHEET_NAMES.units,
          a1(where.headerRow0, Math.max(where.column('role'), 0)),
          'required-missing',
          '',
          { field: `đơn vị giữ vai trò "${UNIT_ROLE_LABELS.head}" (ký thay mặt các thành viên)` },
        ),
      );
    }
  }

  // The member table's «Danh hiệu đăng ký» comes from Đăng ký thi đua, Đơn vị's old column being
  // the fallback; the registration's own problems are «Kiểm tra dữ liệu»'s, not the pledge's.
  const registrationGrid = grids[SHEET_NAMES.registration];
  const registration =
    registrationGrid !== undefined && units.length > 0
      ? readRegistration(registrationGrid, units)
      : undefined;
  units = withRegisteredTitles(units, registration);

  let tree: CriteriaTree = { groups: [], criteria: [] };
  if (criteriaGrid === undefined) problems.push(missingSheet(SHEET_NAMES.criteria));
  else {
    const read = readCriteria(criteriaGrid);
    tree = read.value;
    problems.push(...read.findings.filter(blocking));
    if (tree.criteria.length === 0) {
      problems.push(
        finding(SHEET_NAMES.criteria, 'A2', 'required-missing', '', {
          field: 'các tiêu chí thi đua (bảng tiêu chí của bản giao ước)',
        }),
      );
    }
  }

  const joint = settings === undefined ? undefined : pledgeRecord(settings, units, tree);
  const perUnit =
    joint !== undefined && settings?.unitPledges === true
      ? unitPledgeRecords(joint, units, registration?.individuals)
      : [];
  return { settings, settingCells, units, tree, problems, joint, perUnit };
}

/**
 * A Drive id from what a user put in a cell: the id itself or a Docs/Drive link. '' for a blank
 * cell, null when it is neither.
 */
export function driveIdOf(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const fromUrl =
    /\/(?:d|folders)\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t);
  if (fromUrl?.[1] !== undefined) return fromUrl[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(t) ? t : null;
}

/** The one alert listing every problem (Vietnamese), and that nothing was created. */
export function problemsMessage(action: string, lines: readonly string[]): string {
  const shown = lines.slice(0, 15);
  const more = lines.length - shown.length;
  return [
    `«${action}» chưa tạo văn bản nào vì còn ${String(lines.length)} vấn đề cần sửa:`,
    ...shown.map((l) => `• ${l}`),
    ...(more > 0 ? [`… và ${String(more)} vấn đề khác.`] : []),
    'Sửa các ô trên rồi chọn lại «' + action + '».',
  ].join('\n');
}
