import { parseTemplate, placeholders, tokenize } from '../../../src/core/template';

function errors(source: string): string[] {
  const result = parseTemplate(source, 'Tên tệp');
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('parseTemplate: accepted syntax', () => {
  it('reads fields, dotted paths, formatters with arguments, whitespace inside braces', () => {
    const result = parseTemplate('{{ unit.name | hoa }} {{date|noingay: Hà Nội }} {{x|so:2}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fields = result.template.nodes.filter((n) => n.kind === 'field');
    expect(fields).toEqual([
      expect.objectContaining({
        path: ['unit', 'name'],
        formatters: [{ name: 'hoa', arg: undefined }],
      }),
      expect.objectContaining({ path: ['date'], formatters: [{ name: 'noingay', arg: 'Hà Nội' }] }),
      expect.objectContaining({ path: ['x'], formatters: [{ name: 'so', arg: '2' }] }),
    ]);
  });

  it('builds nested sections and conditionals with else', () => {
    const result = parseTemplate('{{#items}}{{#if ok}}a{{else}}b{{/if}}{{@index}}{{/items}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [section] = result.template.nodes;
    expect(section).toMatchObject({ kind: 'section', path: ['items'] });
    if (section?.kind !== 'section') return;
    expect(section.children[0]).toMatchObject({
      kind: 'if',
      path: ['ok'],
      then: [{ kind: 'text', text: 'a' }],
      otherwise: [{ kind: 'text', text: 'b' }],
    });
  });

  it('treats the extra brace of "{{{x}}" as text', () => {
    const { tokens, errors: errs } = tokenize('{{{x}}');
    expect(errs).toEqual([]);
    expect(tokens.map((t) => (t.kind === 'text' ? t.text : t.raw))).toEqual(['{', '{{x}}']);
  });

  it('lists placeholders once each, with their enclosing sections', () => {
    const result = parseTemplate('{{a}} {{a}} {{#if b}}{{#list}}{{c.d}}{{/list}}{{/if}}');
    if (!result.ok) throw new Error('parse');
    expect(placeholders(result.template)).toEqual([
      { kind: 'field', path: 'a', within: [] },
      { kind: 'if', path: 'b', within: [] },
      { kind: 'section', path: 'list', within: [] },
      { kind: 'field', path: 'c.d', within: ['list'] },
    ]);
  });
});

describe('parseTemplate: errors with positions', () => {
  it.each([
    ['{{name', 'unterminated-tag'],
    ['name}}', 'stray-braces'],
    ['{{ }}', 'empty-tag'],
    ['{{#}}', 'empty-tag'],
    ['{{#if}}x{{/if}}', 'empty-tag'],
    ['{{tên}}', 'bad-name'],
    ['{{1abc}}', 'bad-name'],
    ['{{a..b}}', 'bad-name'],
    ['{{a|dep}}', 'unknown-formatter'],
    ['{{a|hoa:1}}', 'bad-formatter-argument'],
    ['{{a|so:x}}', 'bad-formatter-argument'],
    ['{{a|so:21}}', 'bad-formatter-argument'],
    ['{{a|noingay}}', 'bad-formatter-argument'],
    ['{{#a}}x', 'unclosed-section'],
    ['x{{/a}}', 'unexpected-close'],
    ['{{#a}}{{/b}}', 'mismatched-close'],
    ['{{else}}', 'else-outside-if'],
    ['{{#if a}}{{else}}{{else}}{{/if}}', 'duplicate-else'],
    ['{{@index}}', 'index-outside-section'],
    ['{{#a}}x{{/if}}', 'mismatched-close'],
  ])('%s → %s', (source, code) => {
    expect(errors(source)).toContain(code);
  });

  it('reports crossed sections and names the position of both tags', () => {
    const result = parseTemplate('{{#a}}{{#b}}{{/a}}{{/b}}', 'Tên tệp');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const crossed = result.errors.find((e) => e.code === 'mismatched-close');
    expect(crossed?.offset).toBe(12);
    expect(crossed?.message).toBe(
      'Tên tệp, ký tự 13: thẻ đóng {{/a}} không khớp với thẻ mở {{#b}} (ký tự 7); các khối phải lồng nhau, không được chéo nhau.',
    );
  });

  it('gives line and column in text with line breaks', () => {
    const result = parseTemplate('dòng một\nxin chào {{ten|abc}}', 'Thư');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.where).toBe('Thư, dòng 2, ký tự 10');
  });

  it('reports every error, in order of position', () => {
    const result = parseTemplate('{{a|x}} {{tên}} {{#b}}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.offset)).toEqual([0, 8, 16]);
  });
});
