import { dryRun, parseDocShape, parseTemplate, placeholders } from '../../../src/core/template';
import type {
  DocTemplate,
  ParagraphShape,
  Template,
  TemplateSchema,
} from '../../../src/core/template';

const p = (text: string): ParagraphShape => ({
  kind: 'paragraph',
  runs: [{ text, attrs: 'n', child: 0 }],
});

function text(source: string, name = 'Tên tệp'): Template {
  const parsed = parseTemplate(source, name);
  if (!parsed.ok) throw new Error('parse');
  return parsed.template;
}

function doc(...paragraphs: string[]): DocTemplate {
  const parsed = parseDocShape({ blocks: paragraphs.map(p) }, 'Giấy khen');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.template;
}

describe('dryRun without a schema', () => {
  const certificate = doc(
    'TẶNG {{hinh_thuc|hoa}}',
    '{{ten_nguoi_nhan}}',
    '{{chuc_vu}}',
    'Quyết định số {{so_qd|so_vb}}',
  );
  const rows = [
    { hinh_thuc: 'Giấy khen', ten_nguoi_nhan: 'Nguyễn Văn A', chuc_vu: 'Chuyên viên', so_qd: 5 },
    { hinh_thuc: 'Giấy khen', ten_nguoi_nhan: 'Trần Thị B', chuc_vu: '', so_qd: 5 },
    { hinh_thuc: 'Bằng khen', ten_nguoi_nhan: 'Phòng Nội vụ', so_qd: 'năm' },
  ];

  it('reports empty fields per record and bad values, in Vietnamese, before anything is created', () => {
    const report = dryRun(certificate, rows, undefined, {
      recordLabel: (i) => `dòng ${String(i + 2)}`,
    });
    expect(report.problems.map((x) => [x.code, x.severity, x.records, x.message])).toEqual([
      [
        'missing-field',
        'warning',
        [1, 2],
        'Giấy khen, đoạn "{{chuc_vu}}": trường {{chuc_vu}} để trống ở dòng 3, dòng 4.',
      ],
      [
        'bad-value',
        'error',
        [2],
        'Giấy khen, đoạn "Quyết định số {{so_qd|so_vb}}": trường {{so_qd|so_vb}} không phải là số văn bản (số nguyên dương) (ở dòng 4).',
      ],
    ]);
    expect(report.ok).toBe(false);
  });

  it('reports a field no record has as unknown, once, with a suggestion', () => {
    const report = dryRun([text('{{ten_nguoi_nhn}} - {{nam}}')], rows);
    expect(report.problems.map((x) => [x.code, x.records, x.message])).toEqual([
      [
        'unknown-field',
        [],
        'Tên tệp, ký tự 1: trường {{ten_nguoi_nhn}} không có trong dữ liệu. Có phải là "ten_nguoi_nhan"?',
      ],
      ['unknown-field', [], 'Tên tệp, ký tự 21: trường {{nam}} không có trong dữ liệu.'],
    ]);
  });

  it('does not call a field unknown when some list items have it', () => {
    const t = text('{{#items}}{{#if note}}{{note}}{{/if}}{{/items}}');
    expect(dryRun(t, { items: [{ note: 'x' }, {}] }).problems).toEqual([]);
  });

  it('lets conditions test empty fields without a warning', () => {
    expect(dryRun(text('{{#if chuc_vu}}, {{chuc_vu}}{{/if}}'), rows).problems).toEqual([]);
  });

  it('summarises a field empty in every record', () => {
    const report = dryRun(text('{{x}}'), [{ x: '' }, { x: null }, { x: '' }]);
    expect(report.problems[0]?.message).toBe(
      'Tên tệp, ký tự 1: trường {{x}} để trống ở tất cả 3 bản ghi.',
    );
    expect(report.ok).toBe(true);
  });
});

describe('dryRun with a schema', () => {
  const schema: TemplateSchema = {
    ten: { label: 'Tên', required: true },
    chuc_vu: { label: 'Chức vụ' },
    thanh_vien: { fields: { ho_ten: { required: true } } },
  };

  it('reports names the schema lacks even with no records yet', () => {
    const report = dryRun(
      text('{{ten}} {{chucvu}} {{#thanh_vien}}{{ho_ten}}{{hoten}}{{/thanh_vien}}'),
      [],
      schema,
    );
    expect(report.problems.map((x) => [x.code, x.path, x.message])).toEqual([
      [
        'unknown-field',
        'chucvu',
        'Tên tệp, ký tự 9: trường {{chucvu}} không có trong dữ liệu. Có phải là "chuc_vu"?',
      ],
      [
        'unknown-field',
        'hoten',
        'Tên tệp, ký tự 45: trường {{hoten}} không có trong dữ liệu. Có phải là "ho_ten"?',
      ],
    ]);
    expect(report.ok).toBe(false);
  });

  it('reports only required fields when empty or absent, as errors', () => {
    const t = text('{{ten}} {{chuc_vu}} {{#thanh_vien}}{{ho_ten}}{{/thanh_vien}}');
    const report = dryRun(
      t,
      [{ ten: '', chuc_vu: '', thanh_vien: [{ ho_ten: 'A' }, {}] }, { chuc_vu: 'x' }],
      schema,
    );
    expect(report.problems.map((x) => [x.code, x.severity, x.path, x.records])).toEqual([
      // Empty in record 0 and absent from record 1: one problem naming both.
      ['missing-field', 'error', 'ten', [0, 1]],
      ['missing-field', 'error', 'ho_ten', [0]],
    ]);
  });

  it('passes clean data', () => {
    const t = text('{{ten}} {{#thanh_vien}}{{@index}}.{{ho_ten}}{{/thanh_vien}}');
    expect(dryRun(t, [{ ten: 'A', thanh_vien: [{ ho_ten: 'B' }] }], schema)).toEqual({
      ok: true,
      problems: [],
    });
  });
});

describe('document templates with tables', () => {
  const parsed = parseDocShape(
    {
      blocks: [
        p('{{#if co_ke_hoach}}Kế hoạch {{so_kh}}{{/if}}'),
        {
          kind: 'table',
          rows: [
            {
              cells: [
                { blocks: [p('{{#tieu_chi}}{{@index}}')] },
                { blocks: [p('{{noi_dung}}'), p('{{diem_toi_da|so}}{{/tieu_chi}}')] },
              ],
            },
          ],
        },
        p(''),
      ],
    },
    'Giao ước',
  );
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const template = parsed.template;

  it('lists placeholders of rows with the row section around the cells', () => {
    expect(placeholders(template)).toEqual([
      { kind: 'if', path: 'co_ke_hoach', within: [] },
      { kind: 'field', path: 'so_kh', within: [] },
      { kind: 'section', path: 'tieu_chi', within: [] },
      { kind: 'field', path: '@index', within: ['tieu_chi'] },
      { kind: 'field', path: 'noi_dung', within: ['tieu_chi'] },
      { kind: 'field', path: 'diem_toi_da', within: ['tieu_chi'] },
    ]);
  });

  it('checks fields in repeated rows against the items and names the cell', () => {
    const report = dryRun(template, {
      co_ke_hoach: true,
      so_kh: '20/KH-UBND',
      tieu_chi: [
        { noi_dung: 'A', diem_toi_da: 10 },
        { noi_dung: 'B', diem_toi_da: 'mười' },
      ],
    });
    expect(report.problems.map((x) => x.message)).toEqual([
      'Giao ước, bảng 1, hàng 1, ô 2, đoạn "{{diem_toi_da|so}}{{/tieu_chi}}": trường {{diem_toi_da|so}} không phải là số (ở bản ghi 1).',
    ]);
  });
});

describe('dryRun with required content (mustUse)', () => {
  const mustUse = [
    { anyOf: ['ten'], what: 'tên người được khen' },
    { anyOf: ['bang', 'tieu_chi'], what: 'danh sách tiêu chí', list: true },
  ];

  it('refuses a template that uses none of a requirement’s fields, naming what to add', () => {
    const report = dryRun(doc('TẶNG {{hinh_thuc}}'), [{ hinh_thuc: 'Giấy khen' }], undefined, {
      mustUse,
    });
    expect(report.ok).toBe(false);
    const absent = report.problems.filter((p) => p.code === 'absent-field');
    expect(absent.map((p) => p.message)).toEqual([
      'Giấy khen: mẫu không có tên người được khen (cần {{ten}}), nên mọi văn bản tạo ra sẽ thiếu nội dung này. Hãy thêm vào mẫu rồi làm lại; chưa tạo văn bản nào.',
      'Giấy khen: mẫu không có danh sách tiêu chí (cần {{#bang}} … {{/bang}} hoặc {{#tieu_chi}} … {{/tieu_chi}}), nên mọi văn bản tạo ra sẽ thiếu nội dung này. Hãy thêm vào mẫu rồi làm lại; chưa tạo văn bản nào.',
    ]);
    expect(absent.every((p) => p.records.length === 0)).toBe(true);
  });

  it('accepts any one of the fields, printed, repeated or only tested', () => {
    const data = [{ ten: 'A', tieu_chi: [{ ma: '1' }] }];
    const used = doc('{{#if ten}}có tên{{/if}}', '{{#tieu_chi}}{{ma}}{{/tieu_chi}}');
    expect(dryRun(used, data, undefined, { mustUse }).problems).toEqual([]);
  });

  it('does not count a nested field of the same name inside another list', () => {
    const nested = doc('{{ten}}', '{{#nhom}}{{tieu_chi}}{{/nhom}}');
    const report = dryRun(nested, [{ ten: 'A', nhom: [{ tieu_chi: 'x' }] }], undefined, {
      mustUse,
    });
    expect(report.problems.map((p) => p.code)).toEqual(['absent-field']);
  });
});
