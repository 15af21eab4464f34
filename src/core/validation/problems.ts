/**
 * The one list of problems (issue 10, Build 2): "Kiểm tra dữ liệu" reports exactly what the
 * sheet readers find, what "Tính xếp hạng" would refuse on (missing sheets, headers, units,
 * criteria, duplicated codes) and what the ranking itself reports (a missing score under "Báo
 * thiếu, không xếp hạng", at its cell), so the check never says less than the ranking does.
 */
import type { Finding } from '../findings';
import { SHEET_NAMES } from '../layout/sheets';
import { RANKING_INPUT_SHEETS } from '../ranking/rankingSheet';
import { rankWorkbook } from '../ranking/rankWorkbook';
import { nomineesInBallots } from '../votes/ballotSheet';
import { preprintedFindings } from './preprintedCheck';
import { structureFindings } from './inputs';
import { mergeFindings, readWorkbook, type WorkbookGrids } from './workbook';

/**
 * Every problem of the workbook, as "Kiểm tra dữ liệu" lists it. Ballot rows are read against
 * the nominees the ballots themselves name, as "Kiểm phiếu bình xét" reads them: the rows
 * "Tạo phiếu bình xét" wrote ("Ba Đình (Cờ thi đua)") are the product's, never the user's error.
 */
export function checkWorkbook(grids: WorkbookGrids): Finding[] {
  const votes = grids[SHEET_NAMES.votes];
  const nominees = votes === undefined ? [] : nomineesInBallots(votes);
  const readout = readWorkbook(grids, nominees.length > 0 ? { nominees } : {});
  const ranking = rankWorkbook(grids);
  return [
    ...mergeFindings(
      readout.findings,
      structureFindings(grids, readout),
      ranking.ok ? ranking.result.findings : [],
    ),
    // After the register's, as the tabs go; several problems may share a cell (one per message).
    ...preprintedFindings(grids),
  ];
}

/** The part of the problems "Tính xếp hạng" reads and therefore counts on its status line. */
export function scoringProblems(findings: readonly Finding[]): Finding[] {
  const scoring = new Set<string>(RANKING_INPUT_SHEETS);
  return findings.filter((f) => scoring.has(f.sheet));
}
