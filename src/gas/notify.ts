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

/** The message of anything a service threw, for a Vietnamese sentence around it. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
