/**
 * Đối chiếu lịch sử: the import's review list. One row per imported entry whose subject the
 * program could not match for certain; the user answers Kết luận for each, and the next run of
 * «Nhập lịch sử từ tệp khác» adds the answered rows (and marks them), never the same row twice.
 */
import { AWARD_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from '../model/award';
import { NUMBER_FORMATS as F, type TableLayout } from './columns';
import { SHEET_NAMES } from './sheets';

/** The two answers of Kết luận. */
export const REVIEW_SAME = 'Cùng một đối tượng';
export const REVIEW_DIFFERENT = 'Khác đối tượng';
export const REVIEW_DONE = 'Đã thêm vào lịch sử';

const text = (key: string, header: string, width: number) =>
  ({ key, header, width, numberFormat: F.text, required: false, entry: 'computed' }) as const;

export const HISTORY_REVIEW_LAYOUT = {
  sheet: SHEET_NAMES.historyReview,
  headerRow: 1,
  firstDataRow: 2,
  frozenRows: 1,
  frozenColumns: 0,
  columns: [
    text('reviewKey', 'Mã đối chiếu', 150),
    {
      key: 'year',
      header: 'Năm',
      width: 70,
      numberFormat: F.integer,
      required: true,
      entry: 'computed',
    },
    {
      key: 'subjectType',
      header: 'Tập thể / Cá nhân',
      width: 110,
      numberFormat: F.text,
      required: true,
      entry: 'computed',
      validation: { kind: 'list', values: Object.values(RECIPIENT_TYPE_LABELS) },
    },
    text('name', 'Tên trong tệp nhập', 220),
    text('unit', 'Đơn vị trong tệp nhập', 200),
    text('item', 'Danh hiệu, hình thức khen thưởng hoặc xếp loại', 240),
    {
      key: 'level',
      header: 'Cấp khen',
      width: 170,
      numberFormat: F.text,
      required: false,
      entry: 'computed',
      validation: { kind: 'list', values: Object.values(AWARD_LEVEL_LABELS) },
    },
    text('decisionNumber', 'Số quyết định', 120),
    {
      key: 'decisionDate',
      header: 'Ngày quyết định',
      width: 110,
      numberFormat: F.date,
      required: false,
      entry: 'computed',
    },
    text('source', 'Nguồn', 200),
    text('matchName', 'Tên trong lịch sử', 220),
    text('matchUnit', 'Đơn vị trong lịch sử', 200),
    text('reason', 'Vì sao cần đối chiếu', 260),
    {
      key: 'decision',
      header: 'Kết luận',
      width: 160,
      numberFormat: F.text,
      required: false,
      entry: 'user',
      validation: { kind: 'list', values: [REVIEW_SAME, REVIEW_DIFFERENT] },
      note: `Chọn «${REVIEW_SAME}» nếu là người / tập thể đã có trong lịch sử (dòng được thêm với tên trong lịch sử), «${REVIEW_DIFFERENT}» nếu là đối tượng khác (thêm với tên trong tệp nhập). Để trống: chưa thêm.`,
    },
    text('status', 'Trạng thái', 160),
  ],
} as const satisfies TableLayout;
export type HistoryReviewColumnKey = (typeof HISTORY_REVIEW_LAYOUT.columns)[number]['key'];
