/**
 * Vị trí in phôi as a print run reads it: the fields of the forms it prints, the printer's offset
 * from Cấu hình, and every problem with the cell it is about. The certificate job, the calibration
 * page and "Kiểm tra dữ liệu" all read it here, so the check lists what the print would refuse on.
 */
import { DEFAULT_TEMPLATES, type TemplateKind } from '../documents/defaultTemplates';
import { SHEET_NAMES } from '../layout/sheets';
import { parseNumber } from '../parse/number';
import { labelKey } from '../readers/cells';
import { parseTemplate, type Template } from '../template';
import {
  layoutBands,
  layoutSource,
  readPreprinted,
  type Offset,
  type PreprintedIssue,
  type PreprintedLayout,
} from './preprinted';

const SHEET = SHEET_NAMES.preprinted;

/** Cấu hình's print mode: "In trên phôi" or the full template. */
export function printsOnPreprinted(texts: ReadonlyMap<string, string>): boolean {
  return labelKey(texts.get('certificatePrint') ?? '') === labelKey('In trên phôi');
}

/** Cấu hình's offsets (mm); a bad cell reads as 0 here, "Kiểm tra dữ liệu" names it. */
export function offsetOf(texts: ReadonlyMap<string, string>): Offset {
  const read = (key: string): number => {
    const parsed = parseNumber(texts.get(key) ?? '');
    return parsed.kind === 'ok' && Math.abs(parsed.value) <= 50 ? parsed.value : 0;
  };
  return { x: read('preprintedOffsetX'), y: read('preprintedOffsetY') };
}

export type PreprintedSetup = {
  readonly layout: PreprintedLayout;
  readonly offset: Offset;
  readonly problems: readonly string[];
  /** The problems with their cells (the sheet's A1 for one about the whole sheet). */
  readonly issues: readonly PreprintedIssue[];
  /** Per form, the fields' text as one template, for the dry run of the register rows. */
  readonly templates: ReadonlyMap<TemplateKind, Template>;
};

export function formLabelOf(kind: TemplateKind): string {
  return DEFAULT_TEMPLATES.find((t) => t.kind === kind)?.label.replace(/^Mẫu /, '') ?? kind;
}

/**
 * Vị trí in phôi read and checked for the forms the run prints: every problem names its cell;
 * a form with no row is a problem (nothing would print).
 */
export function readPreprintedSetup(
  grid: readonly unknown[] | undefined,
  texts: ReadonlyMap<string, string>,
  kinds: Iterable<TemplateKind>,
): PreprintedSetup {
  const offset = offsetOf(texts);
  const setup = (layout: PreprintedLayout, issues: readonly PreprintedIssue[]) => ({
    layout,
    offset,
    issues,
    problems: issues.map((i) => i.message),
  });
  if (grid === undefined) {
    return {
      ...setup(new Map(), [
        {
          cell: 'A1',
          message: `Chưa có trang "${SHEET}". Hãy chạy «Khởi tạo / cập nhật bảng tính» rồi đo vị trí in trên phôi.`,
        },
      ]),
      templates: new Map(),
    };
  }
  const read = readPreprinted(grid);
  const issues = [...read.issues];
  const templates = new Map<TemplateKind, Template>();
  for (const kind of kinds) {
    const fields = read.layout.get(kind) ?? [];
    if (fields.length === 0) {
      issues.push({
        cell: 'A1',
        message: `Trang "${SHEET}" chưa có dòng nào được in cho mẫu ${formLabelOf(kind)}.`,
      });
      continue;
    }
    issues.push(...layoutBands(fields, offset).issues);
    const parsed = parseTemplate(layoutSource(fields), `Trang "${SHEET}" (${formLabelOf(kind)})`);
    if (parsed.ok) templates.set(kind, parsed.template);
  }
  return { ...setup(read.layout, issues), templates };
}
