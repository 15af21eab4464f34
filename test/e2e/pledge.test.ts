/**
 * "Tạo bản giao ước" end to end through build/Code.js in the local host: default templates made
 * and recorded, the joint pledge merged from the sample cluster into a Google Doc and a PDF in the
 * output folder, links written back, re-runs replacing the previous pair, bad input stopping
 * everything with one Vietnamese alert, and a failure half way leaving nothing behind.
 */
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import {
  appendChild,
  detach,
  newParagraph,
  nodeText,
  resetSofficeCache,
  walk,
  type DocNode,
} from '../../local/host/docs';
import { MIME } from '../../local/host/drive';
import type { LocalHost } from '../../local/host';
import { newHost, paste, seedSampleWorkbook, type SeedOptions } from './workbookFixture';
import { drain } from './certificateRegister';

const CAPTION = 'Tạo bản giao ước';

// The PDF bytes are the host's business (tested with LibreOffice in the demo): the placeholder
// PDF keeps these runs fast; what matters here is which files exist and where.
const savedSoffice = process.env.THIDUA_SOFFICE;
beforeAll(() => {
  process.env.THIDUA_SOFFICE = '';
  resetSofficeCache();
});
afterAll(() => {
  if (savedSoffice === undefined) delete process.env.THIDUA_SOFFICE;
  else process.env.THIDUA_SOFFICE = savedSoffice;
  resetSofficeCache();
});
const JOINT_NAME = 'Cụm thi đua số 1 - Giao ước thi đua 2022';

function setup(options: SeedOptions = {}): LocalHost {
  const host = newHost({ runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') } });
  seedSampleWorkbook(host, options);
  host.open();
  return host;
}

function settingCell(key: string): string {
  return `'${SHEET_NAMES.settings}'!B${String(SETTING_ROWS.findIndex((r) => r.key === key) + 2)}`;
}

function setting(host: LocalHost, key: string): string {
  return String(host.spreadsheet.valueAt(settingCell(key)));
}

/** The job's one alert: done, with its counts; cleared for what follows. */
function expectDone(host: LocalHost, made: number): void {
  expect(host.ui.shown.at(-1)?.prompt).toBe(
    `«${CAPTION}» đã hoàn thành: ${String(made)} đã xong, 0 lỗi, 0 bỏ qua.`,
  );
  host.ui.shown.length = 0;
}

/** Each live output per job key: one Doc and one PDF (no duplicate, no orphan). */
function perKey(host: LocalHost): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of liveFiles(host)) {
    const key = / (thidua-[A-Za-z0-9-]+)(\.pdf)?$/.exec(f.name)?.[1] ?? f.name;
    out.set(key, [...(out.get(key) ?? []), f.mimeType].sort());
  }
  return out;
}

/** An output's name without the job key that ends it (src/core/jobs/keys.ts). */
function human(name: string): string {
  return name.replace(/ thidua-[A-Za-z0-9-]+(\.pdf)?$/, (_m, pdf: string | undefined) => pdf ?? '');
}

function idOf(url: string): string {
  return /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
}

/** Live files in the output folder, by name. */
function liveFiles(host: LocalHost): { id: string; name: string; mimeType: string }[] {
  const folderId = setting(host, 'documentsFolder');
  if (folderId === '') return [];
  return host.drive
    .filesIn(folderId)
    .map((f) => ({ id: f.id, name: host.drive.nameOf(f), mimeType: f.mimeType }));
}

function tables(body: DocNode): DocNode[] {
  return [...walk(body)].filter((n) => n.type === 'TABLE');
}

function rowTexts(table: DocNode): string[][] {
  return table.children.map((row) => row.children.map((cell) => nodeText(cell)));
}

function driveSnapshot(host: LocalHost): string {
  return JSON.stringify(
    [...host.drive.items.values()].map((i) => [i.id, i.name, i.trashed, i.parents]),
  );
}

describe('Tạo bản giao ước', () => {
  it('makes the joint pledge as a Doc and a PDF in the output folder, with links in Cấu hình', () => {
    const host = setup();
    const docsBefore = host.rt.quotaRemaining('documentsCreated');
    const run = host.clickMenu(CAPTION);
    expect(run.status).toBe('ok');
    expectDone(host, 1);
    const documentsCreated = docsBefore - host.rt.quotaRemaining('documentsCreated');

    // The default joint template was made next to the workbook and recorded; nothing else.
    const templateId = setting(host, 'jointPledgeTemplate');
    expect(host.drive.get(templateId)?.parents).toEqual([host.workbookFolderId]);
    expect(setting(host, 'unitPledgeTemplate')).toBe('');

    // The output folder holds exactly the Doc and the PDF that Cấu hình links to.
    const folder = host.drive.get(setting(host, 'documentsFolder'));
    expect(folder?.name).toBe('Văn bản thi đua 2022');
    expect(folder?.parents).toEqual([host.workbookFolderId]);
    const files = liveFiles(host);
    expect(files.map((f) => [human(f.name), f.mimeType]).sort()).toEqual([
      [JOINT_NAME, MIME.document],
      [`${JOINT_NAME}.pdf`, MIME.pdf],
    ]);
    const docId = idOf(setting(host, 'pledgeDocLink'));
    const pdfId = idOf(setting(host, 'pledgePdfLink'));
    expect(new Set(files.map((f) => f.id))).toEqual(new Set([docId, pdfId]));
    expect(
      Buffer.from(host.drive.get(pdfId)?.bytes ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The Doc: A4, Decree 30 margins, every placeholder filled, Vietnamese in NFC.
    const doc = host.documents.get(docId);
    if (!doc) throw new Error('no merged document');
    expect(doc.pageWidth).toBeCloseTo(595.28, 1);
    expect(doc.marginLeft).toBeCloseTo(85.04, 1);
    const text = doc.text();
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
    // Dated as Cấu hình says (signed 22/02/2022), not on the day of the click (05/01/2022).
    expect(text).toContain('Hà Nội, ngày 22 tháng 02 năm 2022');
    expect(text).not.toContain('ngày 05 tháng 01 năm 2022');
    expect(text).toContain('Số: 01/GƯTĐ-CTĐ1');
    expect(text).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2022');
    expect(text).toContain('Căn cứ Kế hoạch số 15/KH-MTTQ-BTT ngày 18/01/2022');

    const all = tables(doc.body).map(rowTexts);
    const criteria = all.find((t) => t[0]?.[1] === 'Nội dung tiêu chí');
    const criterionCodes = SAMPLE_CRITERIA_ROWS.map((r) => String(r[2])).filter((c) => c !== '');
    expect(criterionCodes).toHaveLength(10);
    // One row per criterion (bonus and penalty included), plus group rows, header and total.
    const criterionRows = criteria?.filter((row) => criterionCodes.includes(row[0] ?? '')) ?? [];
    expect(criterionRows.map((r) => r[0])).toEqual(criterionCodes);
    expect(criterionRows[0]?.[2]).toBe('20');
    expect(criterionRows.find((r) => r[0] === 'T1')?.[2]).toBe('+5');
    expect(criterionRows.find((r) => r[0] === 'T2')?.[2]).toBe('−5');
    expect(criteria?.[criteria.length - 1]).toEqual(['', 'Tổng cộng', '100']);
    const members = all.find((t) => t[0]?.[3] === 'Danh hiệu đăng ký');
    // Members by the names Đơn vị gives in 'Tên đầy đủ'.
    expect(members?.slice(1).map((r) => r[1])).toEqual(SAMPLE_UNIT_ROWS.map((u) => String(u[8])));
    // Two signature blocks a row: the head's title with the unit's name, the head's name.
    const signatures = all.find((t) => t[0]?.[0]?.startsWith('CHỦ TỊCH ỦY BAN MTTQ') === true);
    expect(signatures).toHaveLength(3);
    const blocks = (signatures ?? []).flat();
    SAMPLE_UNIT_ROWS.forEach((unit, i) => {
      const block = blocks[i] ?? '';
      expect(block).toContain(
        `CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN ${String(unit[1]).toUpperCase()}`,
      );
      expect(block).not.toContain('QUẬN QUẬN');
      expect(block).toContain(String(unit[4]));
    });
    expect(text).toContain('ĐẠI DIỆN ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI CHỨNG KIẾN');
    expect(text).toContain('Nguyễn Văn Hùng');

    // Cost of the first run (templates made on the way): reported, and bounded.
    const made = host.documents.list().length;
    expect(documentsCreated).toBe(2); // the template (DocumentApp.create) and the copy
    expect(made).toBe(2);
    expect(run.execution.calls.get('File.makeCopy')).toBe(1);
    expect(run.virtualMs).toBeLessThan(60_000);
    console.log(
      `Tạo bản giao ước (first run, template created): ${String(run.calls)} calls, ` +
        `${String(documentsCreated)} documents created, ${(run.virtualMs / 1000).toFixed(1)} s virtual`,
    );
  });

  it('replaces the previous pair when run again and never duplicates the template', () => {
    const host = setup();
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const first = liveFiles(host).map((f) => f.id);
    const docsBefore = host.rt.quotaRemaining('documentsCreated');
    const again = host.clickMenu(CAPTION);
    expect(again.status).toBe('ok');
    expectDone(host, 1);
    const files = liveFiles(host);
    expect(files).toHaveLength(2);
    expect(files.some((f) => first.includes(f.id))).toBe(false);
    for (const id of first) expect(host.drive.get(id)?.trashed).toBe(true);
    expect(new Set(files.map((f) => f.id))).toEqual(
      new Set([idOf(setting(host, 'pledgeDocLink')), idOf(setting(host, 'pledgePdfLink'))]),
    );
    const templates = host.documents.list().filter((d) => d.name.startsWith('Mẫu - '));
    expect(templates).toHaveLength(1);
    const toast = JSON.stringify(host.spreadsheet.toasts[host.spreadsheet.toasts.length - 1]);
    expect(toast).toContain('2 tệp cũ đã chuyển vào thùng rác');
    const documentsCreated = docsBefore - host.rt.quotaRemaining('documentsCreated');
    expect(documentsCreated).toBe(1);
    console.log(
      `Tạo bản giao ước (re-run, template exists): ${String(again.calls)} calls, ` +
        `${String(documentsCreated)} document created, ${(again.virtualMs / 1000).toFixed(1)} s virtual`,
    );
  });

  it('makes one pledge per unit when Cấu hình says Có, and replaces all of them on a re-run', () => {
    const host = setup({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    const docsBefore = host.rt.quotaRemaining('documentsCreated');
    const run = host.clickMenu(CAPTION);
    expect(run.status).toBe('ok');
    expectDone(host, 7);
    const files = liveFiles(host);
    expect(files).toHaveLength(14);
    expect(files.filter((f) => f.mimeType === MIME.pdf)).toHaveLength(7);
    const dongDa = files.find(
      (f) =>
        human(f.name) ===
        'Cụm thi đua số 1 - Đăng ký giao ước thi đua 2022 - Ủy ban MTTQ Việt Nam quận Đống Đa',
    );
    const text = host.documents.get(dongDa?.id ?? '')?.text() ?? '';
    expect(text).toContain('của Ủy ban MTTQ Việt Nam quận Đống Đa');
    expect(text).toContain('Số: 01/GƯTĐ-CTĐ1');
    expect(text).toContain('CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN ĐỐNG ĐA');
    expect(text).toContain('Phạm Thị Dung');
    expect(text).not.toContain('{{');
    expect(docsBefore - host.rt.quotaRemaining('documentsCreated')).toBe(9); // 2 templates + 7
    console.log(
      `Tạo bản giao ước with 6 unit pledges: ${String(run.calls)} calls, ` +
        `${String(docsBefore - host.rt.quotaRemaining('documentsCreated'))} documents created, ` +
        `${(run.virtualMs / 1000).toFixed(1)} s virtual`,
    );
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const after = liveFiles(host);
    expect(after).toHaveLength(14);
    expect(after.some((f) => files.some((g) => g.id === f.id))).toBe(false);
  });

  describe('bad input: one Vietnamese alert, nothing created, the output folder unchanged', () => {
    function expectRefused(host: LocalHost, pattern: RegExp): void {
      host.ui.shown.length = 0;
      const before = driveSnapshot(host);
      const documents = host.documents.list().length;
      const run = host.clickMenu(CAPTION);
      expect(run.status).toBe('ok');
      expect(host.ui.shown).toHaveLength(1);
      const alert = host.ui.shown[0];
      expect(alert?.prompt).toMatch(/chưa tạo văn bản nào/);
      expect(alert?.prompt).toMatch(pattern);
      expect(driveSnapshot(host)).toBe(before);
      expect(host.documents.list()).toHaveLength(documents);
    }

    it('a deleted template', () => {
      const host = setup();
      expect(host.clickMenu(CAPTION).status).toBe('ok');
      const template = host.drive.get(setting(host, 'jointPledgeTemplate'));
      if (!template) throw new Error('no template');
      template.trashed = true;
      expectRefused(
        host,
        /Trang "Cấu hình", ô B\d+: mẫu giao ước chung .* đang nằm trong thùng rác/,
      );
      host.ui.shown.length = 0;
      host.documents.remove(template.id);
      host.drive.items.delete(template.id);
      expectRefused(host, /không mở được mẫu giao ước chung/);
    });

    it('a template with an unknown placeholder', () => {
      const host = setup();
      expect(host.clickMenu(CAPTION).status).toBe('ok');
      const template = host.documents.get(setting(host, 'jointPledgeTemplate'));
      if (!template) throw new Error('no template');
      appendChild(template.body, newParagraph('Đại diện: {{nguoi_dai_dien}}'));
      expectRefused(host, /trường \{\{nguoi_dai_dien\}\} không có trong dữ liệu/);
    });

    it('a template without the criteria it must list', () => {
      const host = setup();
      expect(host.clickMenu(CAPTION).status).toBe('ok');
      host.ui.shown.length = 0;
      const template = host.documents.get(setting(host, 'jointPledgeTemplate'));
      if (!template) throw new Error('no template');
      // The user deleted the criteria table from their template.
      const tables = template.body.children.filter(
        (c) => c.type === 'TABLE' && nodeText(c).includes('{{#bang_tieu_chi}}'),
      );
      expect(tables).toHaveLength(1);
      for (const t of tables) detach(t);
      expectRefused(
        host,
        /Mẫu giao ước chung: mẫu không có danh sách tiêu chí thi đua \(cần \{\{#bang_tieu_chi\}\}/,
      );
    });

    it('a unit without a head’s name', () => {
      const units = SAMPLE_UNIT_ROWS.map((r) => [...r]);
      (units[3] as string[])[4] = '';
      const host = setup({ unitRows: units });
      expectRefused(host, /Trang "Đơn vị", ô E5: chưa nhập họ tên thủ trưởng của đơn vị "Đống Đa"/);
    });

    it('an empty criteria list', () => {
      const host = setup();
      expect(host.clickMenu(CAPTION).status).toBe('ok');
      host.ui.shown.length = 0;
      const rows = SAMPLE_CRITERIA_ROWS.length;
      paste(
        host,
        SHEET_NAMES.criteria,
        2,
        1,
        Array.from({ length: rows }, () => new Array<string>(12).fill('')),
      );
      expectRefused(host, /Trang "Tiêu chí", ô A2: chưa nhập các tiêu chí thi đua/);
    });
  });

  it('retries a transient PDF failure in the same run: every pledge once, the old ones replaced', () => {
    const host = setup({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const before = liveFiles(host).map((f) => f.id);
    const getAs = host.rt.calls.get('File.getAs') ?? 0;
    host.rt.injectFault({ method: 'File.getAs', nth: getAs + 4, message: 'Service error: Drive' });
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    expectDone(host, 7);
    const keys = perKey(host);
    expect(keys.size).toBe(7);
    for (const kinds of keys.values()) expect(kinds).toEqual([MIME.document, MIME.pdf].sort());
    expect(liveFiles(host).some((f) => before.includes(f.id))).toBe(false);
  });

  it('continues after an execution killed between a copy and its PDF, leaving no orphan', () => {
    const host = setup({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    host.rt.killWhen({ afterCall: { method: 'File.makeCopy', nth: 4 } });
    host.clickMenu(CAPTION);
    expect(host.report().executions.some((e) => e.status === 'killed')).toBe(true);
    drain(host);
    const keys = perKey(host);
    expect(keys.size).toBe(7);
    for (const kinds of keys.values()) expect(kinds).toEqual([MIME.document, MIME.pdf].sort());
    // The Doc the killed execution left without its PDF is in the trash, not in the folder.
    const trashedDocs = [...host.drive.items.values()].filter(
      (i) => i.trashed && i.mimeType === MIME.document && / thidua-/.test(i.name),
    );
    expect(trashedDocs).toHaveLength(1);
    expect(idOf(setting(host, 'pledgeDocLink'))).not.toBe('');
  });

  it('spreads a 60-unit cluster over several executions within the 6-minute limit', () => {
    const units = Array.from({ length: 60 }, (_, i) => {
      const row = [...(SAMPLE_UNIT_ROWS[i % SAMPLE_UNIT_ROWS.length] ?? [])];
      row[0] = `DV${String(i + 1)}`;
      row[1] = `Đơn vị ${String(i + 1)}`;
      row[3] = i === 0 ? 'Cụm trưởng' : 'Thành viên';
      row[8] = `Ủy ban MTTQ Việt Nam phường ${String(i + 1)}`;
      return row;
    });
    const host = setup({
      settings: { ...SAMPLE_SETTINGS, unitPledges: true },
      unitRows: units,
      selfScores: {},
    });
    host.clickMenu(CAPTION);
    const continuations = drain(host);
    expect(continuations).toBeGreaterThan(0);
    const executions = host.report().executions;
    expect(executions.every((e) => e.status !== 'killed')).toBe(true);
    expect(Math.max(...executions.map((e) => e.virtualMs))).toBeLessThan(6 * 60_000);
    expect(perKey(host).size).toBe(61);
    console.log(
      `Tạo bản giao ước, 60 units: ${String(executions.length)} executions, ` +
        `${String(continuations)} continuations`,
    );
  });
});
