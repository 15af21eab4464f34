/**
 * Template syntax (DESIGN §3), shared by document templates and plain strings (file names):
 *
 *   {{field}}  {{unit.name}}  {{ field }}          a value; dotted paths reach nested records
 *   {{date|ngay}}  {{name|hoa}}  {{x|so:2}}         formatters, chained left to right
 *   {{#items}} … {{/items}}                         repeated once per item of a list
 *   {{@index}}                                      1-based number of the current item
 *   {{#if field}} … {{else}} … {{/if}}              conditional text ({{else}} optional)
 *
 * Formatters (values.ts): ngay → "ngày 05 tháng 01 năm 2020"; ngayngan → "05/01/2020";
 * noingay:Hà Nội → "Hà Nội, ngày 05 tháng 01 năm 2020" (the place is written in the tag; for a
 * place taken from the data write "{{noi}}, {{ngay_ky|ngay}}"); hoa → Vietnamese upper case;
 * so → "1.234,5", so:2 → exactly two decimals "9,50"; so_vb → document number "05"; lien → the
 * same text with non-breaking spaces where Vietnamese keeps words together ("ngày 05 tháng 01 năm
 * 2023", "Xuất sắc"; keepTogetherVi). Without a
 * formatter: text as is, integers as digits ("2023"), other numbers "9,5", dates "05/01/2020".
 * {{#if}} is true for non-blank text, a non-zero number, true, a non-empty list.
 *
 * Field names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*): names typed in Vietnamese with
 * diacritics differ invisibly between NFC and NFD and between keyboards, so a template written
 * on one machine would not match a sheet header typed on another. Values are Vietnamese text.
 * Every malformed tag is an error with its position: nothing in braces is ever printed as is.
 */
import type { FormatterCall } from './values';
import { FORMATTERS, INDEX_FIELD } from './values';

export type Span = { readonly start: number; readonly end: number };

export type Tag =
  | {
      readonly t: 'field';
      readonly path: readonly string[];
      readonly formatters: readonly FormatterCall[];
    }
  | { readonly t: 'open'; readonly path: readonly string[] }
  | { readonly t: 'if'; readonly path: readonly string[] }
  | { readonly t: 'else' }
  | { readonly t: 'close'; readonly path: readonly string[] }
  | { readonly t: 'endif' };

export type Token =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'tag';
      readonly tag: Tag;
      /** The tag as written, "{{ name|hoa }}". */
      readonly raw: string;
      readonly start: number;
      readonly end: number;
    };
export type TagToken = Extract<Token, { kind: 'tag' }>;

export type TemplateErrorCode =
  | 'unterminated-tag'
  | 'stray-braces'
  | 'empty-tag'
  | 'bad-name'
  | 'unknown-formatter'
  | 'bad-formatter-argument'
  | 'unclosed-section'
  | 'unexpected-close'
  | 'mismatched-close'
  | 'else-outside-if'
  | 'duplicate-else'
  | 'index-outside-section'
  | 'misplaced-block-tag'
  | 'tag-across-elements'
  | 'cannot-repeat';

export type TemplateError = {
  readonly code: TemplateErrorCode;
  /** Offset in the text (plain templates) or in the paragraph's text (documents). */
  readonly offset: number;
  /** Where, in Vietnamese: "ký tự 12", "dòng 2, ký tự 5", `đoạn "Kính gửi …"`. */
  readonly where: string;
  /** Vietnamese, complete: "{where}: {what}." */
  readonly message: string;
};

/** Detail of an error before its location is known. */
export type RawError = {
  readonly code: TemplateErrorCode;
  readonly offset: number;
  readonly what: string;
};

export type Node =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'field';
      readonly path: readonly string[];
      readonly formatters: readonly FormatterCall[];
      readonly raw: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'section';
      readonly path: readonly string[];
      readonly raw: string;
      readonly open: Span;
      readonly close: Span;
      readonly children: readonly Node[];
    }
  | {
      readonly kind: 'if';
      readonly path: readonly string[];
      readonly raw: string;
      readonly open: Span;
      readonly elseTag: Span | null;
      readonly close: Span;
      readonly then: readonly Node[];
      readonly otherwise: readonly Node[];
    };

export type Template = {
  readonly kind: 'text';
  /** Shown in dry-run messages, e.g. "Tên tệp" or "Mẫu giấy khen". */
  readonly name: string;
  readonly source: string;
  readonly nodes: readonly Node[];
};

export type ParseResult<T> =
  | { readonly ok: true; readonly template: T }
  | { readonly ok: false; readonly errors: readonly TemplateError[] };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Every JS whitespace character (NBSP included: Docs users paste it). */
const TRIM = /^\s+|\s+$/g;

export function pathText(path: readonly string[]): string {
  return path.join('.');
}

type TagParse = { readonly tag: Tag } | { readonly error: Omit<RawError, 'offset'> };

function parsePath(
  text: string,
  raw: string,
): { path: readonly string[] } | { error: Omit<RawError, 'offset'> } {
  const name = text.replace(TRIM, '');
  if (name === '') return { error: { code: 'empty-tag', what: `thẻ ${raw} thiếu tên trường` } };
  if (name === INDEX_FIELD) return { path: [INDEX_FIELD] };
  const path = name.split('.');
  if (!path.every((segment) => IDENTIFIER.test(segment))) {
    return {
      error: {
        code: 'bad-name',
        what:
          `tên trường "${name}" trong thẻ ${raw} không hợp lệ: tên trường chỉ gồm chữ cái ` +
          'không dấu, chữ số và dấu _, không bắt đầu bằng chữ số (ví dụ {{ten_don_vi}})',
      },
    };
  }
  return { path };
}

function formatterList(): string {
  return Object.keys(FORMATTERS).join(', ');
}

function parseFormatter(part: string, raw: string): FormatterCall | Omit<RawError, 'offset'> {
  const colon = part.indexOf(':');
  const name = (colon < 0 ? part : part.slice(0, colon)).replace(TRIM, '');
  const arg = colon < 0 ? undefined : part.slice(colon + 1).replace(TRIM, '');
  const spec = FORMATTERS[name];
  if (spec === undefined) {
    return {
      code: 'unknown-formatter',
      what: `không có định dạng "${name}" (thẻ ${raw}); các định dạng có: ${formatterList()}`,
    };
  }
  const bad = (need: string): Omit<RawError, 'offset'> => ({
    code: 'bad-formatter-argument',
    what: `định dạng "${name}" trong thẻ ${raw} ${need} (ví dụ ${spec.example})`,
  });
  if (spec.arg === 'none' && arg !== undefined) return bad('không nhận tham số');
  if (spec.arg === 'decimals' && arg !== undefined && !/^\d{1,2}$/.test(arg)) {
    return bad('cần số chữ số thập phân từ 0 đến 20');
  }
  if (spec.arg === 'decimals' && arg !== undefined && Number(arg) > 20) {
    return bad('cần số chữ số thập phân từ 0 đến 20');
  }
  if (spec.arg === 'text' && (arg === undefined || arg === '')) return bad('cần tham số');
  return { name, arg };
}

/** The meaning of what is between "{{" and "}}". */
export function parseTagBody(body: string, raw: string): TagParse {
  const inner = body.replace(TRIM, '');
  if (inner === '') return { error: { code: 'empty-tag', what: `thẻ ${raw} không có nội dung` } };
  if (inner === 'else') return { tag: { t: 'else' } };
  if (/^\/\s*if$/.test(inner)) return { tag: { t: 'endif' } };
  const ifMatch = /^#\s*if(?:\s+([\s\S]*))?$/.exec(inner);
  if (ifMatch) {
    const parsed = parsePath(ifMatch[1] ?? '', raw);
    return 'error' in parsed ? parsed : { tag: { t: 'if', path: parsed.path } };
  }
  if (inner.startsWith('#') || inner.startsWith('/')) {
    const parsed = parsePath(inner.slice(1), raw);
    if ('error' in parsed) return parsed;
    if (parsed.path[0] === INDEX_FIELD || parsed.path[0] === 'else') {
      return { error: { code: 'bad-name', what: `không thể lặp theo ${raw}` } };
    }
    return { tag: { t: inner.startsWith('#') ? 'open' : 'close', path: parsed.path } };
  }
  const [first = '', ...rest] = inner.split('|');
  const parsed = parsePath(first, raw);
  if ('error' in parsed) return parsed;
  const formatters: FormatterCall[] = [];
  for (const part of rest) {
    const call = parseFormatter(part, raw);
    if ('code' in call) return { error: call };
    formatters.push(call);
  }
  return { tag: { t: 'field', path: parsed.path, formatters } };
}

/**
 * Splits text into text and tags. Never throws. A "{{" without "}}", a "{{" inside a tag and a
 * "}}" outside one are errors: each is almost always a mistyped placeholder.
 */
export function tokenize(source: string): { tokens: Token[]; errors: RawError[] } {
  const tokens: Token[] = [];
  const errors: RawError[] = [];
  let textStart = 0;
  let i = 0;
  const pushText = (end: number): void => {
    if (end > textStart) {
      tokens.push({ kind: 'text', text: source.slice(textStart, end), start: textStart, end });
    }
  };
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    const strayClose = source.indexOf('}}', i);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) {
      errors.push({ code: 'stray-braces', offset: strayClose, what: 'thừa "}}" (thiếu "{{")' });
      i = strayClose + 2;
      continue;
    }
    if (open < 0) break;
    // "{{{name}}": the tag starts at the last "{" of the run, the extra brace is text.
    let start = open;
    while (source[start + 2] === '{') start++;
    const close = source.indexOf('}}', start + 2);
    const nextOpen = source.indexOf('{{', start + 2);
    if (close < 0) {
      errors.push({ code: 'unterminated-tag', offset: start, what: 'thẻ mở "{{" chưa có "}}"' });
      i = start + 2;
      continue;
    }
    if (nextOpen >= 0 && nextOpen < close) {
      errors.push({ code: 'unterminated-tag', offset: start, what: 'thẻ mở "{{" chưa có "}}"' });
      i = nextOpen;
      continue;
    }
    const end = close + 2;
    const raw = source.slice(start, end);
    const parsed = parseTagBody(source.slice(start + 2, close), raw);
    pushText(start);
    if ('tag' in parsed) {
      tokens.push({ kind: 'tag', tag: parsed.tag, raw, start, end });
    } else {
      errors.push({ ...parsed.error, offset: start });
    }
    textStart = end;
    i = end;
  }
  pushText(source.length);
  return { tokens, errors };
}

function describeOpen(tag: Tag): string {
  if (tag.t === 'if') return `{{#if ${pathText(tag.path)}}}`;
  if (tag.t === 'open') return `{{#${pathText(tag.path)}}}`;
  return '';
}

type Frame = {
  readonly token: TagToken;
  readonly path: readonly string[];
  readonly isIf: boolean;
  nodes: Node[];
  thenNodes: Node[] | null;
  elseTag: Span | null;
};

/**
 * Builds the tree of one run of tokens (a plain template, or one paragraph's inline tags).
 * sectionDepth counts enclosing {{#list}} sections outside these tokens, for {{@index}}.
 */
export function buildNodes(
  tokens: readonly Token[],
  sectionDepth = 0,
  position: (offset: number) => string = (offset) => `ký tự ${String(offset + 1)}`,
): { nodes: Node[]; errors: RawError[] } {
  const errors: RawError[] = [];
  const root: Node[] = [];
  const stack: Frame[] = [];
  const current = (): Node[] => stack[stack.length - 1]?.nodes ?? root;
  const depth = (): number => sectionDepth + stack.filter((f) => !f.isIf).length;
  for (const token of tokens) {
    if (token.kind === 'text') {
      current().push(token);
      continue;
    }
    const { tag } = token;
    switch (tag.t) {
      case 'field':
        if (tag.path[0] === INDEX_FIELD && depth() === 0) {
          errors.push({
            code: 'index-outside-section',
            offset: token.start,
            what: `${token.raw} chỉ dùng được bên trong một khối lặp {{#…}} … {{/…}}`,
          });
        }
        current().push({
          kind: 'field',
          path: tag.path,
          formatters: tag.formatters,
          raw: token.raw,
          start: token.start,
          end: token.end,
        });
        break;
      case 'open':
      case 'if':
        stack.push({
          token,
          path: tag.path,
          isIf: tag.t === 'if',
          nodes: [],
          thenNodes: null,
          elseTag: null,
        });
        break;
      case 'else': {
        const top = stack[stack.length - 1];
        if (top === undefined || !top.isIf) {
          errors.push({
            code: 'else-outside-if',
            offset: token.start,
            what: '{{else}} chỉ dùng được giữa {{#if …}} và {{/if}}',
          });
        } else if (top.thenNodes !== null) {
          errors.push({
            code: 'duplicate-else',
            offset: token.start,
            what: `${describeOpen(top.token.tag)} có hai thẻ {{else}}`,
          });
        } else {
          top.thenNodes = top.nodes;
          top.nodes = [];
          top.elseTag = { start: token.start, end: token.end };
        }
        break;
      }
      case 'close':
      case 'endif': {
        const top = stack[stack.length - 1];
        const matches =
          top !== undefined &&
          (tag.t === 'endif' ? top.isIf : !top.isIf && pathText(top.path) === pathText(tag.path));
        if (top === undefined) {
          errors.push({
            code: 'unexpected-close',
            offset: token.start,
            what: `thẻ đóng ${token.raw} không có thẻ mở tương ứng`,
          });
          break;
        }
        if (!matches) {
          errors.push({
            code: 'mismatched-close',
            offset: token.start,
            what:
              `thẻ đóng ${token.raw} không khớp với thẻ mở ${describeOpen(top.token.tag)} ` +
              `(${position(top.token.start)}); các khối phải lồng nhau, không được chéo nhau`,
          });
          break;
        }
        stack.pop();
        const close = { start: token.start, end: token.end };
        const open = { start: top.token.start, end: top.token.end };
        current().push(
          top.isIf
            ? {
                kind: 'if',
                path: top.path,
                raw: top.token.raw,
                open,
                elseTag: top.elseTag,
                close,
                then: top.thenNodes ?? top.nodes,
                otherwise: top.thenNodes === null ? [] : top.nodes,
              }
            : {
                kind: 'section',
                path: top.path,
                raw: top.token.raw,
                open,
                close,
                children: top.nodes,
              },
        );
        break;
      }
    }
  }
  for (const frame of stack) {
    errors.push({
      code: 'unclosed-section',
      offset: frame.token.start,
      what:
        `thẻ mở ${frame.token.raw} chưa được đóng (cần ` +
        `${frame.isIf ? '{{/if}}' : `{{/${pathText(frame.path)}}}`})`,
    });
  }
  return { nodes: root, errors };
}

/** "ký tự 12", or "dòng 2, ký tự 5" in text with line breaks (1-based). */
export function textPosition(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return line === 1
    ? `ký tự ${String(offset + 1)}`
    : `dòng ${String(line)}, ký tự ${String(column)}`;
}

export function toTemplateError(raw: RawError, where: string): TemplateError {
  return { code: raw.code, offset: raw.offset, where, message: `${where}: ${raw.what}.` };
}

/** Parses a plain-text template; never throws. Errors are sorted by position. */
export function parseTemplate(source: string, name = 'Mẫu'): ParseResult<Template> {
  const { tokens, errors: tokenErrors } = tokenize(source);
  const { nodes, errors: treeErrors } = buildNodes(tokens);
  const errors = [...tokenErrors, ...treeErrors].sort((a, b) => a.offset - b.offset);
  if (errors.length > 0) {
    return {
      ok: false,
      errors: errors.map((e) => toTemplateError(e, `${name}, ${textPosition(source, e.offset)}`)),
    };
  }
  return { ok: true, template: { kind: 'text', name, source, nodes } };
}
