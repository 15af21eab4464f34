/**
 * Certificates at the scale of seed 003 (2,505 awards of Thanh Xuân district in 2022) end to end
 * through build/Code.js: "Tạo giấy khen / bằng khen" in combined mode (100 a print file) across
 * as many executions as the 6-minute limit needs, with transient Drive/Docs errors at
 * pseudo-random calls, three rows with bad data, and two executions killed between a file's
 * creation and its status write. Then per-recipient mode on a 300-row slice, which passes the
 * consumer account's 250 documents a day: paused, resumed the next virtual day.
 *
 * Final state in both: no duplicate (the output folder's live files grouped by their key: one
 * Doc and one PDF each), none missing (every certificate row "Đã tạo…" and listed in exactly one
 * live PDF's manifest, linked to it), every other row explained in Vietnamese.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import type { LocalHost } from '../../local/host';
import { MIME } from '../../local/host/drive';
import { LIMITS, QUOTA_WINDOW_MS } from '../../local/host/runtime';
import { certificateTemplateKind, parseManifest } from '../../src/core/certificates';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SEED003_TOTAL, seed003Register } from '../../sample/seed003Register';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { CAPTION, COLS, SHEET, drain, setSetting, settingRow } from './certificateRegister';

const col = (key: (typeof COLS)[number]): number => COLS.indexOf(key);
const SEED = seed003Register();
/** Seed rows (0-based) that get a certificate: every form with a template. */
const CERTIFICATE_ROWS = SEED.flatMap((r, i) =>
  certificateTemplateKind(String(r[col('form')])) === null ? [] : [i],
);

/** Three rows of bad data, spread over the register (sheet rows = index + 2). */
const BAD_ROWS = new Map<number, { key: (typeof COLS)[number]; value: string; why: RegExp }>([
  [
    CERTIFICATE_ROWS[150] ?? 0,
    { key: 'email', value: 'không-phải-thư', why: /địa chỉ email hợp lệ/ },
  ],
  [CERTIFICATE_ROWS[1200] ?? 0, { key: 'signerName', value: '', why: /thiếu Người ký/ }],
  [CERTIFICATE_ROWS[2100] ?? 0, { key: 'decisionDate', value: '31/02/2022', why: /ngày/ }],
]);

/** Deterministic pseudo-random choice of call numbers (a 32-bit integer hash of n and a seed). */
function chance(seed: number, probability: number, fired: { n: number }): (n: number) => boolean {
  return (n) => {
    let h = Math.imul(n ^ seed, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const hit = (h >>> 0) / 2 ** 32 < probability;
    if (hit) fired.n++;
    return hit;
  };
}

/** The sample workbook set up from the menu, with the first `count` seed rows pasted. */
function setup(count: number, mode: 'Gộp' | 'Từng người'): LocalHost {
  const host = newHost({ runtime: { startTime: new Date('2023-01-20T08:00:00+07:00') } });
  seedSampleWorkbook(host);
  host.open();
  expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').status).toBe('ok');
  const rows = SEED.slice(0, count).map((r, i) => {
    const bad = BAD_ROWS.get(i);
    if (bad === undefined) return r;
    const copy = [...r];
    copy[col(bad.key)] = bad.value;
    return copy;
  });
  // Sheets adds rows when a paste runs past the grid's last row; the fixture's paste does not.
  const sheet = host.spreadsheet.sheet(SHEET);
  if (sheet === undefined) throw new Error('no register');
  sheet.maxRows = Math.max(sheet.maxRows, count + 1);
  paste(host, SHEET, 2, 1, rows);
  setSetting(host, 'Cách tạo giấy khen, bằng khen', mode);
  setSetting(host, 'Số giấy mỗi tệp in (cách Gộp)', 100);
  return host;
}

type RowState = { status: string; link: string; error: string; key: string };

function rowStates(host: LocalHost, count: number): RowState[] {
  const last = String.fromCharCode(65 + COLS.length - 1);
  const grid = host.spreadsheet.valuesAt(`'${SHEET}'!A2:${last}${String(count + 1)}`);
  return grid.map((r) => ({
    status: String(r[col('status')]),
    link: String(r[col('link')]),
    error: String(r[col('error')]),
    key: String(r[col('key')]),
  }));
}

function folderOf(host: LocalHost): string {
  return String(
    host.spreadsheet.valueAt(
      `'${SHEET_NAMES.settings}'!B${String(settingRow(host, 'Thư mục lưu văn bản'))}`,
    ),
  );
}

/** Checks the final state; returns the number of live print files (PDFs). */
function expectExactlyOnce(host: LocalHost, count: number, combined: boolean): number {
  const files = host.drive.filesIn(folderOf(host));
  // No duplicate: each output key has exactly one Doc and one PDF among the live files.
  const byKey = new Map<string, { pdf: number; doc: number }>();
  for (const f of files) {
    const name = host.drive.nameOf(f);
    const key = /(thidua-\S+?)(\.pdf)?$/.exec(name)?.[1] ?? name;
    const entry = byKey.get(key) ?? { pdf: 0, doc: 0 };
    if (f.mimeType === MIME.pdf) entry.pdf++;
    else entry.doc++;
    byKey.set(key, entry);
  }
  const wrong = [...byKey].filter(([, e]) => e.pdf !== 1 || e.doc !== 1);
  expect(wrong).toEqual([]);

  // None missing: every certificate row not in error is made and in exactly one live PDF.
  const manifests = new Map<string, string[]>();
  for (const f of files.filter((x) => x.mimeType === MIME.pdf)) {
    const manifest = parseManifest(f.description);
    expect(manifest).not.toBeNull();
    for (const rowKey of manifest?.rows ?? []) {
      const urls = manifests.get(rowKey) ?? [];
      urls.push(host.drive.url(f));
      manifests.set(rowKey, urls);
    }
  }
  const states = rowStates(host, count);
  let made = 0;
  states.forEach((s, i) => {
    const sheetRow = `dòng ${String(i + 2)}`;
    const bad = BAD_ROWS.get(i);
    if (bad !== undefined) {
      expect([sheetRow, s.status]).toEqual([sheetRow, 'Lỗi']);
      expect(s.error).toMatch(bad.why);
      expect(s.error).toMatch(/Trang "Khen thưởng", ô [A-Z]+\d+/);
      expect(manifests.has(s.key)).toBe(false);
      return;
    }
    if (certificateTemplateKind(String(SEED[i]?.[col('form')])) === null) {
      expect([sheetRow, s.status]).toEqual([sheetRow, 'Bỏ qua']);
      expect(s.error).toMatch(/^Chưa có mẫu cho hình thức ".+"/);
      expect(manifests.has(s.key)).toBe(false);
      return;
    }
    made++;
    expect([sheetRow, s.status]).toEqual([
      sheetRow,
      combined ? expect.stringMatching(/^Đã tạo \(.+, trang \d+\)$/) : 'Đã tạo',
    ]);
    expect([sheetRow, manifests.get(s.key)]).toEqual([sheetRow, [s.link]]);
  });
  // Every live PDF lists only rows of this register (nothing orphaned).
  const keys = new Set(states.map((s) => s.key));
  expect([...manifests.keys()].filter((k) => !keys.has(k))).toEqual([]);
  expect(manifests.size).toBe(made);
  return files.filter((x) => x.mimeType === MIME.pdf).length;
}

function expectExecutions(host: LocalHost): ReturnType<LocalHost['report']>['executions'] {
  const runs = host
    .report()
    .executions.filter(
      (e) => e.functionName === 'menuCreateCertificates' || e.functionName === 'jobContinue',
    );
  // No execution reached Apps Script's 6 minutes (a killed one was killed by the test).
  for (const e of runs) expect(e.virtualMs).toBeLessThanOrEqual(LIMITS.executionMs);
  expect(runs.filter((e) => e.status !== 'ok' && e.status !== 'killed')).toEqual([]);
  return runs;
}

/**
 * The job's use per quota window of the owner (each quota resets 24 hours after the first request
 * counted against it: https://developers.google.com/apps-script/guides/services/quotas): trigger
 * runtime and Google Docs created (trash included), by window number ('0', '1', …).
 */
function quotaUse(host: LocalHost): Map<string, { triggerMs: number; docs: number }> {
  const windows = new Map<string, { triggerMs: number; docs: number }>();
  const entry = (i: number) => {
    const key = String(i);
    const e = windows.get(key) ?? { triggerMs: 0, docs: 0 };
    windows.set(key, e);
    return e;
  };
  // Numbers each request by the window it falls in: a window opens at the first request after the last closed.
  const windowIndex = (times: number[]): number[] => {
    let start = -Infinity;
    let index = -1;
    return times.map((t) => {
      if (t >= start + QUOTA_WINDOW_MS) {
        start = t;
        index++;
      }
      return index;
    });
  };
  const runs = host.rt.executions
    .filter(
      (e) =>
        (e.functionName === 'menuCreateCertificates' || e.functionName === 'jobContinue') &&
        e.kind === 'timeBased',
    )
    .sort((a, b) => a.startMs - b.startMs);
  windowIndex(runs.map((e) => e.startMs)).forEach((i, n) => {
    const e = runs[n];
    if (e) entry(i).triggerMs += (e.endMs ?? e.startMs) - e.startMs;
  });
  const docs = host.drive
    .filesIn(folderOf(host), true)
    .filter((f) => f.mimeType === MIME.document)
    .map((f) => f.createdMs)
    .sort((a, b) => a - b);
  for (const i of windowIndex(docs)) entry(i).docs++;
  return windows;
}

describe(`${CAPTION} at the scale of seed 003`, () => {
  it('a kill right after a PDF is made, before its description, is adopted (regression): no second copy', () => {
    const host = setup(12, 'Từng người');
    host.rt.killWhen({ afterCall: { method: 'Folder.createFile', nth: 3 } });
    expect(host.clickMenu(CAPTION).status).toBe('killed');
    drain(host);
    expectExactlyOnce(host, 12, false);
  });

  it(`combined mode, all ${String(SEED003_TOTAL)} rows, transient faults, bad rows and two kills: each certificate exactly once`, () => {
    expect(SEED).toHaveLength(SEED003_TOTAL);
    const host = setup(SEED003_TOTAL, 'Gộp');
    const fired = { copy: { n: 0 }, save: { n: 0 }, text: { n: 0 }, pdf: { n: 0 } };
    const drive = 'Service error: Drive';
    const docs = "We're sorry, a server error occurred. Please wait a bit and try again.";
    host.rt.injectFault({
      method: 'File.makeCopy',
      when: chance(11, 0.12, fired.copy),
      message: drive,
    });
    host.rt.injectFault({
      method: 'Document.saveAndClose',
      when: chance(23, 0.01, fired.save),
      message: docs,
    });
    host.rt.injectFault({
      method: 'Text.insertText',
      when: chance(37, 0.00015, fired.text),
      message: docs,
    });
    host.rt.injectFault({
      method: 'File.getAs',
      when: chance(41, 0.12, fired.pdf),
      message: drive,
    });
    // Killed right after a print file's Doc is made, and right after a PDF is made (before its
    // description and the rows' status are written).
    host.rt.killWhen({ afterCall: { method: 'File.makeCopy', nth: 9 } });
    host.rt.killWhen({ afterCall: { method: 'Folder.createFile', nth: 17 } });

    expect(host.clickMenu(CAPTION).status).toBe('ok');
    drain(host);

    const pdfs = expectExactlyOnce(host, SEED003_TOTAL, true);
    // The certificate rows less the 3 bad ones, in files of ≤ 100 of one template each (2,500 in
    // 27 files: 21 Giấy khen, 2 Bằng khen, 1 Cờ thi đua, 3 Giấy chứng nhận); a kill may split one.
    const perKind = new Map<string, number>();
    CERTIFICATE_ROWS.filter((i) => !BAD_ROWS.has(i)).forEach((i) => {
      const kind = String(certificateTemplateKind(String(SEED[i]?.[col('form')])));
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    });
    const fewest = [...perKind.values()].reduce((a, n) => a + Math.ceil(n / 100), 0);
    expect(fewest).toBe(27);
    expect(pdfs).toBeGreaterThanOrEqual(fewest);
    expect(pdfs).toBeLessThanOrEqual(fewest + 3);
    for (const f of Object.values(fired)) expect(f.n).toBeGreaterThan(0);
    const runs = expectExecutions(host);
    expect(runs.filter((e) => e.status === 'killed')).toHaveLength(2);
    // About 32 virtual minutes of work in executions of under 6: a dozen or so, not hundreds.
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.length).toBeLessThanOrEqual(25);
    // Combined mode fits one day of a consumer account: 250 documents, 90 min of triggers a day.
    const days = quotaUse(host);
    expect(days.size).toBe(1);
    for (const use of days.values()) {
      expect(use.docs).toBeGreaterThanOrEqual(23);
      expect(use.docs).toBeLessThanOrEqual(250);
      expect(use.triggerMs).toBeLessThan(90 * 60_000);
    }
    const progress = String(
      host.spreadsheet.valueAt(`'${SHEET}'!${String.fromCharCode(65 + COLS.length + 1)}1`),
    );
    // The progress line ends on the job's final state, and counts the rows as they show them
    // (3 rows marked "Lỗi", the 2 orders with no template "Bỏ qua").
    expect(SEED003_TOTAL - CERTIFICATE_ROWS.length).toBe(2);
    expect(progress).toMatch(/đã hoàn thành: 2500 đã xong, 3 lỗi, 2 bỏ qua\./);
    expect(JSON.stringify(host.report().toasts)).toMatch(
      /đã hoàn thành: 2500 đã xong, 3 lỗi, 2 bỏ qua\./,
    );
  });

  it('per-recipient mode on 300 rows: paused at the 250 documents a day, resumed the next day, each exactly once', () => {
    const host = setup(300, 'Từng người');
    const fired = { copy: { n: 0 }, pdf: { n: 0 } };
    host.rt.injectFault({
      method: 'File.makeCopy',
      when: chance(5, 0.02, fired.copy),
      message: 'Service error: Drive',
    });
    host.rt.injectFault({
      method: 'File.getAs',
      when: chance(7, 0.02, fired.pdf),
      message: 'Service error: Drive',
    });
    host.rt.killWhen({ afterCall: { method: 'Folder.createFile', nth: 40 } });
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    drain(host);

    expectExactlyOnce(host, 300, false);
    expect(fired.copy.n + fired.pdf.n).toBeGreaterThan(0);
    const runs = expectExecutions(host);
    expect(runs.filter((e) => e.status === 'killed')).toHaveLength(1);
    const toasts = JSON.stringify(host.report().toasts) + JSON.stringify(host.report().alerts);
    // No fixed hour is promised: quotas return 24 h after the first counted request, per user.
    expect(toasts).toMatch(/hết hạn mức hằng ngày của Google; sẽ thử lại lúc/);
    expect(toasts).toContain('24 giờ sau lần dùng đầu tiên');
    // Documents were made on two quota days (Pacific days or 24-h windows, as the host counts): up to the 250 of the first, the rest after the
    // reset (a copy that failed on an injected fault made no document).
    const days = [...quotaUse(host).entries()].sort((a, b) => a[0].localeCompare(b[0]));
    expect(days).toHaveLength(2);
    const [first, second] = days.map(([, use]) => use.docs);
    expect(first).toBeGreaterThan(200);
    expect(first).toBeLessThanOrEqual(250);
    expect(second).toBeGreaterThan(0);
  });
});
