/**
 * «Ghi lịch sử từ sổ khen thưởng»: every register row whose decision is recorded (number and
 * date) becomes one history entry. The row's key (Mã hồ sơ) goes with the entry, so recording
 * again adds nothing, and a row whose decision is not yet recorded waits for a later run.
 */
import type { AwardRow } from '../awards/readAwards';
import type { HistoryEntry } from '../model/history';

/** "Sổ khen thưởng 2022": the Nguồn of an entry recorded from that year's register. */
export function registerSource(year: number): string {
  return `Sổ khen thưởng ${String(year)}`;
}

export interface RecordPlan {
  /** Entries to append to Lịch sử, in register order. */
  readonly added: readonly HistoryEntry[];
  /** Register rows whose key was only derived: the key is written on them with the entries. */
  readonly keysToStore: readonly { readonly row: number; readonly key: string }[];
  /** Rows already in the history (by their key). */
  readonly alreadyRecorded: number;
  /** Rows without a decision number or date: not recorded yet. */
  readonly undecided: readonly number[];
}

export function planRecord(
  register: readonly AwardRow[],
  recordedKeys: ReadonlySet<string>,
): RecordPlan {
  const added: HistoryEntry[] = [];
  const keysToStore: { row: number; key: string }[] = [];
  const undecided: number[] = [];
  const seen = new Set(recordedKeys);
  let alreadyRecorded = 0;
  for (const r of register) {
    if (r.decisionNumber.trim() === '' || r.decisionDate === undefined) {
      undecided.push(r.row);
      continue;
    }
    if (seen.has(r.key)) {
      alreadyRecorded++;
      continue;
    }
    seen.add(r.key);
    if (!r.keyStored) keysToStore.push({ row: r.row, key: r.key });
    added.push({
      year: r.year,
      subjectType: r.recipientType,
      name: r.name,
      unit: r.unit,
      item: r.form,
      level: r.level,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      note: '',
      source: registerSource(r.year),
      registerKey: r.key,
    });
  }
  return { added, keysToStore, alreadyRecorded, undecided };
}

/** The Vietnamese summary of a recording. */
export function recordSummary(
  plan: RecordPlan,
  historySheet: string,
  registerSheet: string,
): string {
  const parts = [
    plan.added.length > 0
      ? `Đã ghi ${String(plan.added.length)} dòng vào trang "${historySheet}".`
      : `Không có dòng mới để ghi vào trang "${historySheet}".`,
  ];
  if (plan.alreadyRecorded > 0)
    parts.push(`${String(plan.alreadyRecorded)} dòng của sổ đã có trong lịch sử, không ghi lại.`);
  if (plan.undecided.length > 0) {
    const rows = plan.undecided.slice(0, 10).map(String).join(', ');
    const more = plan.undecided.length > 10 ? ', …' : '';
    parts.push(
      `${String(plan.undecided.length)} dòng của trang "${registerSheet}" chưa có số và ngày quyết định nên chưa ghi (dòng ${rows}${more}).`,
    );
  }
  return parts.join(' ');
}
