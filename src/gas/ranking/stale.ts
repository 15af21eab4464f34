/**
 * Marks the ranking as out of date after an input sheet changed. Called by onEdit (as the person
 * typing) and by the installable edit trigger (as its creator, who may write where the editor
 * may not); both catch a refusal, so a protected status cell never breaks the edit check.
 *
 * Two calls whatever the sheet size: find the status cell by its named range (set by "Tính xếp
 * hạng"; absent before the first ranking) and overwrite it. A conditional-format rule set with
 * the ranking colours the cell by the notice's first words, so no formatting call is needed here.
 * "Tính xếp hạng" writes the status afresh, which clears the notice.
 */
import { RANKING_STALE_TEXT, RANKING_STATUS_RANGE_NAME } from '../../core/ranking/rankingSheet';

export const RANKING_STATUS_RANGE = RANKING_STATUS_RANGE_NAME;
export const RANKING_STALE_NOTICE = RANKING_STALE_TEXT;

export function flagRankingStale(workbook: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const status = workbook.getRangeByName(RANKING_STATUS_RANGE_NAME);
  if (status === null) return;
  status.setValue(RANKING_STALE_TEXT);
}
