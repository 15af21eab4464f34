/**
 * Điều kiện khen thưởng as one block of values: two title rows, the header, one row per
 * proposal, then the problems that left rows out (of the rules, the history or the register),
 * so the user sees why a rule or a year was not counted.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../model/award';
import { ELIGIBILITY_LAYOUT } from '../layout/rulesTables';
import { NUMBER_FORMATS } from '../layout/columns';
import { headerValues } from '../layout/columns';
import { VERDICT_LABELS, type Hint } from './evaluate';

export interface EligibilityBlock {
  readonly values: unknown[][];
  readonly numberFormats: string[][];
  readonly width: number;
  readonly frozenRows: number;
  /** What the toast or alert says. */
  readonly summary: string;
}

export const ELIGIBILITY_TITLE = 'ĐIỀU KIỆN KHEN THƯỞNG (gợi ý theo quy tắc và lịch sử)';

export function eligibilityBlock(
  hints: readonly Hint[],
  problems: readonly string[],
  time: string,
): EligibilityBlock {
  const width = ELIGIBILITY_LAYOUT.columns.length;
  const count = (v: Hint['verdict']): number => hints.filter((h) => h.verdict === v).length;
  const summary =
    `${String(hints.length)} đề nghị: ${String(count('eligible'))} đủ điều kiện, ` +
    `${String(count('lacking'))} chưa đủ điều kiện, ${String(count('noRule'))} không có quy tắc áp dụng` +
    (problems.length > 0 ? `; ${String(problems.length)} lỗi dữ liệu (xem cuối trang)` : '') +
    '.';
  const pad = (cells: unknown[]): unknown[] => [
    ...cells,
    ...new Array<unknown>(Math.max(0, width - cells.length)).fill(''),
  ];
  const values: unknown[][] = [
    pad([ELIGIBILITY_TITLE]),
    pad([
      `Cập nhật ${time}. ${summary} Đây là gợi ý để tham khảo, không thay cho việc xét của Hội đồng Thi đua - Khen thưởng.`,
    ]),
    headerValues(ELIGIBILITY_LAYOUT),
  ];
  for (const h of hints) {
    const p = h.proposal;
    values.push([
      p.row,
      p.year,
      RECIPIENT_TYPE_LABELS[p.recipientType],
      p.name,
      p.unit,
      p.form,
      AWARD_LEVEL_LABELS[p.level],
      VERDICT_LABELS[h.verdict],
      h.lacking.join('\n'),
      h.ruleIds.join(', '),
    ]);
  }
  if (problems.length > 0) {
    values.push(pad(['']));
    values.push(pad(['Lỗi dữ liệu (các dòng này không được tính):']));
    for (const message of problems) values.push(pad([message]));
  }
  const formatOf = ELIGIBILITY_LAYOUT.columns.map((c) => c.numberFormat as string);
  const numberFormats = values.map((_, r) =>
    r < ELIGIBILITY_LAYOUT.headerRow || r >= ELIGIBILITY_LAYOUT.headerRow + hints.length
      ? new Array<string>(width).fill(NUMBER_FORMATS.text)
      : [...formatOf],
  );
  return { values, numberFormats, width, frozenRows: ELIGIBILITY_LAYOUT.frozenRows, summary };
}
