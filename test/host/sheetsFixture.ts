/**
 * The Sheets fakes on their own (no script): a runtime, a spreadsheet shared with `editors`, and
 * a way to act as a given user, for the conformance tests of protections, limits and locale.
 */
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export function sheetsHost(options: { editors: string[]; locale?: string; timeZone?: string }) {
  const rt = new HostRuntime();
  const host = createSpreadsheetHost(rt, { getUi: () => null, ...options });
  const app = host.SpreadsheetApp as unknown as App;
  const ss = app.getActiveSpreadsheet();
  return { rt, host, app, ss, sheet: ss.getActiveSheet(), model: host.model };
}

/** Runs `fn` as an execution of `user`, the way the loader does. */
export function as<T>(rt: HostRuntime, user: string, fn: () => T): T {
  const exec = rt.beginExecution('menu', 'test', user);
  try {
    return fn();
  } finally {
    rt.endExecution(exec);
  }
}
