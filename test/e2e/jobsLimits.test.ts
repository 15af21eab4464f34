/**
 * Issue 10, point 6 (Jobs), end to end through build/Code.js in the local host:
 * - an item that cannot finish within one execution (Apps Script ends an execution at 6 minutes:
 *   https://developers.google.com/apps-script/guides/services/quotas, "Script runtime: 6 min /
 *   execution") is split (a combined print file) or marked failed after two executions without
 *   progress, never retried on every continuation;
 * - the time budget counts from the execution's start, not after the start's checks;
 * - a selection is used only when the user chose rows, and the alert says so and how to make all;
 * - the final message counts made, failed and skipped rows exactly as the rows show them.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import { LIMITS } from '../../local/host/runtime';
import { MIME } from '../../local/host/drive';
import { DEFAULT_BUDGET_MS } from '../../src/core/jobs';
import {
  CAPTION,
  cell,
  drain,
  jobRuns,
  liveFiles,
  progressLine,
  setup,
  slowCall,
  statuses,
} from './certificateRegister';

describe('jobs: an item that cannot finish within one execution', () => {
  it('a combined print file too big for one execution is split after two killed executions, each certificate made once', () => {
    const host = setup(140, { mode: 'Gộp', perFile: 120 });
    // Every page of a print file costs 3 s more than Docs' own cost model: 120 pages ≈ 6 min+.
    host.rt.addCallHook((m) => {
      if (m === 'Body.insertPageBreak') host.rt.advance(3000);
    });
    host.clickMenu(CAPTION);
    drain(host);

    const runs = jobRuns(host);
    // Two executions killed on the 120-page file, then split: never killed again.
    expect(runs.filter((e) => e.status === 'killed')).toHaveLength(2);
    expect(runs.length).toBeLessThan(12);
    for (const e of runs.filter((r) => r.status !== 'killed'))
      expect(e.virtualMs).toBeLessThanOrEqual(LIMITS.executionMs);
    const all = statuses(host, 140);
    expect(all.filter((s) => /^Đã tạo \(.+, trang \d+\)$/.test(s))).toHaveLength(140);
    // Halved to at most 60 pages (and cut further to what the measured pages fit): one Doc and
    // one PDF per print file, no leftover of the killed attempts.
    const files = liveFiles(host);
    const pdfs = files.filter((f) => f.mimeType === MIME.pdf).length;
    expect(pdfs).toBeGreaterThanOrEqual(3);
    expect(pdfs).toBeLessThanOrEqual(5);
    expect(files.filter((f) => f.mimeType === MIME.document)).toHaveLength(pdfs);
    const pages = all.map((s) => Number(/trang (\d+)\)$/.exec(s)?.[1]));
    expect(Math.max(...pages)).toBeLessThanOrEqual(60);
    // Said on the rows and in the final message, in Vietnamese.
    expect(cell(host, 2, 'error')).toMatch(
      /Tệp in 120 giấy không làm xong trong 2 lần chạy liên tiếp.*chia thành các tệp tối đa 60 giấy/,
    );
    expect(progressLine(host)).toMatch(
      /đã hoàn thành: 140 đã xong, 0 lỗi, 0 bỏ qua\. Tệp in \d+ giấy .*chia thành các tệp tối đa \d+ giấy\.$/,
    );
  });

  it('a single certificate killed in two executions is marked "Lỗi" with why, the others are made', () => {
    const host = setup(8, { mode: 'Từng người' });
    // The first Drive copy of each of the first two executions never ends within 6 minutes.
    let execution = -1;
    let slowed = 0;
    host.rt.addCallHook((m) => {
      const current = host.rt.executions.at(-1)?.id ?? -1;
      if (m !== 'File.makeCopy' || current === execution || slowed >= 2) return;
      execution = current;
      slowed++;
      host.rt.advance(LIMITS.executionMs);
    });
    host.clickMenu(CAPTION);
    drain(host);

    const runs = jobRuns(host);
    expect(runs.filter((e) => e.status === 'killed')).toHaveLength(2);
    const all = statuses(host, 8);
    expect(all[0]).toBe('Lỗi');
    expect(cell(host, 2, 'error')).toMatch(
      /không làm xong trong 2 lần chạy liên tiếp .*đánh dấu lỗi, không thử lại nữa/,
    );
    expect(all.slice(1)).toEqual(new Array(7).fill('Đã tạo'));
    expect(progressLine(host)).toMatch(/đã hoàn thành: 7 đã xong, 1 lỗi, 0 bỏ qua\./);
    expect(liveFiles(host).filter((f) => f.mimeType === MIME.pdf)).toHaveLength(7);
  });
});

describe('jobs: the time budget counts from the execution start', () => {
  it('a start whose checks took 2.5 minutes stops taking chunks at the budget, not 2.5 minutes later', () => {
    const host = setup(60, { mode: 'Từng người' });
    // The template's first opening (the start's dry run) takes 150 s of the menu execution.
    const slow = slowCall(host, 'DocumentApp.openById', 150_000, 1);
    host.clickMenu(CAPTION);
    expect(slow.n).toBe(1);
    const menu = jobRuns(host)[0];
    expect(menu?.status).toBe('ok');
    // Budget from the start (4.5 min) plus at most one item's overrun, far from 150 s + 4.5 min.
    expect(menu?.virtualMs ?? 0).toBeLessThanOrEqual(DEFAULT_BUDGET_MS + 30_000);
    drain(host);
    expect(jobRuns(host).filter((e) => e.status !== 'ok')).toEqual([]);
    expect(statuses(host, 60).every((s) => s === 'Đã tạo')).toBe(true);
  });
});
