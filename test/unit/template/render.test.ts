import {
  parseTemplate,
  renderFileName,
  renderText,
  sanitizeFileName,
  uniqueNames,
} from '../../../src/core/template';
import type { TemplateRecord } from '../../../src/core/template';

function render(source: string, data: TemplateRecord): { text: string; issues: string[] } {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const result = renderText(parsed.template, data);
  return { text: result.text, issues: result.issues.map((i) => `${i.code} ${i.path}`) };
}

describe('formatters', () => {
  it.each([
    ['{{d|ngay}}', { d: { year: 2020, month: 1, day: 5 } }, 'ngày 05 tháng 01 năm 2020'],
    ['{{d|ngay}}', { d: { year: 2023, month: 3, day: 15 } }, 'ngày 15 tháng 3 năm 2023'],
    ['{{d|ngay}}', { d: '05/01/2020' }, 'ngày 05 tháng 01 năm 2020'],
    // 2020-01-04T17:00Z is 5 January in Vietnam (UTC+7).
    ['{{d|ngay}}', { d: new Date(Date.UTC(2020, 0, 4, 17)) }, 'ngày 05 tháng 01 năm 2020'],
    ['{{d|ngayngan}}', { d: { year: 2020, month: 1, day: 5 } }, '05/01/2020'],
    ['{{d}}', { d: { year: 2020, month: 1, day: 5 } }, '05/01/2020'],
    ['{{d|noingay:Hà Nội}}', { d: '5/1/2020' }, 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['{{t|hoa}}', { t: 'ủy ban nhân dân quận đống đa' }, 'ỦY BAN NHÂN DÂN QUẬN ĐỐNG ĐA'],
    ['{{n|so}}', { n: 9.5 }, '9,5'],
    ['{{n|so}}', { n: 2505 }, '2.505'],
    ['{{n|so:2}}', { n: 9.5 }, '9,50'],
    ['{{n|so:0}}', { n: 9.5 }, '10'],
    ['{{n|so:1}}', { n: '9,46' }, '9,5'],
    ['{{n}}', { n: 2023 }, '2023'],
    ['{{n}}', { n: 9.25 }, '9,25'],
    ['{{n|so_vb}}', { n: 5 }, '05'],
    ['{{n|so_vb}}', { n: '163' }, '163'],
    ['{{b}}', { b: true }, 'Có'],
    ['{{d|ngay|hoa}}', { d: '05/01/2020' }, 'NGÀY 05 THÁNG 01 NĂM 2020'],
  ])('%s with %j → %s', (source, data, expected) => {
    expect(render(source, data as TemplateRecord)).toEqual({ text: expected, issues: [] });
  });

  it.each([
    ['{{d|ngay}}', { d: 'hôm qua' }],
    ['{{n|so}}', { n: 'mười' }],
    ['{{n|so_vb}}', { n: 2.5 }],
    ['{{n|so_vb}}', { n: 0 }],
    ['{{r}}', { r: { a: 1 } }],
    ['{{l}}', { l: [{ a: 1 }] }],
  ])('%s with %j prints nothing and reports a bad value', (source, data) => {
    expect(render(source, data as TemplateRecord)).toEqual({
      text: '',
      issues: [`bad-value ${source.slice(2).split(/[|}]/)[0] ?? ''}`],
    });
  });
});

describe('renderText', () => {
  const data: TemplateRecord = {
    unit: { name: 'Ba Đình', head: { name: 'Nguyễn Văn A' } },
    year: 2023,
    items: [
      { name: 'Tiêu chí 1', max: 10 },
      { name: 'Tiêu chí 2', max: 7.5 },
    ],
    empty: '',
    none: [],
  };

  it('resolves dotted paths, items first then the outer data, with a 1-based index', () => {
    expect(
      render('{{#items}}{{@index}}. {{name}} ({{max}}) – {{unit.name}}; {{/items}}', data).text,
    ).toBe('1. Tiêu chí 1 (10) – Ba Đình; 2. Tiêu chí 2 (7,5) – Ba Đình; ');
    expect(render('{{unit.head.name}}', data).text).toBe('Nguyễn Văn A');
  });

  it('nests an index per section level', () => {
    const nested: TemplateRecord = { groups: [{ c: [{}, {}] }, { c: [{}] }] };
    expect(render('{{#groups}}[{{@index}}:{{#c}}{{@index}}{{/c}}]{{/groups}}', nested).text).toBe(
      '[1:12][2:1]',
    );
  });

  it('scopes a record section to that record', () => {
    expect(render('{{#unit}}{{name}}{{/unit}}', data).text).toBe('Ba Đình');
  });

  it('applies truthiness: empty text, 0, false, empty list are false', () => {
    const t = '{{#if x}}T{{else}}F{{/if}}';
    for (const [x, expected] of [
      ['', 'F'],
      ['  ', 'F'],
      ['a', 'T'],
      [0, 'F'],
      [2, 'T'],
      [false, 'F'],
      [true, 'T'],
      [[], 'F'],
      [[{}], 'T'],
      [null, 'F'],
    ] as const) {
      expect(render(t, { x: x }).text).toBe(expected);
    }
  });

  it('prints nothing for unknown and empty fields, and reports them', () => {
    expect(render('[{{unit.nam}}][{{empty}}][{{nope}}]', data)).toEqual({
      text: '[][][]',
      issues: ['unknown-field unit.nam', 'missing-field empty', 'unknown-field nope'],
    });
  });

  it('does not fall back to an outer scope half way down a path', () => {
    // items[0] has no "unit", so unit.name comes from the outer data; but an item with a
    // "unit" that lacks "name" must not borrow the outer unit's name.
    const d: TemplateRecord = { unit: { name: 'Ngoài' }, items: [{ unit: { code: 'X' } }] };
    expect(render('{{#items}}{{unit.name}}{{/items}}', d)).toEqual({
      text: '',
      issues: ['unknown-field unit.name'],
    });
  });

  it('reports repeating over text', () => {
    expect(render('{{#unit.name}}x{{/unit.name}}', data).issues).toEqual(['not-a-list unit.name']);
    expect(render('{{#none}}x{{/none}}', data)).toEqual({ text: '', issues: [] });
  });
});

describe('file names', () => {
  it('renders a pattern, strips control characters and path separators, collapses spaces', () => {
    const parsed = parseTemplate('{{unit}} - Giao ước {{year}}', 'Tên tệp');
    if (!parsed.ok) throw new Error('parse');
    expect(renderFileName(parsed.template, { unit: ' Đống\tĐa\u0000 ', year: 2023 })).toEqual({
      name: 'Đống Đa - Giao ước 2023',
      issues: [],
    });
    expect(sanitizeFileName('Số 05/QĐ-UBND\\x')).toBe('Số 05-QĐ-UBND-x');
    expect(sanitizeFileName('Cu\u0300ng')).toBe('Cùng');
    expect(Array.from(sanitizeFileName('ạ'.repeat(300)))).toHaveLength(200);
  });

  it('makes names unique deterministically, ignoring case', () => {
    expect(uniqueNames(['A', 'a', 'B', 'A', 'A (2)'])).toEqual([
      'A',
      'a (2)',
      'B',
      'A (3)',
      'A (2) (2)',
    ]);
  });
});
