/**
 * A minimal stand-in for the Sheets fakes, so the sandbox and the other services can be tested
 * without local/host/spreadsheet. It implements only what these tests touch.
 */
import { LocalHost, type LocalHostOptions, type SpreadsheetFactory } from '../../local/host';

export const standInSheets: SpreadsheetFactory = (rt, options) => {
  const toasts: unknown[] = [];
  const spreadsheet = {
    getId: () => {
      rt.call('Spreadsheet.getId');
      return 'sheet-1';
    },
    getName: () => {
      rt.call('Spreadsheet.getName');
      return options.name ?? 'Thi đua';
    },
  };
  const range = (a1: string) => ({
    getA1Notation: () => {
      rt.call('Range.getA1Notation');
      return a1;
    },
  });
  return {
    SpreadsheetApp: {
      getUi: () => {
        rt.call('SpreadsheetApp.getUi');
        return options.getUi();
      },
      getActiveSpreadsheet: () => {
        rt.call('SpreadsheetApp.getActiveSpreadsheet');
        return spreadsheet;
      },
      flush: () => {
        rt.call('SpreadsheetApp.flush');
      },
    },
    Charts: {},
    model: {
      toasts,
      userEdit: (user: string, a1: string, values: unknown) => {
        if (a1.startsWith('Khóa!'))
          return { accepted: false, reason: 'protected', range: range(a1) };
        return { accepted: true, range: range(a1), value: values, oldValue: 'cũ' };
      },
    },
  };
};

export function hostFor(code: string, options: Omit<LocalHostOptions, 'code'> = {}): LocalHost {
  return new LocalHost({ spreadsheetFactory: standInSheets, ...options, code });
}
