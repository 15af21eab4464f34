/**
 * Whether a title or form fits who receives it, said as the `expected` of an invalid-value
 * finding: one wording for the register's check (readAwards, on edit and in "Kiểm tra dữ liệu")
 * and for Đơn vị's "Danh hiệu đăng ký". A name the catalogue does not know is never judged.
 */
import { cellA1 } from '../a1';
import { finding, type Finding } from '../findings';
import {
  AWARD_KIND_LABELS,
  COLLECTIVE_TITLE_CHOICES,
  RECIPIENT_TYPE_LABELS,
  RecipientTypeSchema,
  awardFormSpec,
  type RecipientType,
} from '../model/award';
import { AWARDS_LAYOUT } from '../layout/tables';
import { parseText } from '../parse/text';
import { matchLabel } from '../readers/cells';

const lower = (s: string): string => s.toLowerCase();

/**
 * Why `form` cannot go to a `type` recipient (an individual's title on a collective's row, a
 * collective's flag on a person), naming the row's other cell of the pair (the recipient type
 * when the finding is at the form, and the reverse); undefined when it fits.
 */
export function recipientMisfit(
  form: string,
  type: RecipientType,
  otherCell: string,
): string | undefined {
  const spec = awardFormSpec(form);
  if (spec === undefined || spec.recipients === 'both' || spec.recipients === type)
    return undefined;
  return (
    `danh hiệu thi đua hoặc hình thức khen thưởng tặng cho ${lower(RECIPIENT_TYPE_LABELS[type])} ` +
    `("${spec.name}" là ${lower(AWARD_KIND_LABELS[spec.kind])} của ` +
    `${lower(RECIPIENT_TYPE_LABELS[spec.recipients])}; sửa ô này hoặc ô ${otherCell})`
  );
}

/**
 * Why a unit's registered title is not a collective's emulation title (a form of commendation
 * such as Bằng khen, or an individual's title); undefined when it is one or is not known.
 */
export function registeredTitleMisfit(title: string): string | undefined {
  const spec = awardFormSpec(title);
  if (spec === undefined || (spec.kind === 'title' && spec.recipients === 'collective'))
    return undefined;
  const what =
    spec.kind === 'form'
      ? `là ${lower(AWARD_KIND_LABELS.form)}, không phải danh hiệu thi đua`
      : `là ${lower(AWARD_KIND_LABELS.title)} của cá nhân`;
  return (
    `danh hiệu thi đua của tập thể, ví dụ: ${COLLECTIVE_TITLE_CHOICES.slice(0, 3).join(', ')} ` +
    `("${spec.name}" ${what})`
  );
}

const RECIPIENT_TYPES = RecipientTypeSchema.options;
const RECIPIENT_LABELS = RECIPIENT_TYPES.map((t) => RECIPIENT_TYPE_LABELS[t]);

/**
 * The same misfit at the row's "Tập thể / Cá nhân" cell, for rows `first`..`last` (1-based) of
 * a grid laid out as the sheet: readAwards reports it at the form's cell, and when an edit
 * changed the recipient type instead, the edited cell is the one to mark.
 */
export function typeCellMisfits(
  grid: readonly (readonly unknown[] | undefined)[],
  rows: { readonly first: number; readonly last: number },
  typeColumn: number,
  formColumn: number,
): Finding[] {
  const out: Finding[] = [];
  for (let row = rows.first; row <= rows.last; row++) {
    const full = grid[row - 1];
    if (full === undefined) continue;
    const typeValue = full[typeColumn - 1];
    const index = matchLabel(typeValue, RECIPIENT_LABELS);
    const type = index === undefined ? undefined : RECIPIENT_TYPES[index];
    const form = parseText(full[formColumn - 1]);
    if (type === undefined || form.kind !== 'ok') continue;
    const misfit = recipientMisfit(form.value, type, cellA1(row, formColumn));
    if (misfit === undefined) continue;
    const cell = cellA1(row, typeColumn);
    out.push(finding(AWARDS_LAYOUT.sheet, cell, 'invalid-value', typeValue, { expected: misfit }));
  }
  return out;
}
