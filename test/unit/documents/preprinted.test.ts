/**
 * In trên phôi, in core: reading Vị trí in phôi (every problem names its cell), the bands of
 * fields, and the model geometry of the page spec — every field's text starts at its configured
 * millimetres plus the offset, on every page.
 */
import {
  BOTTOM_GUARD_MM,
  PREPRINTED_PAGE,
  fieldText,
  layoutBands,
  placedTexts,
  preprintedDocSpec,
  readPreprinted,
  type PreprintedField,
} from '../../../src/core/certificates/preprinted';
import {
  PREPRINTED_DEFAULTS,
  preprintedDefaultGrid,
} from '../../../src/core/certificates/preprintedDefaults';
import {
  calibrationDocSpec,
  gridTable,
  markerText,
} from '../../../src/core/certificates/calibration';
import { PREPRINTED_LAYOUT, type PreprintedColumnKey } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { PT_PER_MM, blockEdits, type TableSpec } from '../../../src/core/documents/docSpec';
import type { TemplateRecord } from '../../../src/core/template';

const positions = new Map(PREPRINTED_LAYOUT.columns.map((c, i) => [c.key as string, i + 1]));
const col = (key: PreprintedColumnKey): number => (positions.get(key) ?? 0) - 1;
const letter = (key: PreprintedColumnKey): string => String.fromCharCode(65 + col(key));

function grid(edit?: (rows: unknown[][]) => void): unknown[][] {
  const rows = preprintedDefaultGrid(positions);
  edit?.(rows);
  return [headerValues(PREPRINTED_LAYOUT), ...rows];
}

const RECORD: TemplateRecord = {
  co_quan: 'Ủy ban nhân dân quận Ba Đình',
  ca_nhan: true,
  danh_xung: 'Bà',
  ten: 'Nguyễn Thị Hoa',
  chuc_vu: 'Giáo viên',
  don_vi: 'Trường THCS Nhân Chính',
  hinh_thuc: 'Giấy khen',
  thanh_tich: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2022',
  so_qd: '163/QĐ-UBND',
  ngay_qd: { year: 2023, month: 1, day: 19 },
  so_so_vang: '1001',
  noi: 'Hà Nội',
  ngay_ky: { year: 2023, month: 1, day: 19 },
  chuc_vu_nguoi_ky: 'Chủ tịch',
  nguoi_ky: 'Trần Văn Ký',
};

function merit(): readonly PreprintedField[] {
  const read = readPreprinted(grid());
  expect(read.problems).toEqual([]);
  return read.layout.get('meritCertificate') ?? [];
}

describe('Vị trí in phôi, read', () => {
  it('reads the default rows of both forms; rows with In = Không are left out', () => {
    const read = readPreprinted(grid());
    expect(read.problems).toEqual([]);
    const printed = PREPRINTED_DEFAULTS.filter((d) => d.print).length;
    expect(read.layout.get('meritCertificate')).toHaveLength(printed);
    expect(read.layout.get('honorCertificate')).toHaveLength(printed);
    const ten = read.layout.get('meritCertificate')?.find((f) => f.content.includes('{{ten}}'));
    expect(ten).toMatchObject({
      x: 40,
      y: 88,
      width: 217,
      height: 12,
      align: 'center',
      size: 20,
      bold: true,
      row: 3,
    });
  });

  it('accepts a decimal comma and names the cell of a bad number, an unknown form, alignment or field', () => {
    const read = readPreprinted(
      grid((rows) => {
        (rows[1] as unknown[])[col('x')] = '40,5';
        (rows[2] as unknown[])[col('y')] = 'một trăm';
        (rows[3] as unknown[])[col('form')] = 'Huân chương';
        (rows[4] as unknown[])[col('align')] = 'Lệch';
        (rows[5] as unknown[])[col('content')] = '{{ngay_ky|ngay}} {{chu_ky}}';
      }),
    );
    expect(read.layout.get('meritCertificate')?.find((f) => f.row === 3)?.x).toBe(40.5);
    expect(read.problems).toEqual(
      expect.arrayContaining([
        `Trang "Vị trí in phôi", ô ${letter('y')}4: cần một số từ 0 đến 210.`,
        `Trang "Vị trí in phôi", ô ${letter('form')}5: chưa rõ mẫu "Huân chương" (ghi Giấy khen hoặc Bằng khen).`,
        `Trang "Vị trí in phôi", ô ${letter('align')}6: ghi Trái, Giữa hoặc Phải.`,
        expect.stringContaining(`ô ${letter('content')}7: không có trường {{chu_ky}}`),
      ]),
    );
  });

  it('refuses a box too low for one line of its size, or past the right edge', () => {
    const read = readPreprinted(
      grid((rows) => {
        (rows[1] as unknown[])[col('height')] = 5; // 20 pt needs 8.1 mm
        (rows[2] as unknown[])[col('x')] = 100;
        (rows[2] as unknown[])[col('width')] = 217;
      }),
    );
    expect(read.problems).toEqual([
      expect.stringMatching(
        new RegExp(`ô ${letter('height')}3: cao 5 mm không đủ cho một dòng chữ cỡ 20`),
      ),
      expect.stringMatching(new RegExp(`ô ${letter('width')}4: ô chữ vượt mép phải tờ giấy`)),
    ]);
  });

  it('reports a missing required column by its header', () => {
    const headers = headerValues(PREPRINTED_LAYOUT).filter((h) => h !== 'Cao (mm)');
    expect(readPreprinted([headers]).problems).toEqual([
      'Trang "Vị trí in phôi" thiếu cột "Cao (mm)".',
    ]);
  });
});

describe('bands', () => {
  it('groups fields whose boxes overlap vertically, left to right', () => {
    const { bands, problems } = layoutBands(merit(), { x: 0, y: 0 });
    expect(problems).toEqual([]);
    const texts = bands.map((b) => b.boxes.map((x) => x.field.content));
    expect(texts).toContainEqual([
      'Quyết định số {{so_qd}} {{ngay_qd|ngay}}',
      '{{chuc_vu_nguoi_ky|hoa}}',
    ]);
    for (let i = 1; i < bands.length; i++)
      expect(bands[i]?.top).toBeGreaterThanOrEqual((bands[i - 1]?.bottom ?? 0) - 1e-6);
  });

  it('names two rows whose boxes overlap, and a box the offset pushes off the paper', () => {
    const fields = merit();
    const moved = fields.map((f) =>
      f.content === '{{noi}}, {{ngay_ky|ngay}}' ? { ...f, y: 88, x: 100 } : f,
    );
    expect(layoutBands(moved, { x: 0, y: 0 }).problems).toEqual([
      expect.stringMatching(/dòng 3 và dòng 7: hai ô chữ chồng lên nhau/),
    ]);
    const low = layoutBands(fields, { x: 0, y: 210 - 194 - BOTTOM_GUARD_MM + 1 });
    expect(low.problems).toEqual([expect.stringMatching(/dòng 11: sau khi cộng độ lệch/)]);
  });
});

describe('the page, as a DocSpec', () => {
  it('has margins 0 on landscape A4 and only the fields: no national title, motto or form name', () => {
    const spec = preprintedDocSpec('In', merit(), { x: 0, y: 0 }, [RECORD]);
    expect(spec.page).toEqual(PREPRINTED_PAGE);
    const all = placedTexts(spec)
      .map((t) => t.text)
      .join('\n');
    expect(all).not.toMatch(/CỘNG HÒA|Độc lập|GIẤY KHEN/);
    expect(all).toContain('Bà Nguyễn Thị Hoa');
    expect(all).not.toContain('Ông/Bà');
    expect(all).toContain('Hà Nội, ngày 19 tháng 01 năm 2023');
    expect(all).toContain('CHỦ TỊCH');
  });

  it.each([[{ x: 0, y: 0 }], [{ x: 2.5, y: -1.5 }], [{ x: -3, y: 4 }]])(
    'puts every field at its millimetres plus the offset %j, on every page',
    (offset) => {
      const fields = merit();
      const records = [
        RECORD,
        { ...RECORD, ten: 'Lê Văn Nam', ca_nhan: false, danh_xung: '' },
        RECORD,
      ];
      const spec = preprintedDocSpec('In', fields, offset, records);
      const placed = placedTexts(spec);
      for (let page = 1; page <= 3; page++) {
        const onPage = placed.filter((p) => p.page === page);
        expect(onPage).toHaveLength(fields.length);
        for (const field of fields) {
          const text = fieldText(field, records[page - 1] as TemplateRecord);
          const at = onPage.find((p) => p.text === text);
          expect(at).toBeDefined();
          expect(Math.abs((at?.left ?? 0) - (field.x + offset.x))).toBeLessThan(0.01);
          expect(Math.abs((at?.top ?? 0) - (field.y + offset.y))).toBeLessThan(0.01);
          expect(Math.abs((at?.width ?? 0) - field.width)).toBeLessThan(0.01);
          expect(at?.align).toBe(field.align);
        }
      }
      // Page breaks between pages only; each page within the paper.
      const breaks = spec.blocks.filter((b) => b.kind === 'paragraph' && b.pageBreak === true);
      expect(breaks).toHaveLength(2);
      const perPage = spec.blocks.length / 3;
      const height = spec.blocks
        .slice(0, perPage)
        .reduce((h, b) => h + (b.kind === 'table' ? (b.rowHeights?.[0] ?? 0) : 1.15), 0);
      expect(height).toBeLessThanOrEqual(PREPRINTED_PAGE.height - BOTTOM_GUARD_MM * PT_PER_MM + 1);
    },
  );

  it('fills each band table across the page width, field cells padded 0 left and right', () => {
    const spec = preprintedDocSpec('In', merit(), { x: 0, y: 0 }, [RECORD]);
    for (const block of spec.blocks) {
      if (block.kind !== 'table') continue;
      expect(block.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(PREPRINTED_PAGE.width, 1);
      expect(block.borders).toBe(false);
      // Field cells are padded 0 left and right; gaps keep Docs' default (they hold no text).
      for (const c of block.rows[0] ?? []) {
        const text = c.paragraphs[0]?.runs.map((r) => r.text).join('') ?? '';
        if (text !== '') expect([c.padding?.left, c.padding?.right]).toEqual([0, 0]);
        else expect(c.padding).toBeUndefined();
      }
    }
  });
});

describe('the calibration page', () => {
  it('is a 10 mm grid labelled in mm from the paper edge, 20 rows, across the page', () => {
    const table: TableSpec = gridTable();
    expect(table.rows).toHaveLength(20);
    expect(table.widths[0]).toBeCloseTo(10 * PT_PER_MM, 1);
    expect(table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(PREPRINTED_PAGE.width, 0);
    expect(table.rows[0]?.[10]?.paragraphs[0]?.runs[0]?.text).toBe('100');
    expect(table.rows[15]?.[0]?.paragraphs[0]?.runs[0]?.text).toBe('150');
    // Empty cells keep appendTable's paragraph: the grid stays one batch of edits.
    expect(blockEdits(table)).toBeLessThan(110);
  });

  it('puts a "+" marker at each field top-left corner with the offset, one page per form', () => {
    const fields = merit();
    const spec = calibrationDocSpec(
      'Căn chỉnh',
      [
        { form: 'Giấy khen', fields },
        { form: 'Bằng khen', fields: [] },
      ],
      { x: 1, y: 2 },
    );
    const placed = placedTexts(spec).filter((p) => p.text.startsWith('+ '));
    expect(placed).toHaveLength(fields.length);
    for (const field of fields) {
      const at = placed.find((p) => p.text === markerText(field, { x: 1, y: 2 }, 'Giấy khen'));
      expect(at?.page).toBe(2);
      expect(at?.align).toBe('left');
      expect(Math.abs((at?.left ?? 0) - field.x - 1)).toBeLessThan(0.01);
      expect(Math.abs((at?.top ?? 0) - field.y - 2)).toBeLessThan(0.01);
    }
    expect(markerText(fields[0] as PreprintedField, { x: 1, y: 2 }, 'Giấy khen')).toBe(
      '+ {{#if danh_xung}}{{danh_xung}} {{/if}}{{ten}} (41; 90) – Giấy khen',
    );
  });
});
