/**
 * Matching imported history entries with this workbook's subjects (the collectives and people
 * already in Lịch sử, and the units of Đơn vị). Names are compared after normalisation
 * (src/core/text/normalize.ts): case, spacing and tone placement never matter.
 * - Same type, name and (for individuals) unit, diacritics included: certain, the entry is added.
 * - Equal only without diacritics ("Nguyễn Văn An" / "Nguyễn Văn Ân"): uncertain.
 * - An individual of the same name in another unit: uncertain (moved, or a namesake).
 * - Nobody like it: a new subject, added.
 * Uncertain entries go to Đối chiếu lịch sử; nothing is merged until the user says so.
 * An entry already in the history (same key, or same subject, year, item and decision) is skipped.
 */
import { fnv1a32, hashHex } from '../fingerprint';
import type { HistoryEntry } from '../model/history';
import { nameKey } from '../text/normalize';

export interface Subject {
  readonly subjectType: HistoryEntry['subjectType'];
  readonly name: string;
  readonly unit: string;
}

export interface ReviewItem {
  /** Stable per imported entry: a re-import finds its row on the review sheet. */
  readonly reviewKey: string;
  readonly entry: HistoryEntry;
  readonly match: Subject;
  readonly reason: string;
}

export interface ImportPlan {
  readonly added: readonly HistoryEntry[];
  readonly review: readonly ReviewItem[];
  readonly skipped: number;
}

const strict = (s: string): string => nameKey(s);
const loose = (s: string): string => nameKey(s, { ignoreDiacritics: true });

function subjectOf(e: Subject): Subject {
  return {
    subjectType: e.subjectType,
    name: e.name,
    unit: e.subjectType === 'individual' ? e.unit : '',
  };
}

const strictKey = (s: Subject): string =>
  `${s.subjectType}|${strict(s.name)}|${s.subjectType === 'individual' ? strict(s.unit) : ''}`;
const looseKey = (s: Subject): string =>
  `${s.subjectType}|${loose(s.name)}|${s.subjectType === 'individual' ? loose(s.unit) : ''}`;
const nameOnlyKey = (s: Subject): string => `${s.subjectType}|${strict(s.name)}`;

/** What makes an entry the same fact: subject, year, item and decision number. */
export function entryFactKey(e: HistoryEntry): string {
  return [strictKey(e), String(e.year), strict(e.item), strict(e.decisionNumber)].join('\u001f');
}

/** "LS2021-…": the Mã hồ sơ of an imported entry that had none, so a re-import adds nothing. */
export function importKey(e: HistoryEntry): string {
  const text = entryFactKey(e);
  return `LS${String(e.year)}-${hashHex(fnv1a32(text))}${hashHex(fnv1a32(`\u0001${text}\u0002`))}`;
}

export function planImport(
  incoming: readonly HistoryEntry[],
  existing: readonly HistoryEntry[],
  extraSubjects: readonly Subject[],
  /** Review keys already on Đối chiếu lịch sử (answered or not). */
  underReview: ReadonlySet<string>,
): ImportPlan {
  const keys = new Set(existing.map((e) => e.registerKey).filter((k) => k !== ''));
  const facts = new Set(existing.map(entryFactKey));
  const subjects = [...existing.map(subjectOf), ...extraSubjects.map(subjectOf)];
  const byStrict = new Set(subjects.map(strictKey));
  const byLoose = new Map<string, Subject>();
  const byName = new Map<string, Subject>();
  for (const s of subjects) {
    if (!byLoose.has(looseKey(s))) byLoose.set(looseKey(s), s);
    if (!byName.has(nameOnlyKey(s))) byName.set(nameOnlyKey(s), s);
  }
  const added: HistoryEntry[] = [];
  const review: ReviewItem[] = [];
  let skipped = 0;
  for (const raw of incoming) {
    const entry = raw.registerKey === '' ? { ...raw, registerKey: importKey(raw) } : raw;
    if (keys.has(entry.registerKey) || facts.has(entryFactKey(entry))) {
      skipped++;
      continue;
    }
    keys.add(entry.registerKey);
    facts.add(entryFactKey(entry));
    const s = subjectOf(entry);
    if (byStrict.has(strictKey(s))) {
      added.push(entry);
      continue;
    }
    const similar = byLoose.get(looseKey(s));
    const namesake = entry.subjectType === 'individual' ? byName.get(nameOnlyKey(s)) : undefined;
    const match = similar ?? namesake;
    if (match === undefined) {
      added.push(entry);
      continue;
    }
    if (underReview.has(entry.registerKey)) {
      skipped++;
      continue;
    }
    review.push({
      reviewKey: entry.registerKey,
      entry,
      match,
      reason:
        similar !== undefined
          ? 'Tên chỉ giống nhau khi bỏ dấu'
          : `Cùng họ tên, khác đơn vị (${match.unit || 'không ghi đơn vị'})`,
    });
  }
  return { added, review, skipped };
}

/** The entry a confirmed review row adds: under the history's name when the user says "same". */
export function confirmedEntry(item: ReviewItem, same: boolean): HistoryEntry {
  if (!same) return item.entry;
  const renamed =
    strict(item.entry.name) !== strict(item.match.name) ||
    strict(item.entry.unit) !== strict(item.match.unit);
  return {
    ...item.entry,
    name: item.match.name,
    unit: item.entry.subjectType === 'individual' ? item.match.unit : item.entry.unit,
    note: renamed
      ? [
          item.entry.note,
          `Tệp nhập ghi: ${item.entry.name}${item.entry.unit ? ` (${item.entry.unit})` : ''}`,
        ]
          .filter((t) => t !== '')
          .join('; ')
      : item.entry.note,
  };
}
