/**
 * "Kiểm tra dữ liệu" on Vị trí in phôi: the problems «Tạo giấy khen / bằng khen» would refuse a
 * print on paper for (readPreprintedSetup, the reading the job itself does), at their cells.
 * When Cấu hình prints on phôi they are errors, for the forms the register holds and those
 * measured; otherwise the measured rows are still checked, as warnings, so that positions are
 * right before the office switches to phôi.
 */
import { readAwards } from '../awards/readAwards';
import { certificateTemplateKind } from '../certificates/plan';
import { printsOnPreprinted, readPreprintedSetup } from '../certificates/preprintedSetup';
import { readPreprinted } from '../certificates/preprinted';
import { tryParseA1 } from '../a1';
import type { TemplateKind } from '../documents/defaultTemplates';
import { settingTexts } from '../documents/settingsWrite';
import { echoCellValue, type Finding } from '../findings';
import { SHEET_NAMES } from '../layout/sheets';
import { cellAt } from '../readers/cells';
import type { WorkbookGrids } from './workbook';

const SHEET = SHEET_NAMES.preprinted;

export function preprintedFindings(grids: WorkbookGrids): Finding[] {
  const settingsGrid = grids[SHEET_NAMES.settings];
  const texts = settingsGrid === undefined ? new Map<string, string>() : settingTexts(settingsGrid);
  const onPaper = printsOnPreprinted(texts);
  const grid = grids[SHEET];
  if (!onPaper && grid === undefined) return [];
  const kinds = new Set<TemplateKind>(grid === undefined ? [] : readPreprinted(grid).layout.keys());
  const awardsGrid = grids[SHEET_NAMES.awards];
  if (onPaper && awardsGrid !== undefined) {
    for (const row of readAwards(awardsGrid).value) {
      const kind = certificateTemplateKind(row.form);
      if (kind !== null) kinds.add(kind);
    }
  }
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const issue of readPreprintedSetup(grid, texts, kinds).issues) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    const at = tryParseA1(issue.cell);
    const value = grid === undefined || at === null ? '' : cellAt(grid, at.row - 1, at.column - 1);
    out.push({
      sheet: SHEET,
      cell: issue.cell,
      code: 'invalid-value',
      value: echoCellValue(value),
      message: issue.message,
      severity: onPaper ? 'error' : 'warning',
    });
  }
  return out;
}
