/**
 * The workbook's sheet names, in one place. Users see these tabs; code refers to them by key so
 * a rename is one edit here.
 */
export const SHEET_NAMES = {
  guide: 'Hướng dẫn',
  settings: 'Cấu hình',
  units: 'Đơn vị',
  criteria: 'Tiêu chí',
  selfScores: 'Tự chấm',
  verifiedScores: 'Thẩm định',
  crossScores: 'Chấm chéo',
  ranking: 'Xếp hạng',
  votes: 'Bình xét',
  awards: 'Khen thưởng',
  awardStatistics: 'Thống kê khen thưởng',
  preprinted: 'Vị trí in phôi',
  // The years (issue 13): each sheet joins SHEET_ORDER when its feature sets it up.
  registration: 'Đăng ký thi đua',
  history: 'Lịch sử thi đua, khen thưởng',
  historyReview: 'Đối chiếu lịch sử',
  rules: 'Quy tắc khen thưởng',
  eligibility: 'Điều kiện khen thưởng',
  yearStatistics: 'Thống kê qua các năm',
  audit: 'Nhật ký',
} as const;

export type SheetKey = keyof typeof SHEET_NAMES;
export type SheetName = (typeof SHEET_NAMES)[SheetKey];

/**
 * Tab order of a new workbook, also the order findings are listed in; findings on sheets not
 * listed sort last. The award sheets come before Nhật ký, which stays the last tab.
 */
export const SHEET_ORDER: readonly SheetName[] = [
  SHEET_NAMES.guide,
  SHEET_NAMES.settings,
  SHEET_NAMES.units,
  SHEET_NAMES.criteria,
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
  SHEET_NAMES.crossScores,
  SHEET_NAMES.ranking,
  SHEET_NAMES.votes,
  SHEET_NAMES.awards,
  SHEET_NAMES.awardStatistics,
  SHEET_NAMES.yearStatistics,
  SHEET_NAMES.preprinted,
  SHEET_NAMES.registration,
  SHEET_NAMES.history,
  SHEET_NAMES.rules,
  SHEET_NAMES.eligibility,
  SHEET_NAMES.audit,
];

/** Sheets whose edits are refused once scoring is closed (Đã khóa). */
export const SCORE_SHEETS: readonly SheetName[] = [
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
  SHEET_NAMES.crossScores,
];

export function isScoreSheet(sheet: string): boolean {
  return (SCORE_SHEETS as readonly string[]).includes(sheet);
}

/** Position of a sheet in SHEET_ORDER; unknown sheets after all known ones. */
export function sheetOrderIndex(sheet: string): number {
  const index = (SHEET_ORDER as readonly string[]).indexOf(sheet);
  return index < 0 ? SHEET_ORDER.length : index;
}
