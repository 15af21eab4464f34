/**
 * Đăng ký thi đua (issue 13, Build 1): one block of rows per unit, in Đơn vị's order. The program
 * writes each block's unit code and name; the unit types its collective title and its people with
 * the individual title each aims for. Collective and individual titles sit in separate columns,
 * each with its own dropdown, because Sheets cannot vary one column's dropdown by row.
 */
import { AWARD_FORMS, COLLECTIVE_TITLE_CHOICES } from '../model/award';
import { NUMBER_FORMATS as F, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';

/** The individuals' emulation titles offered in the registration's dropdown. */
export const INDIVIDUAL_TITLE_CHOICES: readonly string[] = AWARD_FORMS.filter(
  (f) => f.listed && f.kind === 'title' && f.recipients === 'individual',
).map((f) => f.name);

/** A new unit's block: room for a handful of people without asking the head. */
export const REGISTRATION_MIN_BLOCK_ROWS = 8;
/** Blank rows set-up keeps below a unit's last typed row, so a full block grows on re-run. */
export const REGISTRATION_SPARE_ROWS = 3;

export const REGISTRATION_LAYOUT = {
  sheet: SHEET_NAMES.registration,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 2,
  columns: [
    {
      key: 'unitCode',
      header: 'Mã đơn vị',
      width: 90,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
      note: 'Do chương trình ghi: mỗi đơn vị một khối dòng, theo thứ tự trang Đơn vị. Mỗi đơn vị chỉ sửa được khối của mình.',
    },
    {
      key: 'unitName',
      header: 'Tên đơn vị',
      width: 170,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
    },
    {
      key: 'collectiveTitle',
      header: 'Danh hiệu tập thể đăng ký',
      aliases: ['Danh hiệu đăng ký', 'Danh hiệu tập thể'],
      width: 210,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: COLLECTIVE_TITLE_CHOICES, allowOther: true },
      note: 'Danh hiệu thi đua của tập thể đơn vị (ví dụ: Cờ thi đua, Tập thể lao động xuất sắc); ghi một lần, ở dòng đầu của khối.',
    },
    {
      key: 'personName',
      header: 'Họ và tên cá nhân',
      aliases: ['Họ và tên', 'Họ tên'],
      width: 200,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      note: 'Mỗi cá nhân đăng ký một dòng trong khối của đơn vị mình. Hết dòng trống: nhờ Cụm trưởng chạy lại «Khởi tạo / cập nhật bảng tính» để khối có thêm dòng.',
    },
    {
      key: 'position',
      header: 'Chức vụ',
      width: 160,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
    {
      key: 'individualTitle',
      header: 'Danh hiệu cá nhân đăng ký',
      aliases: ['Danh hiệu cá nhân'],
      width: 210,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: INDIVIDUAL_TITLE_CHOICES, allowOther: true },
      note: 'Danh hiệu thi đua của cá nhân (ví dụ: Lao động tiên tiến, Chiến sĩ thi đua cơ sở).',
    },
    {
      key: 'note',
      header: 'Ghi chú',
      width: 220,
      numberFormat: F.text,
      required: false,
      entry: 'user',
    },
  ],
} as const satisfies TableLayout;
export type RegistrationColumnKey = (typeof REGISTRATION_LAYOUT.columns)[number]['key'];
