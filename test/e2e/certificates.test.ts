/**
 * "Tạo giấy khen / bằng khen" end to end through build/Code.js: a register built in the test,
 * certificates made across as many executions as the 6-minute limit needs (continuation
 * triggers), with faults: transient errors, permanent row errors, a kill right after a Drive copy,
 * the daily documents quota; and two concurrent starts serialised.
 */
// Placeholder PDFs: LibreOffice conversions would take seconds each (local/host/docs/pdf.ts).
process.env.THIDUA_SOFFICE = '';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { headerValues } from '../../src/core/layout/columns';
import { MIME } from '../../local/host/drive';
import { walk } from '../../local/host/docs';
import type { LocalHost } from '../../local/host';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';
import { CAPTION, SHEET, cell, registerRow as sharedRow } from './certificateRegister';

/** Every third row a collective, every fifth a Bằng khen; the rest as the shared register row. */
function registerRow(i: number, overrides: Partial<Record<string, unknown>> = {}): unknown[] {
  const collective =
    i % 3 === 0
      ? {
          recipientType: 'Tập thể',
          name: `Trường Tiểu học Số ${String(i)}`,
          position: '',
          unit: '',
        }
      : {};
  return sharedRow(i, {
    ...collective,
    form: i % 5 === 0 ? 'Bằng khen' : 'Giấy khen',
    ...overrides,
  });
}

function setup(
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
  const rows = Array.from({ length: count }, (_, i) =>
    registerRow(i + 1, options.rows?.(i + 1) ?? {}),
  );
  paste(host, SHEET, 2, 1, rows);
  host.open();
  return host;
}

function settingRow(host: LocalHost, label: string): number {
  const sheet = host.spreadsheet.sheet(SHEET_NAMES.settings);
  if (!sheet) throw new Error('no settings');
  for (let r = 1; r <= 200; r++)
    if (host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!A${String(r)}`) === label) return r;
  return -1;
}

function setSetting(host: LocalHost, label: string, value: unknown): void {
  let r = settingRow(host, label);
  if (r < 0) {
    r = 150;
    while (host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!A${String(r)}`) !== '') r++;
    paste(host, SHEET_NAMES.settings, r, 1, [[label, value]]);
  } else paste(host, SHEET_NAMES.settings, r, 2, [[value]]);
}

function drain(host: LocalHost, maxRuns = 400): number {
  let runs = 0;
  for (;;) {
    const due = host.runDueTriggers(host.rt.nowMs + 2 * 24 * 3600 * 1000);
    runs += due.length;
    if (due.length === 0 || runs > maxRuns) return runs;
  }
}

function folderId(host: LocalHost): string {
  const r = settingRow(host, 'Thư mục lưu văn bản');
  return String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(r)}`));
}

function liveFiles(host: LocalHost): { name: string; mimeType: string }[] {
  return host.drive
    .filesIn(folderId(host))
    .map((f) => ({ name: host.drive.nameOf(f), mimeType: f.mimeType }));
}

/** Output files per key (the last word of the name). */
function byKey(host: LocalHost): Map<string, { pdf: number; doc: number }> {
  const out = new Map<string, { pdf: number; doc: number }>();
  for (const f of liveFiles(host)) {
    const key = /(thidua-\S+?)(\.pdf)?$/.exec(f.name)?.[1] ?? f.name;
    const entry = out.get(key) ?? { pdf: 0, doc: 0 };
    if (f.mimeType === MIME.pdf) entry.pdf++;
    else entry.doc++;
    out.set(key, entry);
  }
  return out;
}

describe(CAPTION, () => {
  it('makes one Doc and one PDF per recipient across executions, statuses and links written', () => {
    const host = setup(60);
    host.clickMenu(CAPTION);
    drain(host);
    const statuses = Array.from({ length: 60 }, (_, i) => cell(host, i + 2, 'status'));
    expect(statuses.every((s) => s === 'Đã tạo')).toBe(true);
    const files = liveFiles(host);
    expect(files.filter((f) => f.mimeType === MIME.pdf)).toHaveLength(60);
    expect(files.filter((f) => f.mimeType === MIME.document)).toHaveLength(60);
    expect(cell(host, 2, 'link')).toMatch(/^https:\/\//);
    expect(host.report().executions.length).toBeGreaterThan(2);
  });

  it('e-mails each recipient their PDF when Cấu hình says Có; rows without an address are only made', () => {
    const host = setup(6, {
      rows: (i) => ({ email: i % 2 === 0 ? `nguoi${String(i)}@truong.edu.vn` : '' }),
    });
    setSetting(host, 'Gửi giấy khen qua thư điện tử', 'Có');
    host.clickMenu(CAPTION);
    drain(host);
    const sent = host.sentBox.messages;
    expect(sent.flatMap((m) => m.to).sort()).toEqual(
      ['nguoi2@truong.edu.vn', 'nguoi4@truong.edu.vn', 'nguoi6@truong.edu.vn'].sort(),
    );
    for (const m of sent) {
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments[0]?.contentType).toBe(MIME.pdf);
      expect(m.subject.normalize('NFC')).toBe(m.subject);
    }
    const notes = Array.from({ length: 6 }, (_, i) => cell(host, i + 2, 'error'));
    expect(notes[1]).toBe('Đã gửi thư tới nguoi2@truong.edu.vn.');
    expect(notes[0]).toBe('');
    expect(Array.from({ length: 6 }, (_, i) => cell(host, i + 2, 'status'))).toEqual(
      new Array<string>(6).fill('Đã tạo'),
    );
  });

  it("e-mails held back by the day's quota go out on a later run, from the PDFs already made", () => {
    const host = setup(4, { rows: (i) => ({ email: `nguoi${String(i)}@truong.edu.vn` }) });
    setSetting(host, 'Gửi giấy khen qua thư điện tử', 'Có');
    host.rt.useQuota('emailRecipients', 98); // two e-mails left today
    host.clickMenu(CAPTION);
    drain(host);
    const notes = () => Array.from({ length: 4 }, (_, i) => cell(host, i + 2, 'error'));
    expect(host.sentBox.messages).toHaveLength(2);
    expect(notes().filter((n) => n.startsWith('Chưa gửi thư'))).toHaveLength(2);
    const documents = host.documents.list().length;
    const files = liveFiles(host).length;

    host.rt.nowMs += 24 * 3600 * 1000; // the next day: a fresh quota
    host.clickMenu(CAPTION);
    drain(host);
    expect(host.sentBox.messages.flatMap((m) => m.to).sort()).toEqual(
      [1, 2, 3, 4].map((i) => `nguoi${String(i)}@truong.edu.vn`),
    );
    expect(notes().every((n) => n.startsWith('Đã gửi thư tới'))).toBe(true);
    expect(Array.from({ length: 4 }, (_, i) => cell(host, i + 2, 'status'))).toEqual(
      new Array<string>(4).fill('Đã tạo'),
    );
    // Nothing was made again: same documents, same files, each e-mail once.
    expect(host.documents.list()).toHaveLength(documents);
    expect(liveFiles(host)).toHaveLength(files);
    expect(
      host.sentBox.messages.every(
        (m) => m.attachments.length === 1 && m.attachments[0]?.contentType === MIME.pdf,
      ),
    ).toBe(true);
  });

  it('a certificate adopted after a kill between its PDF and its e-mail is still e-mailed, once', () => {
    const host = setup(5, { rows: (i) => ({ email: `nguoi${String(i)}@truong.edu.vn` }) });
    setSetting(host, 'Gửi giấy khen qua thư điện tử', 'Có');
    host.rt.killWhen({ afterCall: { method: 'Folder.createFile', nth: 3 } });
    host.clickMenu(CAPTION);
    drain(host);
    expect(host.report().executions.some((e) => e.status === 'killed')).toBe(true);
    expect(host.sentBox.messages.flatMap((m) => m.to).sort()).toEqual(
      [1, 2, 3, 4, 5].map((i) => `nguoi${String(i)}@truong.edu.vn`),
    );
    expect(Array.from({ length: 5 }, (_, i) => cell(host, i + 2, 'status'))).toEqual(
      new Array<string>(5).fill('Đã tạo'),
    );
    expect(
      Array.from({ length: 5 }, (_, i) => cell(host, i + 2, 'error')).every((n) =>
        n.startsWith('Đã gửi thư tới'),
      ),
    ).toBe(true);
    expect([...byKey(host).values()].every((e) => e.pdf === 1 && e.doc === 1)).toBe(true);
    expect(byKey(host).size).toBe(5);
  });

  it('says at the start that combined print files are not e-mailed', () => {
    const host = setup(3, { rows: () => ({ email: 'nguoi@truong.edu.vn' }) });
    setSetting(host, 'Cách tạo giấy khen, bằng khen', 'Gộp');
    setSetting(host, 'Gửi giấy khen qua thư điện tử', 'Có');
    host.clickMenu(CAPTION);
    drain(host);
    expect(host.sentBox.messages).toHaveLength(0);
    expect(JSON.stringify(host.report().toasts)).toMatch(/không gửi thư cho từng người/);
  });

  it('survives transient errors, a kill right after a Drive copy and permanent row errors: no duplicate, none missing', () => {
    const host = setup(40, {
      rows: (i) => (i === 7 ? { email: 'không-phải-thư' } : i === 9 ? { signerName: '' } : {}),
    });
    let n = 0;
    host.rt.injectFault({
      method: 'File.makeCopy',
      when: () => ++n % 7 === 3,
      message: 'Service error: Drive',
    });
    host.rt.injectFault({
      method: 'Text.insertText',
      when: (c) => c % 97 === 5,
      message: "We're sorry, a server error occurred. Please wait a bit and try again.",
    });
    host.rt.killWhen({ afterCall: { method: 'File.makeCopy', nth: 12 } });
    host.clickMenu(CAPTION);
    drain(host);
    const keys = byKey(host);
    expect([...keys.values()].every((e) => e.pdf === 1 && e.doc === 1)).toBe(true);
    expect(keys.size).toBe(38);
    expect(cell(host, 8, 'status')).toBe('Lỗi');
    expect(cell(host, 8, 'error')).toMatch(/thư điện tử|e-mail|email/i);
    expect(cell(host, 10, 'status')).toBe('Lỗi');
    expect(cell(host, 10, 'error')).toMatch(/Khen thưởng", ô K10/);
    const done = Array.from({ length: 40 }, (_, i) => cell(host, i + 2, 'status')).filter(
      (x) => x === 'Đã tạo',
    );
    expect(done).toHaveLength(38);
    expect(host.report().executions.some((e) => e.status === 'killed')).toBe(true);
  });

  it('combined mode: print files of N pages, paused at the daily documents quota and resumed the next day', () => {
    const host = setup(120, { rows: () => ({ form: 'Giấy khen' }) });
    setSetting(host, 'Cách tạo giấy khen, bằng khen', 'Gộp');
    setSetting(host, 'Số giấy mỗi tệp in (cách Gộp)', 10);
    host.rt.useQuota('documentsCreated', 245);
    host.clickMenu(CAPTION);
    const paused = host
      .report()
      .alerts.map((a) => JSON.stringify(a))
      .join(' ');
    drain(host);
    const statuses = Array.from({ length: 120 }, (_, i) => cell(host, i + 2, 'status'));
    expect(statuses.every((x) => x.startsWith('Đã tạo ('))).toBe(true);
    expect(statuses[10]).toMatch(/dòng 12-21, trang 1\)$/);
    const keys = byKey(host);
    expect(keys.size).toBe(12);
    expect([...keys.values()].every((e) => e.pdf === 1 && e.doc === 1)).toBe(true);
    expect(
      `${paused} ${host
        .report()
        .toasts.map((t) => JSON.stringify(t))
        .join(' ')}`,
    ).toMatch(/hết hạn mức hằng ngày/);
  });

  it('at a daily quota it promises no fixed hour: probes within 1–2 h and resumes once Google restores the quota', () => {
    // https://developers.google.com/apps-script/guides/services/quotas: a quota is restored 24 h
    // after the first counted request, per user. Driving the clock two days ahead passes whether
    // the host resets quotas per Pacific day or per user's 24-h window.
    const host = setup(20);
    host.rt.useQuota('documentsCreated', 245);
    const startedMs = host.rt.nowMs;
    host.clickMenu(CAPTION);
    const paused = host.ui.shown.at(-1)?.prompt ?? '';
    expect(paused).toContain('hết hạn mức hằng ngày');
    expect(paused).toContain('sẽ thử lại lúc');
    expect(paused).toContain('24 giờ sau lần dùng đầu tiên');
    const record = JSON.parse(host.properties.document.get('thidua.job') ?? '{}') as {
      status?: string;
      resumeAfterMs?: number;
    };
    expect(record.status).toBe('paused-quota');
    const wait = (record.resumeAfterMs ?? 0) - host.rt.nowMs;
    expect(wait).toBeGreaterThanOrEqual(60 * 60_000);
    expect(wait).toBeLessThanOrEqual(2 * 3600_000);
    drain(host);
    const statuses = Array.from({ length: 20 }, (_, i) => cell(host, i + 2, 'status'));
    expect(statuses.every((x) => x === 'Đã tạo')).toBe(true);
    expect([...byKey(host).values()].every((e) => e.pdf === 1 && e.doc === 1)).toBe(true);
    expect(byKey(host).size).toBe(20);
    // Probes came at most 2 h apart while paused, and the job finished within ~26 h of the pause.
    const runs = host.rt.executions
      .filter((e) => e.functionName === 'jobContinue')
      .map((e) => e.startMs);
    const gaps = runs.slice(1).map((t, i) => t - (runs[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * 3600_000);
    expect((runs.at(-1) ?? 0) - startedMs).toBeLessThanOrEqual(26 * 3600_000);
  });

  it('"Hủy tác vụ" cancels cleanly: trigger removed, unmade rows left pending, a new start works', () => {
    const host = setup(60);
    host.clickMenu(CAPTION);
    const made = (): number =>
      Array.from({ length: 60 }, (_, i) => cell(host, i + 2, 'status')).filter(
        (s) => s === 'Đã tạo',
      ).length;
    const afterFirst = made();
    // The first execution stops within its time budget, leaving work for its continuation.
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(60);
    expect(host.triggers.triggers.some((t) => t.handler === 'jobContinue')).toBe(true);

    expect(host.clickMenu('Hủy tác vụ').status).toBe('ok');
    expect(host.triggers.triggers.some((t) => t.handler === 'jobContinue')).toBe(false);
    expect(host.ui.shown.at(-1)?.prompt).toMatch(/đã hủy/);
    expect(drain(host)).toBe(0);
    expect(made()).toBe(afterFirst);
    const pending = Array.from({ length: 60 }, (_, i) => cell(host, i + 2, 'status')).filter(
      (s) => s !== 'Đã tạo',
    );
    expect(pending.length).toBe(60 - afterFirst);
    expect(pending.every((s) => s === 'Đang chờ')).toBe(true);

    // Starting again finishes the rest, each certificate still made once.
    host.clickMenu(CAPTION);
    drain(host);
    expect(made()).toBe(60);
    expect([...byKey(host).values()].every((e) => e.pdf === 1 && e.doc === 1)).toBe(true);
  });

  describe('refuses before anything is made, saying why in Vietnamese', () => {
    /** Three certificates made (templates created on the way), then three more rows pending. */
    function madeThenMore(): LocalHost {
      const host = setup(3);
      host.clickMenu(CAPTION);
      drain(host);
      expect(byKey(host).size).toBe(3);
      paste(
        host,
        SHEET,
        5,
        1,
        [4, 6, 7].map((i) => registerRow(i)),
      );
      host.ui.shown.length = 0;
      return host;
    }
    function templateCell(host: LocalHost): string {
      return String(
        host.spreadsheet.valueAt(
          `'${SHEET_NAMES.settings}'!B${String(settingRow(host, 'Mẫu Giấy khen'))}`,
        ),
      );
    }
    function expectRefused(host: LocalHost, pattern: RegExp): void {
      const documents = host.documents.list().length;
      const files = liveFiles(host).length;
      expect(host.clickMenu(CAPTION).status).toBe('ok');
      drain(host);
      expect(host.ui.shown.map((d) => d.prompt).join('\n')).toMatch(pattern);
      expect(host.documents.list()).toHaveLength(documents);
      expect(liveFiles(host)).toHaveLength(files);
      expect([5, 6, 7].map((r) => cell(host, r, 'status'))).not.toContain('Đã tạo');
    }

    it("a template without the recipient's name", () => {
      const host = madeThenMore();
      const template = host.documents.get(templateCell(host));
      if (!template) throw new Error('no template');
      // The user's edit of the template lost the name placeholder.
      for (const node of walk(template.body)) {
        if (node.type === 'TEXT') {
          node.runs = node.runs.map((r) => ({ ...r, text: r.text.replace('{{ten}}', '') }));
        }
      }
      expectRefused(
        host,
        /Mẫu Giấy khen: mẫu không có tên tập thể hoặc cá nhân được khen \(cần \{\{ten\}\}\)/,
      );
    });

    it('a recorded template in the trash is reported, not replaced by the default', () => {
      const host = madeThenMore();
      const id = templateCell(host);
      const file = host.drive.get(id);
      if (!file) throw new Error('no template file');
      file.trashed = true;
      expectRefused(host, /Mẫu Giấy khen.*đang nằm trong thùng rác/);
      expect(templateCell(host)).toBe(id);
    });
  });

  it('a second start while one runs is told it is running', () => {
    const host = setup(10);
    let second: string | undefined;
    host.onCall('File.makeCopy', (k) => {
      if (k === 2 && second === undefined) second = host.clickMenu(CAPTION).status;
    });
    host.clickMenu(CAPTION);
    drain(host);
    expect(second).toBeDefined();
    expect(JSON.stringify(host.report().alerts)).toMatch(/một thao tác khác đang chạy|đang chạy/);
    expect(byKey(host).size).toBe(10);
  });
});
