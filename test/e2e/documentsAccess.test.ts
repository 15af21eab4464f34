/**
 * Templates and the output folder reach the owner and the heads, whoever made them: the product
 * shares what it creates (File.addEditors / Folder.addEditors,
 * https://developers.google.com/apps-script/reference/drive/file#addEditors(String)), and a
 * recorded template an account cannot open is reported in Vietnamese with what to ask for.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const HEAD = 'badinh.mttq@gmail.com';
const PLEDGE = 'Tạo bản giao ước';

function settingRow(key: string): number {
  return SETTING_ROWS.findIndex((r) => r.key === key) + 2;
}

function setting(host: LocalHost, key: string): string {
  return String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(settingRow(key))}`));
}

function setup(): LocalHost {
  process.env.THIDUA_SOFFICE = '';
  const host = newHost({
    runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') },
    spreadsheet: { editors: [HEAD] },
  });
  seedSampleWorkbook(host);
  host.open();
  return host;
}

describe('documents reachable by the owner and the heads', () => {
  it('the owner making the pledge shares the new templates and output folder with the head', () => {
    const host = setup();
    expect(host.clickMenu(PLEDGE).status).toBe('ok');
    const folder = host.drive.get(setting(host, 'documentsFolder'));
    const template = host.drive.get(setting(host, 'jointPledgeTemplate'));
    expect(folder).toBeDefined();
    expect(template).toBeDefined();
    if (folder === undefined || template === undefined) return;
    expect(folder.editors).toContain(HEAD);
    expect(template.editors).toContain(HEAD);
    expect(host.drive.canEdit(template, HEAD)).toBe(true);
  });

  it('a head who cannot open a recorded template is told which one and whom to ask', () => {
    const host = setup();
    // A template of someone else's, never shared: Drive answers as if it did not exist.
    const foreign = host.drive.registerDocument(
      'foreignTemplateId01',
      'Mẫu riêng',
      undefined,
      'other@example.vn',
    );
    paste(host, SHEET_NAMES.settings, settingRow('jointPledgeTemplate'), 2, [[foreign.id]]);
    const run = host.clickMenu(PLEDGE, HEAD);
    expect(run.error).toBeUndefined();
    const prompt = host.ui.shown.at(-1)?.prompt ?? '';
    expect(prompt).toContain(`mã ${foreign.id}`);
    expect(prompt).toContain('chưa được chia sẻ cho tài khoản của bạn');
    expect(prompt).toContain('chia sẻ quyền chỉnh sửa cho bạn');
  });
});
