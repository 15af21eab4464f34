/**
 * Eligibility from the sheets' grids: the register (Khen thưởng), the history (Lịch sử thi
 * đua, khen thưởng) and the rules (Quy tắc khen thưởng) read once each, then judged. Without a
 * rules sheet (a workbook set up before it existed) the shipped rules are used, and said so.
 */
import { readAwards } from '../awards/readAwards';
import { readHistory } from '../history/readHistory';
import { SHEET_NAMES } from '../layout/sheets';
import { DEFAULT_RULES } from './defaultRules';
import { evaluateEligibility, type Hint } from './evaluate';
import { readRules } from './rulesSheet';

export interface EligibilityGrids {
  readonly awards: readonly unknown[];
  readonly history: readonly unknown[] | undefined;
  readonly rules: readonly unknown[] | undefined;
  /** Cấu hình's year, for register rows with neither a year nor a decision date. */
  readonly defaultYear: number | undefined;
}

export interface EligibilityOutcome {
  readonly hints: Hint[];
  /** Vietnamese messages, each naming its sheet and cell (or row). */
  readonly problems: string[];
  /** Notes for the user (e.g. the shipped rules were used). */
  readonly notes: string[];
}

export function checkEligibility(grids: EligibilityGrids): EligibilityOutcome {
  const register = readAwards(
    grids.awards,
    grids.defaultYear === undefined ? {} : { defaultYear: grids.defaultYear },
  );
  const problems: string[] = [];
  const notes: string[] = [];
  for (const bad of register.invalid)
    problems.push(
      `Trang "${SHEET_NAMES.awards}", dòng ${String(bad.row)}: ${bad.messages.join(' ')}`,
    );
  const history = grids.history === undefined ? undefined : readHistory(grids.history);
  if (history === undefined)
    notes.push(
      `Chưa có trang "${SHEET_NAMES.history}": chỉ dùng các năm trước trong sổ khen thưởng.`,
    );
  else for (const f of history.findings) if (f.severity === 'error') problems.push(f.message);
  let rules = DEFAULT_RULES;
  if (grids.rules === undefined) {
    notes.push(
      `Chưa có trang "${SHEET_NAMES.rules}": dùng các quy tắc có sẵn. Chạy «Khởi tạo / cập nhật bảng tính» để xem và sửa quy tắc.`,
    );
  } else {
    const read = readRules(grids.rules);
    for (const f of read.findings) if (f.severity === 'error') problems.push(f.message);
    rules = read.value;
  }
  const hints = evaluateEligibility(
    register.value.map((r) => ({
      row: r.row,
      year: r.year,
      recipientType: r.recipientType,
      name: r.name,
      unit: r.unit,
      form: r.form,
      level: r.level,
      decisionDate: r.decisionDate,
    })),
    history?.value ?? [],
    rules,
  );
  return { hints, problems, notes };
}
