/**
 * The default rows of Vị trí in phôi: positions for a landscape A4 phôi (297 × 210 mm) whose
 * national title, emblem, issuer and form name take the top ~80 mm and whose border leaves about
 * 20 mm at each side. They are a starting point: every office measures its own phôi and types the
 * millimetres it reads (HUONG_DAN.md, "In trên phôi").
 */
import {
  PREPRINTED_ALIGN_LABELS,
  PREPRINTED_LAYOUT,
  type PreprintedColumnKey,
} from '../layout/tables';
import { NO_LABEL, YES_LABEL } from '../layout/labels';

export type PreprintedDefault = {
  readonly content: string;
  readonly print: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly align: keyof typeof PREPRINTED_ALIGN_LABELS;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
};

/** The same places on a Giấy khen and a Bằng khen phôi; the issuer is usually pre-printed. */
export const PREPRINTED_DEFAULTS: readonly PreprintedDefault[] = [
  {
    content: '{{co_quan|hoa}}',
    print: false,
    x: 40,
    y: 62,
    width: 217,
    height: 9,
    align: 'center',
    size: 16,
    bold: true,
    italic: false,
  },
  {
    content: '{{#if danh_xung}}{{danh_xung}} {{/if}}{{ten}}',
    print: true,
    x: 40,
    y: 88,
    width: 217,
    height: 12,
    align: 'center',
    size: 20,
    bold: true,
    italic: false,
  },
  {
    content: '{{chuc_vu}}',
    print: true,
    x: 40,
    y: 101,
    width: 217,
    height: 8,
    align: 'center',
    size: 15,
    bold: false,
    italic: false,
  },
  {
    content: '{{don_vi}}',
    print: true,
    x: 40,
    y: 109,
    width: 217,
    height: 8,
    align: 'center',
    size: 15,
    bold: false,
    italic: false,
  },
  {
    content: '{{thanh_tich}}',
    print: true,
    x: 40,
    y: 119,
    width: 217,
    height: 22,
    align: 'center',
    size: 15,
    bold: false,
    italic: true,
  },
  {
    content: '{{noi}}, {{ngay_ky|ngay}}',
    print: true,
    x: 160,
    y: 148,
    width: 115,
    height: 8,
    align: 'center',
    size: 13,
    bold: false,
    italic: true,
  },
  {
    content: 'Quyết định số {{so_qd}} {{ngay_qd|ngay}}',
    print: true,
    x: 22,
    y: 158,
    width: 125,
    height: 7,
    align: 'center',
    size: 12,
    bold: false,
    italic: false,
  },
  {
    content: '{{chuc_vu_nguoi_ky|hoa}}',
    print: true,
    x: 160,
    y: 157,
    width: 115,
    height: 8,
    align: 'center',
    size: 13,
    bold: true,
    italic: false,
  },
  {
    content: '{{#if so_so_vang}}Số sổ vàng: {{so_so_vang}}{{/if}}',
    print: true,
    x: 22,
    y: 166,
    width: 125,
    height: 7,
    align: 'center',
    size: 12,
    bold: false,
    italic: false,
  },
  {
    content: '{{nguoi_ky}}',
    print: true,
    x: 160,
    y: 186,
    width: 115,
    height: 8,
    align: 'center',
    size: 14,
    bold: true,
    italic: false,
  },
];

/** The forms set-up writes rows for (the certificate templates' forms). */
export const PREPRINTED_FORMS: readonly string[] = ['Giấy khen', 'Bằng khen'];

function cellValue(d: PreprintedDefault, form: string, key: PreprintedColumnKey): unknown {
  switch (key) {
    case 'form':
      return form;
    case 'content':
      return d.content;
    case 'print':
      return d.print ? YES_LABEL : NO_LABEL;
    case 'x':
    case 'y':
    case 'width':
    case 'height':
    case 'size':
      return d[key];
    case 'align':
      return PREPRINTED_ALIGN_LABELS[d.align];
    case 'font':
      return 'Times New Roman';
    case 'bold':
      return d.bold ? YES_LABEL : NO_LABEL;
    case 'italic':
      return d.italic ? YES_LABEL : NO_LABEL;
  }
}

/** The default rows laid out at the sheet's column positions (1-based, by key). */
export function preprintedDefaultGrid(positions: ReadonlyMap<string, number>): unknown[][] {
  const width = Math.max(0, ...positions.values());
  const rows: unknown[][] = [];
  for (const form of PREPRINTED_FORMS) {
    for (const d of PREPRINTED_DEFAULTS) {
      const row: unknown[] = new Array<unknown>(width).fill('');
      for (const column of PREPRINTED_LAYOUT.columns) {
        const at = positions.get(column.key);
        if (at !== undefined) row[at - 1] = cellValue(d, form, column.key);
      }
      rows.push(row);
    }
  }
  return rows;
}
