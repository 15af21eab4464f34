/**
 * The dry run: before any document is created, every placeholder of every template is checked
 * against the data (and a schema, when the caller has one) and each problem is reported once in
 * Vietnamese, with the records it concerns, instead of a document printing nothing.
 */
import type { BlockNode, ContainerTemplate, DocTemplate } from './doc';
import { planMerge } from './plan';
import type { RenderIssue } from './render';
import { renderText, resolvedKey } from './render';
import type { Node, Template } from './syntax';
import { pathText } from './syntax';
import type { TemplateRecord, TemplateValue } from './values';
import { INDEX_FIELD, isRecord } from './values';

export type AnyTemplate = Template | DocTemplate;

/** What the caller knows about its fields, e.g. the columns of the award register. */
export type FieldSpec = {
  /** Vietnamese name, e.g. "Tên đơn vị"; used in messages. */
  readonly label?: string;
  /** An empty value is an error (default: not reported). */
  readonly required?: boolean;
  /** Members of a record or of each item of a list; absent = not described (anything goes). */
  readonly fields?: TemplateSchema;
};
export type TemplateSchema = { readonly [name: string]: FieldSpec };

export type TagUse = {
  readonly kind: 'field' | 'section' | 'if';
  readonly path: readonly string[];
  readonly raw: string;
  readonly where: string;
  /** Enclosing list sections, outermost first. */
  readonly within: readonly (readonly string[])[];
};

/** Visits every tag of a template in document order. */
export function visitTags(template: AnyTemplate, visit: (use: TagUse) => void): void {
  const within: (readonly string[])[] = [];
  const inline = (nodes: readonly Node[], where: (offset: number) => string): void => {
    for (const node of nodes) {
      if (node.kind === 'text') continue;
      if (node.kind === 'field') {
        visit({
          kind: 'field',
          path: node.path,
          raw: node.raw,
          where: where(node.start),
          within: [...within],
        });
      } else if (node.kind === 'if') {
        visit({
          kind: 'if',
          path: node.path,
          raw: node.raw,
          where: where(node.open.start),
          within: [...within],
        });
        inline(node.then, where);
        inline(node.otherwise, where);
      } else {
        visit({
          kind: 'section',
          path: node.path,
          raw: node.raw,
          where: where(node.open.start),
          within: [...within],
        });
        within.push(node.path);
        inline(node.children, where);
        within.pop();
      }
    }
  };
  const blocks = (nodes: readonly BlockNode[]): void => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'para':
          inline(node.inline, () => node.where);
          break;
        case 'other':
          break;
        case 'table':
          for (const row of node.rows) {
            const pushed = row.tags.filter((t) => t.kind === 'section').length;
            for (const tag of row.tags) {
              visit({
                kind: tag.kind,
                path: tag.path,
                raw: tag.raw,
                where: tag.where,
                within: [...within],
              });
              if (tag.kind === 'section') within.push(tag.path);
            }
            row.cells.forEach((cell: ContainerTemplate) => {
              blocks(cell.nodes);
            });
            within.splice(within.length - pushed, pushed);
          }
          break;
        case 'if':
          visit({
            kind: 'if',
            path: node.path,
            raw: node.raw,
            where: node.where,
            within: [...within],
          });
          blocks(node.then);
          blocks(node.otherwise);
          break;
        case 'section':
          visit({
            kind: 'section',
            path: node.path,
            raw: node.raw,
            where: node.where,
            within: [...within],
          });
          within.push(node.path);
          blocks(node.children);
          within.pop();
          break;
      }
    }
  };
  if (template.kind === 'text') {
    inline(template.nodes, (offset) => `${template.name}, ký tự ${String(offset + 1)}`);
  } else {
    blocks(template.body.nodes);
  }
}

export type Placeholder = {
  readonly kind: TagUse['kind'];
  /** Dotted path as written. */
  readonly path: string;
  /** Enclosing list sections, dotted, outermost first. */
  readonly within: readonly string[];
};

/** The fields a template uses, each once, in order of first use. */
export function placeholders(template: AnyTemplate): Placeholder[] {
  const seen = new Set<string>();
  const out: Placeholder[] = [];
  visitTags(template, (use) => {
    const p: Placeholder = {
      kind: use.kind,
      path: pathText(use.path),
      within: use.within.map(pathText),
    };
    const key = `${p.kind}|${p.within.join('>')}|${p.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  });
  return out;
}

type SchemaLookup =
  { readonly kind: 'known'; readonly spec: FieldSpec | null } | { readonly kind: 'unknown' };

/** Looks a path up in the schema with the scopes of the enclosing sections, innermost first. */
function lookupSchema(
  schema: TemplateSchema,
  within: readonly (readonly string[])[],
  path: readonly string[],
): SchemaLookup {
  if (path[0] === INDEX_FIELD) return { kind: 'known', spec: null };
  // Scopes: the schema, then each section's item fields (undefined = not described).
  const scopes: (TemplateSchema | undefined)[] = [schema];
  for (const section of within) {
    const found = lookupSchema(schema, [], section);
    const inner = found.kind === 'known' ? found.spec?.fields : undefined;
    scopes.push(inner);
  }
  const [head, ...rest] = path;
  if (head === undefined) return { kind: 'unknown' };
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (scope === undefined) return { kind: 'known', spec: null };
    const spec = Object.prototype.hasOwnProperty.call(scope, head) ? scope[head] : undefined;
    if (spec === undefined) continue;
    let current: FieldSpec = spec;
    for (const segment of rest) {
      if (current.fields === undefined) return { kind: 'known', spec: null };
      const next = Object.prototype.hasOwnProperty.call(current.fields, segment)
        ? current.fields[segment]
        : undefined;
      if (next === undefined) return { kind: 'unknown' };
      current = next;
    }
    return { kind: 'known', spec: current };
  }
  return { kind: 'unknown' };
}

export type DryRunProblemCode =
  'unknown-field' | 'missing-field' | 'bad-value' | 'not-a-list' | 'absent-field';

/**
 * Content every document made from a template must carry (a certificate without the recipient's
 * name, a pledge without its criteria): the template must use at least one of these top-level
 * fields (print, repeat or test it), or it is refused before anything is created.
 */
export type TemplateRequirement = {
  readonly anyOf: readonly string[];
  /** Vietnamese, e.g. "tên tập thể hoặc cá nhân được khen". */
  readonly what: string;
  /** The fields are lists, used as {{#field}} … {{/field}}. */
  readonly list?: boolean;
};

export type DryRunProblem = {
  readonly code: DryRunProblemCode;
  readonly severity: 'error' | 'warning';
  readonly template: string;
  /** Dotted path as written. */
  readonly path: string;
  readonly tag: string;
  readonly where: string;
  /** Indices (0-based) of the records concerned; [] for a problem of the template itself. */
  readonly records: readonly number[];
  /** Vietnamese. */
  readonly message: string;
};

export type DryRunReport = {
  /** No errors: documents may be created (warnings are shown, not blocking). */
  readonly ok: boolean;
  readonly problems: readonly DryRunProblem[];
};

export type DryRunOptions = {
  /** How a record is named in messages; default "bản ghi 3" (1-based). E.g. (i) => `dòng ${i + 2}`. */
  readonly recordLabel?: (index: number) => string;
  readonly mustUse?: readonly TemplateRequirement[];
};

function absentRequirements(
  template: AnyTemplate,
  requirements: readonly TemplateRequirement[],
): DryRunProblem[] {
  const used = new Set<string>();
  visitTags(template, (use) => {
    const top = use.within[0]?.[0] ?? use.path[0];
    if (top !== undefined) used.add(top);
  });
  return requirements
    .filter((r) => !r.anyOf.some((field) => used.has(field)))
    .map((r) => {
      const tags = r.anyOf.map((f) => (r.list === true ? `{{#${f}}} … {{/${f}}}` : `{{${f}}}`));
      return {
        code: 'absent-field',
        severity: 'error',
        template: template.name,
        path: r.anyOf[0] ?? '',
        tag: tags[0] ?? '',
        where: template.name,
        records: [],
        message:
          `${template.name}: mẫu không có ${r.what} (cần ${tags.join(' hoặc ')}), nên mọi văn bản ` +
          'tạo ra sẽ thiếu nội dung này. Hãy thêm vào mẫu rồi làm lại; chưa tạo văn bản nào.',
      };
    });
}

const MAX_LISTED = 5;

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

function collectNames(value: TemplateValue, out: Set<string>, depth: number): void {
  if (depth > 2) return;
  if (Array.isArray(value)) {
    for (const item of value as readonly TemplateValue[]) collectNames(item, out, depth + 1);
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      out.add(key);
      collectNames(v, out, depth + 1);
    }
  }
}

function schemaNames(schema: TemplateSchema, out: Set<string>): void {
  for (const [key, spec] of Object.entries(schema)) {
    out.add(key);
    if (spec.fields !== undefined) schemaNames(spec.fields, out);
  }
}

function suggestion(path: string, known: ReadonlySet<string>): string {
  const last = path.split('.').pop() ?? path;
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of known) {
    const d = levenshtein(last.toLowerCase(), name.toLowerCase());
    if (d < bestDistance && d > 0) {
      best = name;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` Có phải là "${best}"?`;
}

/**
 * Checks templates against records. With a schema, a field the schema lacks is unknown even if
 * no record has been entered yet, and only fields marked required are reported when empty; a
 * field the schema has but a record lacks counts as empty. Without one, a field no record has
 * is unknown and an empty printed field is a warning. Fields only tested by {{#if}} may be empty.
 */
export function dryRun(
  templates: AnyTemplate | readonly AnyTemplate[],
  data: TemplateRecord | readonly TemplateRecord[],
  schema?: TemplateSchema,
  options: DryRunOptions = {},
): DryRunReport {
  const list: readonly AnyTemplate[] = Array.isArray(templates)
    ? (templates as readonly AnyTemplate[])
    : [templates as AnyTemplate];
  const records: readonly TemplateRecord[] = Array.isArray(data)
    ? (data as readonly TemplateRecord[])
    : [data as TemplateRecord];
  const label = options.recordLabel ?? ((i: number) => `bản ghi ${String(i + 1)}`);
  const known = new Set<string>();
  if (schema !== undefined) schemaNames(schema, known);
  else for (const r of records) collectNames(r, known, 0);

  const problems: DryRunProblem[] = [];
  for (const template of list) {
    problems.push(...absentRequirements(template, options.mustUse ?? []));
    const staticUnknown = new Set<string>();
    if (schema !== undefined) {
      visitTags(template, (use) => {
        const key = `${use.where}|${use.raw}`;
        if (
          lookupSchema(schema, use.within, use.path).kind === 'unknown' &&
          !staticUnknown.has(key)
        ) {
          staticUnknown.add(key);
          problems.push({
            code: 'unknown-field',
            severity: 'error',
            template: template.name,
            path: pathText(use.path),
            tag: use.raw,
            where: use.where,
            records: [],
            message:
              `${use.where}: trường ${use.raw} không có trong dữ liệu.` +
              suggestion(pathText(use.path), known),
          });
        }
      });
    }
    type Group = { issue: RenderIssue; records: number[] };
    const groups = new Map<string, Group>();
    const resolved = new Set<string>();
    records.forEach((record, index) => {
      const result =
        template.kind === 'text' ? renderText(template, record) : planMerge(template, record);
      for (const key of result.resolved) resolved.add(key);
      for (const issue of result.issues) {
        const key = `${issue.code}|${issue.where}|${issue.tag}|${issue.use}`;
        const group = groups.get(key);
        if (group === undefined) groups.set(key, { issue, records: [index] });
        else if (group.records[group.records.length - 1] !== index) group.records.push(index);
      }
    });
    // A field absent from a record is unknown only if no record anywhere has it (and no schema
    // says it exists); otherwise the record merely lacks it, which is the same as empty.
    type Final = { issue: RenderIssue; code: DryRunProblemCode; records: number[] };
    const finals = new Map<string, Final>();
    for (const { issue, records: where } of groups.values()) {
      if (schema !== undefined && staticUnknown.has(`${issue.where}|${issue.tag}`)) continue;
      const unknown =
        issue.code === 'unknown-field' &&
        schema === undefined &&
        !resolved.has(resolvedKey(issue.where, issue.tag));
      const code: DryRunProblemCode =
        issue.code === 'unknown-field' && !unknown ? 'missing-field' : issue.code;
      const key = `${code}|${issue.where}|${issue.tag}|${issue.use}`;
      const existing = finals.get(key);
      if (existing === undefined) finals.set(key, { issue, code, records: [...where] });
      else existing.records = [...new Set([...existing.records, ...where])].sort((a, b) => a - b);
    }
    for (const { issue, code, records: where } of finals.values()) {
      const listed =
        where.length === records.length && records.length > 1
          ? `tất cả ${String(records.length)} bản ghi`
          : where.slice(0, MAX_LISTED).map(label).join(', ') +
            (where.length > MAX_LISTED ? `, … (${String(where.length)} bản ghi)` : '');
      const base = {
        template: template.name,
        path: issue.path,
        tag: issue.tag,
        where: issue.where,
        records: where,
      };
      if (code === 'unknown-field') {
        problems.push({
          ...base,
          code,
          severity: 'error',
          records: [],
          message:
            `${issue.where}: trường ${issue.tag} không có trong dữ liệu.` +
            suggestion(issue.path, known),
        });
        continue;
      }
      if (code === 'missing-field') {
        if (issue.use !== 'print') continue;
        let severity: 'error' | 'warning' = 'warning';
        if (schema !== undefined) {
          const found = lookupSchema(
            schema,
            issue.within.map((w) => w.split('.')),
            issue.path.split('.'),
          );
          if (found.kind !== 'known' || found.spec?.required !== true) continue;
          severity = 'error';
        }
        problems.push({
          ...base,
          code,
          severity,
          message: `${issue.where}: trường ${issue.tag} để trống ở ${listed}.`,
        });
        continue;
      }
      problems.push({
        ...base,
        code,
        severity: 'error',
        message:
          code === 'not-a-list'
            ? `${issue.where}: trường ${issue.tag} không phải là danh sách nên không lặp được (ở ${listed}).`
            : `${issue.where}: trường ${issue.tag} ${issue.reason ?? 'không hợp lệ'} (ở ${listed}).`,
      });
    }
  }
  return { ok: problems.every((p) => p.severity !== 'error'), problems };
}
