import { parseDocShape, planMerge, shapeLines, simulateOps } from '../../../src/core/template';
import type {
  BlockShape,
  DocShape,
  DocTemplate,
  ParagraphShape,
  TemplateRecord,
} from '../../../src/core/template';

/** A paragraph from runs: "text" (attrs "n") or ["text", "attrs"]. */
function p(...runs: (string | [string, string])[]): ParagraphShape {
  return {
    kind: 'paragraph',
    runs: runs.map((r) =>
      typeof r === 'string'
        ? { text: r, attrs: 'n', child: 0 }
        : { text: r[0], attrs: r[1], child: 0 },
    ),
  };
}
const cell = (...blocks: BlockShape[]) => ({ blocks });
const row = (...cells: ReturnType<typeof cell>[]) => ({ cells });
const table = (...rows: ReturnType<typeof row>[]): BlockShape => ({ kind: 'table', rows });

function parse(shape: DocShape): DocTemplate {
  const parsed = parseDocShape(shape, 'Mẫu thử');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.template;
}

function merge(shape: DocShape, data: TemplateRecord) {
  const plan = planMerge(parse(shape), data);
  const out = simulateOps(shape, plan.ops);
  return { plan, out, lines: shapeLines(out.blocks) };
}

function errorsOf(shape: DocShape): string[] {
  const parsed = parseDocShape(shape, 'Mẫu thử');
  return parsed.ok ? [] : parsed.errors.map((e) => e.code);
}

describe('placeholders split across runs', () => {
  const shape: DocShape = {
    blocks: [
      p(['Kính gửi: ', 'plain'], ['{{ten_', 'bold'], ['don_vi}}', 'italic'], ['.', 'plain']),
    ],
  };

  it('replaces the placeholder computed on the paragraph text, in the first run’s formatting', () => {
    const { plan, out, lines } = merge(shape, { ten_don_vi: 'UBND quận Ba Đình' });
    expect(lines).toEqual(['Kính gửi: UBND quận Ba Đình.']);
    expect(plan.ops).toEqual([
      {
        op: 'replace',
        container: [],
        block: 0,
        child: 0,
        start: 10,
        end: 23,
        text: 'UBND quận Ba Đình',
      },
    ]);
    const runs = out.blocks[0]?.kind === 'paragraph' ? out.blocks[0].runs : [];
    expect(runs.map((r) => [r.text, r.attrs])).toEqual([
      ['Kính gửi: ', 'plain'],
      ['UBND quận Ba Đình', 'bold'],
      ['.', 'plain'],
    ]);
  });

  it('orders replacements in one paragraph from the last to the first', () => {
    const { plan, lines } = merge({ blocks: [p('{{a}} và {{b}}')] }, { a: 'A', b: 'B' });
    expect(lines).toEqual(['A và B']);
    expect(plan.ops.map((o) => (o.op === 'replace' ? o.start : -1))).toEqual([9, 0]);
  });

  it('keeps text around an inline if in its own formatting', () => {
    const shape2: DocShape = {
      blocks: [
        p(['{{#if ong}}', 'n'], ['Ông', 'b'], ['{{else}}Bà{{/if}} ', 'n'], ['{{ten}}', 'i']),
      ],
    };
    const { out, lines } = merge(shape2, { ong: true, ten: 'Nguyễn Văn A' });
    expect(lines).toEqual(['Ông Nguyễn Văn A']);
    const runs = out.blocks[0]?.kind === 'paragraph' ? out.blocks[0].runs : [];
    expect(runs.find((r) => r.text === 'Ông')?.attrs).toBe('b');
    expect(merge(shape2, { ong: false, ten: 'Trần Thị B' }).lines).toEqual(['Bà Trần Thị B']);
  });

  it('works on the Text child that holds the tag when images split the paragraph', () => {
    const shape3: DocShape = {
      blocks: [
        {
          kind: 'paragraph',
          runs: [
            { text: 'Logo ', attrs: 'n', child: 0 },
            { text: '{{a}} x', attrs: 'n', child: 2 },
          ],
        },
      ],
    };
    const { plan } = merge(shape3, { a: 'A' });
    expect(plan.ops).toEqual([
      { op: 'replace', container: [], block: 0, child: 2, start: 0, end: 4, text: 'A' },
    ]);
    const across: DocShape = {
      blocks: [
        {
          kind: 'paragraph',
          runs: [
            { text: '{{#if a}}x', attrs: 'n', child: 0 },
            { text: 'y{{/if}}', attrs: 'n', child: 2 },
          ],
        },
      ],
    };
    expect(errorsOf(across)).toEqual(['tag-across-elements']);
  });
});

describe('repeated paragraphs', () => {
  const shape: DocShape = {
    blocks: [
      p('Đầu'),
      p('{{#units}}'),
      p('{{@index}}. {{name}}'),
      p('{{#members}}'),
      p('   – {{name}} ({{units_name}})'),
      p('{{/members}}'),
      p('{{/units}}'),
      p('Cuối'),
    ],
  };
  const data: TemplateRecord = {
    units_name: 'cụm 1',
    units: [
      { name: 'Ba Đình', members: [{ name: 'An' }, { name: 'Bình' }] },
      { name: 'Đống Đa', members: [] },
      { name: 'Hoàn Kiếm', members: [{ name: 'Chi' }] },
    ],
  };

  it('repeats the paragraphs between standalone tags per item, nested, and removes the tags', () => {
    expect(merge(shape, data).lines).toEqual([
      'Đầu',
      '1. Ba Đình',
      '   – An (cụm 1)',
      '   – Bình (cụm 1)',
      '2. Đống Đa',
      '3. Hoàn Kiếm',
      '   – Chi (cụm 1)',
      'Cuối',
    ]);
  });

  it('makes exactly N copies and removes the block for no items', () => {
    expect(merge(shape, { units_name: '', units: [] }).lines).toEqual(['Đầu', 'Cuối']);
    const plan = planMerge(parse(shape), data);
    const repeat = plan.body.steps.find((s) => s.kind === 'repeat');
    expect(repeat?.kind === 'repeat' && repeat.copies.length).toBe(3);
  });

  it('keeps a paragraph that starts with the open tag and one that ends with the close tag', () => {
    const s: DocShape = {
      blocks: [p('{{#items}}Tên: {{name}}'), p('Điểm: {{score|so}}{{/items}}')],
    };
    expect(
      merge(s, {
        items: [
          { name: 'A', score: 9.5 },
          { name: 'B', score: 8 },
        ],
      }).lines,
    ).toEqual(['Tên: A', 'Điểm: 9,5', 'Tên: B', 'Điểm: 8']);
  });

  it('copies a table inside a repeated block, with the item visible in its cells', () => {
    const s: DocShape = {
      blocks: [
        p('{{#units}}'),
        p('{{name}}'),
        table(row(cell(p('Trưởng: {{head}}')))),
        p('{{/units}}'),
        p(''),
      ],
    };
    expect(
      merge(s, {
        units: [
          { name: 'A', head: 'Ông X' },
          { name: 'B', head: 'Bà Y' },
        ],
      }).lines,
    ).toEqual(['A', 'Trưởng: Ông X', 'B', 'Trưởng: Bà Y', '']);
  });
});

describe('conditionals spanning paragraphs', () => {
  const shape: DocShape = {
    blocks: [
      p('Căn cứ:'),
      p('{{#if plan}}'),
      p('Kế hoạch số {{plan}};'),
      p('Ghi chú.'),
      p('{{else}}'),
      p('(chưa có kế hoạch)'),
      p('{{/if}}'),
      p('Hết.'),
    ],
  };

  it('keeps the then-branch and drops the else-branch and all tag paragraphs', () => {
    expect(merge(shape, { plan: '20/KH-UBND' }).lines).toEqual([
      'Căn cứ:',
      'Kế hoạch số 20/KH-UBND;',
      'Ghi chú.',
      'Hết.',
    ]);
  });

  it('keeps the else-branch when false', () => {
    expect(merge(shape, { plan: '' }).lines).toEqual(['Căn cứ:', '(chưa có kế hoạch)', 'Hết.']);
  });

  it('clears rather than removes the last paragraph of the body (Docs keeps one)', () => {
    const s: DocShape = { blocks: [p('A'), p('{{#if x}}'), p('B'), p('{{/if}}')] };
    const { plan, lines } = merge(s, { x: false });
    expect(lines).toEqual(['A', '']);
    expect(plan.ops).toEqual([
      { op: 'clearBlock', container: [], block: 3 },
      { op: 'removeBlock', container: [], block: 2 },
      { op: 'removeBlock', container: [], block: 1 },
    ]);
  });

  it('mixes: an if inside a repeat, a repeat inside an if', () => {
    const s: DocShape = {
      blocks: [
        p('{{#if show}}'),
        p('{{#items}}'),
        p('{{#if flag}}{{name}}: cờ{{/if}}'),
        p('{{/items}}'),
        p('{{/if}}'),
        p('.'),
      ],
    };
    const data = {
      show: true,
      items: [
        { name: 'A', flag: true },
        { name: 'B', flag: false },
      ],
    };
    expect(merge(s, data).lines).toEqual(['A: cờ', '', '.']);
    expect(merge(s, { ...data, show: false }).lines).toEqual(['.']);
  });
});

describe('repeated table rows', () => {
  const shape: DocShape = {
    blocks: [
      p('Danh sách'),
      table(
        row(cell(p('STT')), cell(p('Đơn vị')), cell(p('Điểm'))),
        row(
          cell(p('{{#rows}}{{@index}}')),
          cell(p(['{{name|hoa}}', 'b'])),
          cell(p('{{score|so:2}}{{/rows}}')),
        ),
        row(cell(p('Tổng')), cell(p('')), cell(p('{{total|so}}'))),
      ),
      p(''),
    ],
  };
  const data: TemplateRecord = {
    rows: [
      { name: 'Ba Đình', score: 98.5 },
      { name: 'Đống Đa', score: 97 },
      { name: 'Long Biên', score: 95.25 },
    ],
    total: 290.75,
  };

  it('repeats the row per item, with every cell seeing the item', () => {
    const { lines, plan } = merge(shape, data);
    expect(lines).toEqual([
      'Danh sách',
      'STT | Đơn vị | Điểm',
      '1 | BA ĐÌNH | 98,50',
      '2 | ĐỐNG ĐA | 97,00',
      '3 | LONG BIÊN | 95,25',
      'Tổng |  | 290,75',
      '',
    ]);
    expect(plan.ops.filter((o) => o.op === 'copyRow')).toHaveLength(2);
    expect(plan.issues).toEqual([]);
  });

  it('removes the row for no items and the whole table when no row is left', () => {
    expect(merge(shape, { rows: [], total: 0 }).lines).toEqual([
      'Danh sách',
      'STT | Đơn vị | Điểm',
      'Tổng |  | 0',
      '',
    ]);
    const only: DocShape = {
      blocks: [table(row(cell(p('{{#rows}}{{a}}')), cell(p('{{/rows}}')))), p('')],
    };
    const { plan, lines } = merge(only, { rows: [] });
    expect(lines).toEqual(['']);
    expect(plan.ops).toEqual([{ op: 'removeBlock', container: [], block: 0 }]);
  });

  it('keeps or drops a row with a row-level if', () => {
    const s: DocShape = {
      blocks: [table(row(cell(p('a'))), row(cell(p('{{#if x}}b')), cell(p('c{{/if}}')))), p('')],
    };
    expect(merge(s, { x: true }).lines).toEqual(['a', 'b | c', '']);
    expect(merge(s, { x: false }).lines).toEqual(['a', '']);
  });

  it('repeats paragraphs inside a cell of a repeated row (nested repeats)', () => {
    const s: DocShape = {
      blocks: [
        table(
          row(
            cell(p('{{#units}}{{name}}')),
            cell(p('{{#members}}'), p('{{name}}'), p('{{/members}}'), p('{{/units}}')),
          ),
        ),
        p(''),
      ],
    };
    const data2 = {
      units: [
        { name: 'U1', members: [{ name: 'a' }, { name: 'b' }] },
        { name: 'U2', members: [] },
      ],
    };
    expect(merge(s, data2).lines).toEqual(['U1 | a / b / ', 'U2 | ', '']);
  });

  it('edits each copied row right after inserting it, below the original (bottom-up)', () => {
    const { plan } = merge(shape, data);
    const trace = plan.ops.map((o) =>
      o.op === 'copyRow'
        ? `copy ${String(o.from)}→${String(o.to)}`
        : o.op === 'replace'
          ? `edit ${String(o.container[1])}`
          : o.op,
    );
    const compact = trace.filter((t, i) => t !== trace[i - 1]);
    // The total row (2) first, then copies 3 and 2 inserted at row 2, then the original row 1.
    expect(compact).toEqual(['edit 2', 'copy 1→2', 'edit 2', 'copy 1→2', 'edit 2', 'edit 1']);
  });
});

describe('unknown placeholders', () => {
  it('are reported with their place and never printed', () => {
    const s: DocShape = {
      blocks: [
        p('Kính gửi {{ten_don_vj}}.'),
        table(row(cell(p('{{#if khong_co}}x')), cell(p('{{/if}}')))),
      ],
    };
    const { plan, lines } = merge(s, { ten_don_vi: 'A' });
    expect(lines).toEqual(['Kính gửi .']);
    expect(plan.issues.map((i) => [i.code, i.tag, i.where])).toEqual([
      ['unknown-field', '{{ten_don_vj}}', 'Mẫu thử, đoạn "Kính gửi {{ten_don_vj}}."'],
      ['unknown-field', '{{#if khong_co}}', 'Mẫu thử, bảng 1, hàng 1, ô 1'],
    ]);
    expect(lines.join('\n')).not.toContain('{{');
  });
});

describe('structure errors', () => {
  it.each([
    [
      'a block tag in the middle of a paragraph',
      [p('x {{#a}} y'), p('{{/a}}')],
      'misplaced-block-tag',
    ],
    [
      'a block else with text',
      [p('{{#if a}}'), p('x{{else}}'), p('{{/if}}')],
      'misplaced-block-tag',
    ],
    ['an unclosed block', [p('{{#a}}'), p('x')], 'unclosed-section'],
    ['crossed blocks', [p('{{#a}}'), p('{{#b}}'), p('{{/a}}'), p('{{/b}}')], 'mismatched-close'],
    ['a bad tag', [p('{{x|y}}')], 'unknown-formatter'],
    [
      'a row if with else',
      [table(row(cell(p('{{#if a}}x{{else}}')), cell(p('y{{/if}}'))))],
      'misplaced-block-tag',
    ],
    [
      'a table tag closed outside the table',
      [table(row(cell(p('{{#a}}')))), p('{{/a}}')],
      'unclosed-section',
    ],
    ['@index outside a list', [p('{{@index}}')], 'index-outside-section'],
  ])('%s', (_name, blocks, code) => {
    expect(errorsOf({ blocks })).toContain(code);
  });

  it('names the cell of an error inside a table', () => {
    const parsed = parseDocShape(
      { blocks: [p('x'), table(row(cell(p('a')), cell(p('{{b|c}}'))))] },
      'Giấy khen',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]?.message).toMatch(
      /^Giấy khen, bảng 1, hàng 1, ô 2, đoạn "\{\{b\|c\}\}": không có định dạng "c"/,
    );
  });

  it('refuses to repeat an element it cannot copy', () => {
    expect(
      errorsOf({
        blocks: [p('{{#a}}'), { kind: 'other', type: 'TABLE_OF_CONTENTS' }, p('{{/a}}')],
      }),
    ).toEqual(['cannot-repeat']);
  });
});
