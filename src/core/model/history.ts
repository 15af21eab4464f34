/**
 * History (lịch sử thi đua, khen thưởng): what each collective and individual received, and how
 * it was rated, year after year. Higher awards depend on earlier years (consecutive years of a
 * title or of a rating), so every eligibility rule reads this one table; each year's register
 * adds to it when its decisions are recorded, and last year's workbook or an Excel file can be
 * imported into it.
 *
 * Pure data: the schema of one entry and the catalogue that says what an entry's text is.
 */
import * as z from 'zod/mini';
import { CalendarDateSchema } from './calendarDate';
import { AwardLevelSchema, RecipientTypeSchema, awardFormSpec, type AwardKind } from './award';
import { nameKey } from '../text/normalize';

/**
 * Yearly rating of quality (xếp loại chất lượng), the four levels of Nghị định 90/2020/NĐ-CP
 * (Điều 2), with the abbreviations offices write.
 */
export const RatingSchema = z.enum(['excellent', 'good', 'done', 'notDone']);
export type Rating = z.infer<typeof RatingSchema>;

export const RATING_LABELS: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  notDone: 'Không hoàn thành nhiệm vụ',
};

export const RATING_ABBREVIATIONS: Record<Rating, string> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  done: 'HTNV',
  notDone: 'KHTNV',
};

/** What a history entry records: an emulation title, a form of commendation, a rating or an initiative. */
export type HistoryItemKind = AwardKind | 'rating' | 'initiative';

export const HISTORY_ITEM_KIND_LABELS: Record<HistoryItemKind, string> = {
  title: 'Danh hiệu thi đua',
  form: 'Hình thức khen thưởng',
  rating: 'Xếp loại',
  initiative: 'Sáng kiến',
};

const key = (text: string): string => nameKey(text, { ignoreDiacritics: true });

/** The rating a text names (full wording or abbreviation, any case, with or without marks). */
export function ratingOf(text: string): Rating | undefined {
  const k = key(text);
  if (k === '') return undefined;
  return (Object.keys(RATING_LABELS) as Rating[]).find(
    (r) => k === key(RATING_LABELS[r]) || k === key(RATING_ABBREVIATIONS[r]),
  );
}

/**
 * Initiatives (sáng kiến) are written "Sáng kiến …" (or "Đề tài …", "Giải pháp …": the law
 * counts research topics and solutions recognised by a council alongside them).
 */
const INITIATIVE_PREFIXES = ['sang kien', 'de tai', 'giai phap'];

/** What an entry's text is. A text the catalogues do not know counts as a form of commendation. */
export function historyItemKind(text: string): HistoryItemKind {
  if (ratingOf(text) !== undefined) return 'rating';
  const k = key(text);
  if (INITIATIVE_PREFIXES.some((p) => k === p || k.startsWith(`${p} `))) return 'initiative';
  return awardFormSpec(text)?.kind ?? 'form';
}

/** One row of Lịch sử thi đua, khen thưởng. */
export const HistoryEntrySchema = z.object({
  year: z.int().check(z.gte(1900), z.lte(2200)),
  subjectType: RecipientTypeSchema,
  /** The collective's full name, or the individual's full name. */
  name: z.string().check(z.minLength(1)),
  /** Individual: where they work. Collective: the body above it ('' for the unit itself). */
  unit: z._default(z.string(), ''),
  /** The title, form, rating or initiative, as written ("Chiến sĩ thi đua cơ sở", "HTXSNV"). */
  item: z.string().check(z.minLength(1)),
  /** Award level of a title or form; absent for ratings and initiatives. */
  level: z.optional(AwardLevelSchema),
  decisionNumber: z._default(z.string(), ''),
  decisionDate: z.optional(CalendarDateSchema),
  note: z._default(z.string(), ''),
  /** Where the entry came from ("Sổ khen thưởng 2024", "Nhập từ …"); '' when typed by hand. */
  source: z._default(z.string(), ''),
  /** The register row's key (Mã hồ sơ) an entry was recorded from: recording twice adds nothing. */
  registerKey: z._default(z.string(), ''),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * Who an entry is about, as compared across years and files: the subject type, the name and (for
 * individuals) the unit, each normalised without case or diacritics. Two people of the same name
 * in one unit are one subject to this key; imports send such doubts to review, never merge them.
 */
export function subjectKey(entry: Pick<HistoryEntry, 'subjectType' | 'name' | 'unit'>): string {
  const unit = entry.subjectType === 'individual' ? key(entry.unit) : '';
  return `${entry.subjectType}|${key(entry.name)}|${unit}`;
}
