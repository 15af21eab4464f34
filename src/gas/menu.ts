import { MENU } from './menuDefinition';

/** Simple trigger: adds the "Thi đua" menu when the spreadsheet opens. */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU.title);
  for (const item of MENU.items) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

export function menuAbout(): void {
  SpreadsheetApp.getUi().alert(
    'Thi đua',
    'Chấm điểm, xếp hạng thi đua và tạo giấy khen, bằng khen cho cụm, khối thi đua.',
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
