/**
 * «Lập hồ sơ bình xét» end to end through build/Code.js in the local host: after a vote whose tie
 * at the last Bằng khen place went to a second round, the minutes, the submission with its list,
 * the draft decision with its annex and the notice are made as Doc + PDF, linked in Cấu hình;
 * the dry run refuses missing settings and bad templates before anything exists; a second run
 * asks, then replaces; a user's own template is used; a member is refused.
 */
import type { LocalHost } from '../../local/host';
import { MIME } from '../../local/host/drive';
import { appendChild, newParagraph, resetSofficeCache } from '../../local/host/docs';
import { walk } from '../../local/host/docs/model';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { paste } from './workbookFixture';
import { setSetting } from './certificateRegister';
import { DOSSIER_CAPTION as CAPTION, ok, votedHost } from './dossierWorkbook';

const LINKS = ['minutesLink', 'submissionLink', 'draftDecisionLink', 'noticeLink'] as const;
const HEAD = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? '';
const MEMBER = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Thành viên')?.[6] ?? '';

// PDF bytes are the host's business (rendered in the layout tests): the placeholder keeps this fast.
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

function settingCell(key: string): string {
  return `'${SHEET_NAMES.settings}'!B${String(SETTING_ROWS.findIndex((r) => r.key === key) + 2)}`;
}

function setting(host: LocalHost, key: string): string {
  return String(host.spreadsheet.valueAt(settingCell(key)));
}

const idOf = (url: string): string => /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';

/** The Doc and PDF ids a document's Cấu hình cell links. */
function linked(host: LocalHost, key: string): string[] {
  return setting(host, key)
    .split('\n')
    .map(idOf)
    .filter((id) => id !== '');
}

function liveFiles(host: LocalHost): { id: string; name: string; mimeType: string }[] {
  const folder = setting(host, 'documentsFolder');
  if (folder === '') return [];
  return host.drive
    .filesIn(folder)
    .map((f) => ({ id: f.id, name: host.drive.nameOf(f), mimeType: f.mimeType }));
}

function docText(host: LocalHost, key: string): string {
  const doc = host.documents.get(linked(host, key)[0] ?? '');
  if (!doc) throw new Error(`no document linked at ${key}`);
  return doc.text();
}

const lastAlert = (host: LocalHost): string => host.ui.shown.at(-1)?.prompt ?? '';

/** A Google Doc the owner wrote in Drive, one paragraph a line: a user's own template. */
function userTemplate(host: LocalHost, name: string, lines: readonly string[]): string {
  const doc = host.documents.create(name, { owner: host.owner });
  for (const line of lines) appendChild(doc.body, newParagraph(line));
  return doc.id;
}

function expectDone(host: LocalHost): void {
  expect(lastAlert(host)).toBe(`«${CAPTION}» đã hoàn thành: 4 đã xong, 0 lỗi, 0 bỏ qua.`);
  host.ui.shown.length = 0;
}

/** The register's rows as [name, form, decision number]. */
function registerRows(host: LocalHost): string[][] {
  const col = (key: string): number => AWARDS_LAYOUT.columns.findIndex((c) => c.key === key);
  const width = AWARDS_LAYOUT.columns.length;
  const grid = host.spreadsheet.valuesAt(
    `'${SHEET_NAMES.awards}'!A2:${String.fromCharCode(64 + width)}20`,
  );
  return grid
    .filter((r) => r[col('name')] !== '')
    .map((r) => [String(r[col('name')]), String(r[col('form')]), String(r[col('decisionNumber')])]);
}

describe('Lập hồ sơ bình xét (e2e)', () => {
  it('makes the four documents as Doc + PDF, linked in Cấu hình; the minutes show both rounds and the decision', () => {
    const host = votedHost();
    const run = ok(host, CAPTION, HEAD);
    expectDone(host);
    const files = liveFiles(host);
    expect(files.filter((f) => f.mimeType === MIME.document)).toHaveLength(4);
    expect(files.filter((f) => f.mimeType === MIME.pdf)).toHaveLength(4);
    for (const key of LINKS) {
      const ids = linked(host, key);
      expect(ids).toHaveLength(2);
      expect(ids.map((id) => host.drive.get(id)?.mimeType)).toEqual([MIME.document, MIME.pdf]);
    }
    // The default templates were made (in the head's Drive: the owner's folder is not shared) and recorded.
    for (const key of [
      'minutesTemplate',
      'submissionTemplate',
      'draftDecisionTemplate',
      'noticeTemplate',
    ]) {
      expect(host.drive.get(setting(host, key))?.mimeType).toBe(MIME.document);
    }

    const minutes = docText(host, 'minutesLink');
    expect(minutes).not.toMatch(/\{\{|\}\}/);
    expect(minutes).toContain('Số: 01/BB-CTĐ1');
    expect(minutes).toContain('Thời gian: 8 giờ 30, ngày 15 tháng 12 năm 2022.');
    expect(minutes).toContain('Chủ trì: Nguyễn Văn An');
    expect(minutes).toContain('Thư ký: Trần Văn Thư.');
    expect(minutes).toContain('- Phạm Văn Phiếu');
    // Round 1's tie and round 2's result, then the decision.
    expect(minutes).toContain('Bằng phiếu - bỏ phiếu vòng sau');
    expect(minutes).toMatch(/Hoàng Mai \(vòng 2\)[\s\S]*Đạt/);
    expect(minutes).toMatch(/Hai Bà Trưng \(vòng 2\)[\s\S]*Không đạt/);
    expect(minutes).toContain('Sau 2 vòng bỏ phiếu, thống nhất đề nghị khen thưởng 3 đơn vị sau:');
    expect(minutes).toContain('- Hoàng Mai: Bằng khen.');
    expect(minutes).not.toContain('- Hai Bà Trưng: Bằng khen');

    const submission = docText(host, 'submissionLink');
    expect(submission).toContain('Kính gửi: Ủy ban MTTQ Việt Nam thành phố Hà Nội.');
    expect(submission).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    expect(submission).toContain('Ủy ban MTTQ Việt Nam quận Hoàng Mai');
    const notice = docText(host, 'noticeLink');
    expect(notice).toContain('THÔNG BÁO');
    expect(notice).toContain('- Hoàng Mai: Bằng khen.');

    console.log(
      `Lập hồ sơ bình xét (first run, 4 templates made): ${String(run.calls)} calls, ` +
        `${(run.virtualMs / 1000).toFixed(1)} s virtual`,
    );
  });

  it('lists in the draft decision exactly the register rows of its decision', () => {
    const host = votedHost();
    const rows = registerRows(host);
    expect(rows.map((r) => r[0])).toEqual([
      'Ủy ban MTTQ Việt Nam quận Ba Đình',
      'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
      'Ủy ban MTTQ Việt Nam quận Hoàng Mai',
    ]);
    // The two Bằng khen rows get decision 125; the flag's row waits for another one.
    const decisionCol = AWARDS_LAYOUT.columns.findIndex((c) => c.key === 'decisionNumber') + 1;
    paste(host, SHEET_NAMES.awards, 3, decisionCol, [['125/QĐ-MTTQ-BTT'], ['125/QĐ-MTTQ-BTT']]);
    setSetting(host, 'Số quyết định khen thưởng (dự thảo)', '125/QĐ-MTTQ-BTT');
    ok(host, CAPTION);
    expectDone(host);
    const decision = docText(host, 'draftDecisionLink');
    expect(decision).toContain('DỰ THẢO');
    expect(decision).toContain('Số: 125/QĐ-MTTQ-BTT');
    expect(decision).toContain('Về việc tặng Bằng khen năm 2022');
    expect(decision).toContain('Tặng Bằng khen cho 2 tập thể (có danh sách kèm theo)');
    expect(decision).not.toContain('0 cá nhân');
    const doc = host.documents.get(linked(host, 'draftDecisionLink')[0] ?? '');
    // Decree 30: a short rule under the issuing body; the annex starts on its own page.
    const nodes = doc ? [...walk(doc.body)] : [];
    expect(nodes.filter((n) => n.type === 'HORIZONTAL_RULE')).toHaveLength(1);
    const breakAt = nodes.findIndex((n) => n.type === 'PAGE_BREAK');
    const annexAt = nodes.findIndex(
      (n) => n.type === 'TEXT' && n.runs.map((r) => r.text).join('') === 'DANH SÁCH',
    );
    expect(breakAt).toBeGreaterThan(0);
    expect(annexAt).toBeGreaterThan(breakAt);
    const annexNames = (doc?.text() ?? '')
      .split('\n')
      .filter((l) => l.startsWith('Ủy ban MTTQ Việt Nam quận'));
    expect(annexNames).toEqual([
      'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
      'Ủy ban MTTQ Việt Nam quận Hoàng Mai',
    ]);
    expect(decision).not.toContain('quận Ba Đình');
  });

  it('refuses a member, and makes nothing', () => {
    const host = votedHost();
    const before = host.drive.items.size;
    ok(host, CAPTION, MEMBER);
    expect(lastAlert(host)).toContain(CAPTION);
    expect(host.drive.items.size).toBe(before);
    expect(setting(host, 'minutesLink')).toBe('');
  });

  it('dry run: a missing setting or a bad template is refused naming its Cấu hình cell, and nothing is made', () => {
    const host = votedHost();
    setSetting(host, 'Ngày họp bình xét', '');
    setSetting(host, 'Thư ký cuộc họp bình xét', '');
    const before = host.drive.items.size;
    const docsBefore = host.documents.list().length;
    ok(host, CAPTION);
    const message = lastAlert(host);
    expect(message).toContain('«Lập hồ sơ bình xét» chưa tạo văn bản nào vì còn 2 vấn đề cần sửa');
    expect(message).toContain(settingCell('meetingDate').split('!')[1]);
    expect(message).toContain('Ngày họp bình xét');
    expect(message).toContain(settingCell('meetingSecretary').split('!')[1]);
    expect(host.drive.items.size).toBe(before);
    expect(host.documents.list()).toHaveLength(docsBefore);

    // A user's template with a field the dossier does not know: refused, its cell named.
    setSetting(host, 'Ngày họp bình xét', '15/12/2022');
    setSetting(host, 'Thư ký cuộc họp bình xét', 'Trần Văn Thư');
    const bad = userTemplate(host, 'Biên bản của tôi', [
      'Biên bản {{ten_cum}} {{so_phieu_sai}}',
      '{{#ket_qua}}',
      '{{ten}}',
      '{{/ket_qua}}',
    ]);
    setSetting(host, 'Mẫu biên bản họp bình xét', bad);
    const filesBefore = host.drive.items.size;
    ok(host, CAPTION);
    expect(lastAlert(host)).toContain(
      `Trang "${SHEET_NAMES.settings}", ô ${settingCell('minutesTemplate').split('!')[1]}`,
    );
    expect(lastAlert(host)).toContain('so_phieu_sai');
    expect(host.drive.items.size).toBe(filesBefore);
    expect(setting(host, 'minutesLink')).toBe('');
  });

  it('uses a user’s own template', () => {
    const host = votedHost();
    const own = userTemplate(host, 'Mẫu thông báo của cụm', [
      'THÔNG BÁO RIÊNG CỦA {{ten_cum|hoa}}',
      '{{#dat}}',
      'Đơn vị được đề nghị: {{ten}} ({{hinh_thuc}})',
      '{{/dat}}',
    ]);
    setSetting(host, 'Mẫu thông báo kết quả bình xét', own);
    ok(host, CAPTION);
    expectDone(host);
    expect(setting(host, 'noticeTemplate')).toBe(own);
    const notice = docText(host, 'noticeLink');
    expect(notice).toContain('THÔNG BÁO RIÊNG CỦA CỤM THI ĐUA SỐ 1');
    expect(notice).toContain('Đơn vị được đề nghị: Hoàng Mai (Bằng khen)');
    expect(notice).not.toContain('Hai Bà Trưng (Bằng khen)');
  });

  it('asks before a second run, then replaces the files instead of duplicating them', () => {
    const host = votedHost();
    ok(host, CAPTION);
    expectDone(host);
    const first = liveFiles(host).map((f) => f.id);
    const templates = host.documents.list().length - 4;

    // Answered No: nothing changes.
    host.ui.answer('NO');
    ok(host, CAPTION);
    expect(host.ui.shown.at(-1)?.prompt ?? '').toContain('Lập lại?');
    expect(liveFiles(host).map((f) => f.id)).toEqual(first);

    host.ui.answer('YES');
    const again = ok(host, CAPTION);
    const files = liveFiles(host);
    expect(files).toHaveLength(8);
    expect(files.some((f) => first.includes(f.id))).toBe(false);
    for (const id of first) expect(host.drive.get(id)?.trashed).toBe(true);
    for (const key of LINKS) {
      for (const id of linked(host, key)) expect(files.map((f) => f.id)).toContain(id);
    }
    // The templates were reused, not made again.
    expect(host.documents.list().length - 8).toBe(templates);
    console.log(
      `Lập hồ sơ bình xét (re-run, templates exist): ${String(again.calls)} calls, ` +
        `${(again.virtualMs / 1000).toFixed(1)} s virtual`,
    );
  });
});
