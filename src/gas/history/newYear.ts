/**
 * «Tạo năm mới»: the next year starts from this one (src/core/history/newYear.ts decides what is
 * kept and what starts empty). Two dialogs first (a dialog releases the lock): where the new
 * year goes — a new copy of the file (default) or this same file after an archived copy — and
 * next year's head and deputies. Then, under the lock: this year's register is recorded into
 * Lịch sử, the copy is made, and the new year's file is reset. The previous year's workbook is
 * never written in copy mode; in same-file mode its archived copy is made before any change.
 * Refusals change nothing.
 */
import { SHEET_NAMES } from '../../core/layout/sheets';
import { readSettings } from '../../core/readers/settings';
import { readUnits } from '../../core/readers/units';
import {
  newYearClears,
  newYearSettings,
  type NewYearSettings,
  nextYearName,
  parseRoleRotation,
  rotatedRoleColumn,
  type RoleRotation,
} from '../../core/history/newYear';
import { scoringState } from '../../core/edit/editCheck';
import { emailKey } from '../../core/text/normalize';
import { alertUser, errorMessage } from '../notify';
import { runLocked } from '../lock';
import { checkCaller, readCaller } from '../permissions';
import { activeWorkbook, readGrid, writeBlock } from '../workbook';
import { recordRegister } from './recordHistory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NEW_YEAR_CAPTION = 'Tạo năm mới';

interface Choice {
  readonly sameFile: boolean;
  readonly roles: string;
}

export function menuNewYear(): void {
  const caller = readCaller(activeWorkbook());
  if (!checkCaller('newYear', caller).allowed) return;
  const choice = askChoice();
  if (choice === undefined) return;
  const isOwner =
    emailKey(caller.membership.owner) !== '' &&
    emailKey(caller.email) === emailKey(caller.membership.owner);
  runLocked(NEW_YEAR_CAPTION, () => {
    alertUser(newYear(activeWorkbook(), choice, isOwner), NEW_YEAR_CAPTION);
  });
}

function askChoice(): Choice | undefined {
  const ui = SpreadsheetApp.getUi();
  const where = ui.prompt(
    NEW_YEAR_CAPTION,
    'Năm mới tạo ở đâu? Gõ 1: một bản sao mới của tệp này (khuyên dùng, tệp năm nay giữ nguyên). ' +
      'Gõ 2: ngay trong tệp này (trước đó chương trình lưu một bản sao của năm nay).',
    ui.ButtonSet.OK_CANCEL,
  );
  if (where.getSelectedButton() !== ui.Button.OK) return undefined;
  const answer = where.getResponseText().trim();
  if (answer !== '1' && answer !== '2' && answer !== '') {
    alertUser(`Chỉ gõ 1 hoặc 2 (đã gõ «${answer}»). Chưa thay đổi gì.`, NEW_YEAR_CAPTION);
    return undefined;
  }
  const roles = ui.prompt(
    NEW_YEAR_CAPTION,
    'Cụm trưởng và Cụm phó năm sau: gõ mã đơn vị Cụm trưởng, dấu «;», rồi mã các Cụm phó cách nhau bằng dấu phẩy (ví dụ: HM; DD, HK). Để trống: giữ vai trò như năm nay.',
    ui.ButtonSet.OK_CANCEL,
  );
  if (roles.getSelectedButton() !== ui.Button.OK) return undefined;
  return { sameFile: answer === '2', roles: roles.getResponseText() };
}

export function newYear(workbook: Spreadsheet, choice: Choice, isOwner: boolean): string {
  const refuse = (why: string): string => `Chưa tạo năm mới: ${why} Chưa thay đổi gì.`;
  if (choice.sameFile && !isOwner)
    return refuse(
      'chỉ chủ sở hữu bảng tính tạo năm mới ngay trong tệp này (một số vùng được bảo vệ cả với Cụm trưởng). Hãy chọn 1 (bản sao mới).',
    );
  const settingsSheet = workbook.getSheetByName(SHEET_NAMES.settings);
  const settingsGrid = settingsSheet === null ? [] : readGrid(settingsSheet);
  const read = settingsSheet === null ? undefined : readSettings(settingsGrid);
  const year = read?.value?.year;
  const yearCell = read?.cells.get('year');
  if (settingsSheet === null || year === undefined || yearCell === undefined)
    return refuse(
      `không đọc được «Năm thi đua» trong trang "${SHEET_NAMES.settings}" (hãy chạy «Kiểm tra dữ liệu»).`,
    );
  const unitsSheet = workbook.getSheetByName(SHEET_NAMES.units);
  const unitsGrid = unitsSheet === null ? [] : readGrid(unitsSheet);
  const units = readUnits(unitsGrid).value;
  const parsed = parseRoleRotation(
    choice.roles,
    units.map((u) => u.code),
  );
  if (!parsed.ok) return refuse(parsed.message);
  if (workbook.getSheetByName(SHEET_NAMES.history) === null)
    return refuse(
      `chưa có trang "${SHEET_NAMES.history}": hãy chạy «Khởi tạo / cập nhật bảng tính» trước.`,
    );

  const name = workbook.getName();
  const file = DriveApp.getFileById(workbook.getId());
  let target: Spreadsheet;
  let where: string;
  const notes: string[] = [];
  if (choice.sameFile) {
    // History first, so the archived copy and the new year both hold it.
    notes.push(recordRegister(workbook).message);
    const archive = copyFile(file, `${name} (lưu trữ năm ${String(year)})`);
    target = workbook;
    where = `ngay trong tệp này; bản lưu năm ${String(year)}: ${archive.getUrl()}`;
  } else {
    const copy = copyFile(file, nextYearName(name, year));
    target = SpreadsheetApp.openById(copy.getId());
    notes.push(recordRegister(target).message);
    where = `trong tệp mới «${copy.getName()}»: ${copy.getUrl()}`;
  }
  // Read before the reset: the new year keeps the lock as it is, and the user is told.
  const scoringClosed = scoringState(settingsGrid).closed;
  const settings = resetYear(target, parsed.rotation);
  const next = String(year + 1);
  return [
    `Đã tạo năm ${next} ${where}.`,
    `Giữ lại: Cấu hình (năm ${next}), Đơn vị${parsed.rotation ? ' (vai trò theo phân công mới)' : ''}, Tiêu chí, Quy tắc khen thưởng, Lịch sử thi đua, khen thưởng. Bắt đầu trống: Tự chấm, Thẩm định, Chấm chéo, Xếp hạng, Bình xét, Khen thưởng, Thống kê khen thưởng, Điều kiện khen thưởng và phần các đơn vị đã đăng ký trong Đăng ký thi đua.`,
    ...newYearSettingsLines(settings, next),
    `Lịch sử: ${notes.join(' ')}`,
    `Tiếp theo: mở tệp năm ${next}, điền số và ngày của kế hoạch, giao ước năm ${next} trong trang "${SHEET_NAMES.settings}", rồi chạy «Khởi tạo / cập nhật bảng tính» để bảo vệ lại các vùng theo vai trò mới${scoringClosed ? ' và «Khóa / mở chấm điểm» để mở chấm điểm (năm nay đang khóa)' : ''}.`,
  ].join('\n\n');
}

function newYearSettingsLines(settings: NewYearSettings | undefined, next: string): string[] {
  if (settings === undefined) return [];
  const lines: string[] = [];
  if (settings.emptied.length > 0)
    lines.push(
      `Trong "${SHEET_NAMES.settings}", để trống cho năm ${next} (tệp năm nay vẫn giữ): ${settings.emptied.join('; ')}.`,
    );
  if (settings.legalBasesRenewed)
    lines.push(`Căn cứ ban hành giao ước: đã thay bằng các văn bản có hiệu lực năm ${next}.`);
  if (settings.legalBasesKept)
    lines.push(
      `Căn cứ ban hành giao ước do người dùng sửa nên được giữ nguyên: hãy đối chiếu với các văn bản có hiệu lực năm ${next}.`,
    );
  return lines;
}

/** A copy beside the original; in My Drive when the user may not add files to that folder. */
function copyFile(file: GoogleAppsScript.Drive.File, name: string): GoogleAppsScript.Drive.File {
  try {
    return file.makeCopy(name);
  } catch (error) {
    console.log(`makeCopy beside the original failed: ${errorMessage(error)}`);
    return file.makeCopy(name, DriveApp.getRootFolder());
  }
}

/** Year advanced, roles rotated, the year's data emptied: one read and one write per sheet. */
function resetYear(
  target: Spreadsheet,
  rotation: RoleRotation | undefined,
): NewYearSettings | undefined {
  const settingsSheet = target.getSheetByName(SHEET_NAMES.settings);
  const settings = settingsSheet === null ? undefined : newYearSettings(readGrid(settingsSheet));
  if (settingsSheet !== null && settings !== undefined) {
    // The emptied rows are scattered: one RangeList write; the year and the legal bases, one each.
    const emptied = settings.writes.filter((w) => w.value === '').map((w) => w.cell);
    if (emptied.length > 0) settingsSheet.getRangeList(emptied).clearContent();
    for (const write of settings.writes.filter((w) => w.value !== ''))
      settingsSheet.getRange(write.cell).setValue(write.value);
  }
  if (rotation !== undefined) {
    const unitsSheet = target.getSheetByName(SHEET_NAMES.units);
    const column =
      unitsSheet === null ? undefined : rotatedRoleColumn(readGrid(unitsSheet), rotation);
    if (unitsSheet !== null && column !== undefined)
      writeBlock(unitsSheet, column.row, column.column, column.values);
  }
  const names = [
    SHEET_NAMES.selfScores,
    SHEET_NAMES.verifiedScores,
    SHEET_NAMES.crossScores,
    SHEET_NAMES.votes,
    SHEET_NAMES.awards,
    SHEET_NAMES.ranking,
    SHEET_NAMES.awardStatistics,
    SHEET_NAMES.registration,
    SHEET_NAMES.eligibility,
  ];
  const grids: Record<string, unknown[][] | undefined> = {};
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const n of names) {
    const sheet = target.getSheetByName(n);
    if (sheet === null) continue;
    sheets.set(n, sheet);
    grids[n] = readGrid(sheet);
  }
  for (const block of newYearClears(grids)) {
    sheets
      .get(block.sheet)
      ?.getRange(block.row, block.column, block.numRows, block.numColumns)
      .clearContent();
  }
  return settings;
}
