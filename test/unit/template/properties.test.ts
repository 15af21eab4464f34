import fc from 'fast-check';
import {
  parseDocShape,
  parseTemplate,
  planMerge,
  renderText,
  shapeLines,
  simulateOps,
} from '../../../src/core/template';
import type { BlockShape, DocShape, TemplateRecord } from '../../../src/core/template';

/** Text that contains no "{{" or "}}". */
const plainText = fc
  .string()
  .filter((s) => !s.includes('{{') && !s.includes('}}') && !s.endsWith('{') && !s.startsWith('}'));
const braceSoup = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '{{',
      '}}',
      '#',
      '/',
      '|',
      ':',
      'a',
      'b',
      ' ',
      'if',
      'else',
      '@index',
      'so',
      'ngay',
      '.',
      'tên',
      '\n',
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));
const names = fc.constantFrom('a', 'b', 'c', 'items');

function p(text: string): BlockShape {
  return { kind: 'paragraph', runs: text === '' ? [] : [{ text, attrs: 'n', child: 0 }] };
}

describe('template properties', () => {
  it('parse never throws, on arbitrary strings and on brace soup; a parse that succeeds renders without "{{"', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), braceSoup), (source) => {
        const parsed = parseTemplate(source);
        if (parsed.ok) {
          const out = renderText(parsed.template, {}).text;
          // Only text the template itself held can contain braces; tags never survive.
          return !out.includes('{{') || source.replace(/\{\{[^{}]*\}\}/g, '').includes('{{');
        }
        return parsed.errors.length > 0 && parsed.errors.every((e) => e.message.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('document parsing never throws either', () => {
    fc.assert(
      fc.property(fc.array(braceSoup, { maxLength: 6 }), (texts) => {
        const shape: DocShape = {
          blocks: [
            ...texts.map(p),
            {
              kind: 'table',
              rows: [{ cells: texts.slice(0, 3).map((t) => ({ blocks: [p(t)] })) }],
            },
            p(''),
          ],
        };
        const parsed = parseDocShape(shape);
        if (!parsed.ok) return parsed.errors.length > 0;
        const plan = planMerge(parsed.template, {});
        simulateOps(shape, plan.ops);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('a template without tags renders unchanged', () => {
    fc.assert(
      fc.property(plainText, (source) => {
        const parsed = parseTemplate(source);
        return parsed.ok && renderText(parsed.template, { a: 1 }).text === source;
      }),
    );
  });

  it('every placeholder is either replaced or reported', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', 'x', ', '),
      names.map((n) => `{{${n}}}`),
      names.map((n) => `{{ ${n}|hoa }}`),
    );
    const value = fc.constantFrom<TemplateRecord[string]>('V', '', null, 7);
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.dictionary(names, value),
        (pieces, data) => {
          const source = pieces.join('');
          const parsed = parseTemplate(source);
          if (!parsed.ok) return false;
          const { text, issues } = renderText(parsed.template, data);
          const tags = pieces.filter((x) => x.startsWith('{{')).length;
          const printed = (text.match(/V|7/g) ?? []).length;
          return !text.includes('{{') && printed + issues.length === tags;
        },
      ),
    );
  });

  it('repeats produce exactly N copies for N items: inline, paragraphs, table rows', () => {
    const parsedText = parseTemplate('{{#items}}[{{@index}}]{{/items}}');
    if (!parsedText.ok) throw new Error('parse');
    const shape: DocShape = {
      blocks: [
        p('Trước'),
        p('{{#items}}'),
        p('Mục {{@index}}'),
        p('{{/items}}'),
        {
          kind: 'table',
          rows: [
            { cells: [{ blocks: [p('STT')] }, { blocks: [p('Tên')] }] },
            {
              cells: [
                { blocks: [p('{{#items}}{{@index}}')] },
                { blocks: [p('{{name}}{{/items}}')] },
              ],
            },
          ],
        },
        p('Sau'),
      ],
    };
    const parsedDoc = parseDocShape(shape);
    if (!parsedDoc.ok) throw new Error('parse');
    fc.assert(
      fc.property(fc.nat({ max: 30 }), (n) => {
        const items = Array.from({ length: n }, (_, i) => ({ name: `T${String(i)}` }));
        const text = renderText(parsedText.template, { items }).text;
        const lines = shapeLines(
          simulateOps(shape, planMerge(parsedDoc.template, { items }).ops).blocks,
        );
        const expectedText = items.map((_, i) => `[${String(i + 1)}]`).join('');
        const paragraphs = lines.filter((l) => l.startsWith('Mục '));
        const rows = lines.filter((l) => / \| T\d+$/.test(l));
        const table =
          n === 0
            ? ['STT | Tên']
            : ['STT | Tên', ...items.map((it, i) => `${String(i + 1)} | ${it.name}`)];
        return (
          text === expectedText &&
          paragraphs.length === n &&
          rows.length === n &&
          JSON.stringify(lines) ===
            JSON.stringify([
              'Trước',
              ...items.map((_, i) => `Mục ${String(i + 1)}`),
              ...table,
              'Sau',
            ])
        );
      }),
      { numRuns: 40 },
    );
  });
});
