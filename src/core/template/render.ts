/**
 * Rendering of plain-text templates (file names, e-mail subjects) and the evaluation rules
 * that document merging shares: how a field, a condition and a list are looked up, and what is
 * reported when they cannot be. An unknown or empty placeholder prints nothing and is reported;
 * "{{…}}" never reaches the output.
 */
import type { Node, Template } from './syntax';
import { pathText } from './syntax';
import type { Frame, TemplateRecord, TemplateValue } from './values';
import { formatValue, isEmptyValue, isRecord, isTruthy, resolvePath } from './values';
import type { FormatterCall } from './values';

export type RenderIssueCode = 'unknown-field' | 'missing-field' | 'bad-value' | 'not-a-list';

export type RenderIssue = {
  readonly code: RenderIssueCode;
  /** The dotted path as written in the tag ("unit.name", "@index"). */
  readonly path: string;
  /** The tag as written ("{{ unit.name|hoa }}"). */
  readonly tag: string;
  /** Vietnamese location: "ký tự 5", `đoạn "Kính gửi …"`, "bảng 1, hàng 2, ô 3". */
  readonly where: string;
  /** Enclosing list sections, outermost first (paths as written). */
  readonly within: readonly string[];
  /** For bad-value: why ("không phải là ngày") and the value as text. */
  readonly reason?: string;
  /** Whether the field was printed (missing matters) or only tested by {{#if}}. */
  readonly use: 'print' | 'condition' | 'list';
};

export type RenderContext = {
  frames: Frame[];
  sections: string[];
  readonly issues: RenderIssue[];
  /** resolvedKey of every tag whose field was found (the dry run tells typos from gaps). */
  readonly resolved: Set<string>;
  /** Location of an offset in the text being rendered. */
  locate: (offset: number) => string;
};

export function newContext(
  data: TemplateRecord,
  locate: (offset: number) => string,
): RenderContext {
  return {
    frames: [{ scope: data, index: null }],
    sections: [],
    issues: [],
    resolved: new Set(),
    locate,
  };
}

/** Identifies one tag of one template: its location and its text. */
export function resolvedKey(where: string, tag: string): string {
  return `${where}\u0000${tag}`;
}

function found(ctx: RenderContext, tag: string, offset: number): void {
  ctx.resolved.add(resolvedKey(ctx.locate(offset), tag));
}

function issue(
  ctx: RenderContext,
  code: RenderIssueCode,
  path: readonly string[],
  tag: string,
  offset: number,
  use: RenderIssue['use'],
  reason?: string,
): void {
  ctx.issues.push({
    code,
    path: pathText(path),
    tag,
    where: ctx.locate(offset),
    within: [...ctx.sections],
    use,
    ...(reason === undefined ? {} : { reason }),
  });
}

/** The printed text of a field; '' (and an issue) when unknown, empty or unprintable. */
export function evalField(
  ctx: RenderContext,
  path: readonly string[],
  formatters: readonly FormatterCall[],
  tag: string,
  offset: number,
): string {
  const resolved = resolvePath(ctx.frames, path);
  if (resolved.kind === 'unknown') {
    issue(ctx, 'unknown-field', path, tag, offset, 'print');
    return '';
  }
  found(ctx, tag, offset);
  if (isEmptyValue(resolved.value)) {
    issue(ctx, 'missing-field', path, tag, offset, 'print');
    return '';
  }
  const formatted = formatValue(resolved.value, formatters);
  if (!formatted.ok) {
    issue(ctx, 'bad-value', path, tag, offset, 'print', formatted.reason);
    return '';
  }
  return formatted.text;
}

/** {{#if path}}: an unknown field is reported (a typo would hide text silently) and is false. */
export function evalCondition(
  ctx: RenderContext,
  path: readonly string[],
  tag: string,
  offset: number,
): boolean {
  const resolved = resolvePath(ctx.frames, path);
  if (resolved.kind === 'unknown') {
    issue(ctx, 'unknown-field', path, tag, offset, 'condition');
    return false;
  }
  found(ctx, tag, offset);
  return isTruthy(resolved.value);
}

/**
 * The items {{#path}} repeats over: a list's items, a single record once (so {{#unit}} …
 * {{/unit}} scopes a record), nothing for an empty value, false or 0. Other values (text, a
 * number) are reported: repeating "Ba Đình" makes no sense and printing nothing would hide it.
 */
export function evalItems(
  ctx: RenderContext,
  path: readonly string[],
  tag: string,
  offset: number,
): readonly TemplateValue[] {
  const resolved = resolvePath(ctx.frames, path);
  if (resolved.kind === 'unknown') {
    issue(ctx, 'unknown-field', path, tag, offset, 'list');
    return [];
  }
  found(ctx, tag, offset);
  const value = resolved.value;
  if (Array.isArray(value)) return value as readonly TemplateValue[];
  if (isRecord(value)) return [value];
  if (!isTruthy(value)) return [];
  issue(ctx, 'not-a-list', path, tag, offset, 'list');
  return [];
}

/** Runs body with the item pushed as the innermost scope. */
export function withItem<T>(
  ctx: RenderContext,
  sectionPath: readonly string[],
  item: TemplateValue,
  index: number,
  body: () => T,
): T {
  ctx.frames.push({ scope: item, index });
  ctx.sections.push(pathText(sectionPath));
  try {
    return body();
  } finally {
    ctx.frames.pop();
    ctx.sections.pop();
  }
}

/** Renders nodes to a string. */
export function renderNodes(nodes: readonly Node[], ctx: RenderContext): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'field':
        out += evalField(ctx, node.path, node.formatters, node.raw, node.start);
        break;
      case 'if':
        out += renderNodes(
          evalCondition(ctx, node.path, node.raw, node.open.start) ? node.then : node.otherwise,
          ctx,
        );
        break;
      case 'section': {
        const items = evalItems(ctx, node.path, node.raw, node.open.start);
        items.forEach((item, index) => {
          out += withItem(ctx, node.path, item, index, () => renderNodes(node.children, ctx));
        });
        break;
      }
    }
  }
  return out;
}

export type Rendered = {
  readonly text: string;
  readonly issues: readonly RenderIssue[];
  readonly resolved: ReadonlySet<string>;
};

/** Renders a plain-text template with data. Unknown and empty fields print '' and are reported. */
export function renderText(template: Template, data: TemplateRecord): Rendered {
  const ctx = newContext(data, (offset) => `${template.name}, ký tự ${String(offset + 1)}`);
  const text = renderNodes(template.nodes, ctx);
  return { text, issues: ctx.issues, resolved: ctx.resolved };
}

/** Control characters (C0, DEL, C1) and the line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Drive accepts "/" in names, but downloads (zip, docx export) turn it into folders or fail. */
const PATH_SEPARATORS = /[/\\]/g;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name from rendered text: control characters become spaces, "/" and "\" become "-",
 * whitespace runs collapse, NFC, trimmed, at most 200 characters (cut at a code point, not in
 * a surrogate pair). Deterministic: the same data always gives the same name.
 */
export function sanitizeFileName(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(PATH_SEPARATORS, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(cleaned);
  return chars.length <= MAX_FILE_NAME_LENGTH
    ? cleaned
    : chars.slice(0, MAX_FILE_NAME_LENGTH).join('').trim();
}

export type FileNameResult = {
  /** '' when nothing printable remains; the caller must not create a file with it. */
  readonly name: string;
  readonly issues: readonly RenderIssue[];
};

/** Output file name from a pattern like "{{unit}} - Giao ước {{year}}". */
export function renderFileName(template: Template, data: TemplateRecord): FileNameResult {
  const rendered = renderText(template, data);
  return { name: sanitizeFileName(rendered.text), issues: rendered.issues };
}

/**
 * Makes names unique in order, case-insensitively (Drive allows duplicates; people cannot tell
 * them apart): the second "A" becomes "A (2)", the third "A (3)". Deterministic for a given order.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  const key = (s: string): string => s.toLowerCase().normalize('NFC');
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(key(candidate)); n++) candidate = `${name} (${String(n)})`;
    used.add(key(candidate));
    return candidate;
  });
}
