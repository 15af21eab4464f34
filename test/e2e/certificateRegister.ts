/**
 * Helpers of the certificate job's end-to-end tests: a register built in the test (one
 * Giấy khen per row unless told otherwise), settings, draining continuation triggers, reading
 * rows, messages and the output folder.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

export const CAPTION = 'Tạo giấy khen / bằng khen';
export const SHEET = SHEET_NAMES.awards;
export const COLS = AWARDS_LAYOUT.columns.map((c) => c.key);
export const col = (key: string): number => COLS.indexOf(key as (typeof COLS)[number]);
export const letter = (key: string): string => String.fromCharCode(65 + col(key));

export function registerRow(
  i: number,
  overrides: Partial<Record<string, unknown>> = {},
): unknown[] {
  const values: Record<string, unknown> = {
    recipientType: 'Cá nhân',
    salutation: 'Ông',
    name: `Nguyễn Văn Người ${String(i)}`,
    position: 'Giáo viên',
    unit: 'Trường THCS Nhân Chính',
    form: 'Giấy khen',
    level: 'Cơ sở',
    achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2022',
    decisionNumber: '163/QĐ-UBND',
    decisionDate: '19/01/2023',
    signerTitle: 'CHỦ TỊCH',
    signerName: 'Trần Văn Ký',
    registerNumber: String(1000 + i),
    year: 2022,
    email: '',
    ...overrides,
  };
  return COLS.map((k) =>
    k === 'status' || k === 'link' || k === 'error' || k === 'key' ? '' : (values[k] ?? ''),
  );
}

export function settingRow(host: LocalHost, label: string): number {
  for (let r = 1; r <= 200; r++)
    if (host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!A${String(r)}`) === label) return r;
  throw new Error(`no setting ${label}`);
}

export function setSetting(host: LocalHost, label: string, value: unknown): void {
  paste(host, SHEET_NAMES.settings, settingRow(host, label), 2, [[value]]);
}

export function setup(
  count: number,
  options: {
    mode?: 'Gộp' | 'Từng người';
    perFile?: number;
    rows?: (i: number) => Partial<Record<string, unknown>>;
  } = {},
): LocalHost {
  const host = newHost({ runtime: { startTime: new Date('2023-01-20T08:00:00+07:00') } });
  seedSampleWorkbook(host);
  paste(host, SHEET, 1, 1, [headerValues(AWARDS_LAYOUT)]);
  const sheet = host.spreadsheet.sheet(SHEET);
  if (sheet === undefined) throw new Error('no register');
  sheet.maxRows = Math.max(sheet.maxRows, count + 1);
  paste(
    host,
    SHEET,
    2,
    1,
    Array.from({ length: count }, (_, i) => registerRow(i + 1, options.rows?.(i + 1) ?? {})),
  );
  host.open();
  if (options.mode !== undefined) setSetting(host, 'Cách tạo giấy khen, bằng khen', options.mode);
  if (options.perFile !== undefined)
    setSetting(host, 'Số giấy mỗi tệp in (cách Gộp)', options.perFile);
  return host;
}

/** Runs due continuation triggers until none is left; returns how many ran. */
export function drain(host: LocalHost, maxRuns = 60): number {
  let runs = 0;
  for (;;) {
    const due = host.runDueTriggers(host.rt.nowMs + 2 * 24 * 3600 * 1000);
    runs += due.length;
    if (due.length === 0) return runs;
    if (runs > maxRuns) throw new Error(`still running after ${String(runs)} continuations`);
  }
}

export function cell(host: LocalHost, row: number, key: string): string {
  return String(host.spreadsheet.valueAt(`'${SHEET}'!${letter(key)}${String(row)}`));
}

export function statuses(host: LocalHost, count: number): string[] {
  return Array.from({ length: count }, (_, i) => cell(host, i + 2, 'status'));
}

export function jobRuns(host: LocalHost): ReturnType<LocalHost['report']>['executions'] {
  return host
    .report()
    .executions.filter(
      (e) => e.functionName === 'menuCreateCertificates' || e.functionName === 'jobContinue',
    );
}

export function messages(host: LocalHost): string {
  const r = host.report();
  return JSON.stringify(r.alerts) + JSON.stringify(r.toasts);
}

export function progressLine(host: LocalHost): string {
  return String(
    host.spreadsheet.valueAt(`'${SHEET}'!${String.fromCharCode(65 + COLS.length + 1)}1`),
  );
}

/** Live output files in the certificates folder (Docs and PDFs). */
export function liveFiles(host: LocalHost): { name: string; mimeType: string }[] {
  const r = settingRow(host, 'Thư mục lưu văn bản');
  const folder = String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(r)}`));
  return host.drive
    .filesIn(folder)
    .map((f) => ({ name: host.drive.nameOf(f), mimeType: f.mimeType }));
}

/** Makes the call `method` take `ms` more virtual time, the first `times` times it runs in a job. */
export function slowCall(
  host: LocalHost,
  method: string,
  ms: number,
  times: number,
): { n: number } {
  const fired = { n: 0 };
  host.rt.addCallHook((m) => {
    if (m !== method || fired.n >= times) return;
    fired.n++;
    host.rt.advance(ms);
  });
  return fired;
}
