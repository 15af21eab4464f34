/**
 * Messages to the person at the Sheet. The Ui is not available to time-driven triggers, so every
 * alert degrades to a toast and a log line there.
 */
export const TOAST_TITLE = 'Thi đua';

export function toast(message: string, seconds = 8): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, TOAST_TITLE, seconds);
}

export function alertUser(message: string, title = TOAST_TITLE): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    // No Ui in time-driven runs: say it in a toast and the log instead.
    console.log(`${title}: ${message}`);
    toast(message);
  }
}

/** Apps Script's words when the running user may not write a protected range or sheet. */
const PROTECTED_EDIT = 'You are trying to edit a protected cell or object';

/** The message of anything a service threw, for a Vietnamese sentence around it. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes(PROTECTED_EDIT)) {
    return (
      'tài khoản của bạn không được sửa một vùng được bảo vệ của bảng tính. Hãy nhờ chủ sở hữu ' +
      `bảng tính hoặc Cụm trưởng thực hiện. (${message})`
    );
  }
  return message;
}
