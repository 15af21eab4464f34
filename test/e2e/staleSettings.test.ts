/**
 * Issue 10, Build 7 — stale only when it matters, through build/Code.js: an output setting in
 * Cấu hình (certificate mode, template, folder) does not flag Xếp hạng "CHƯA CẬP NHẬT"; a scoring
 * setting still does.
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import {
  RANKING_STALE_PREFIX,
  RANKING_STATUS_RANGE_NAME,
} from '../../src/core/ranking/rankingSheet';
import { newHost, seedSampleWorkbook } from './workbookFixture';

function settingCell(key: string): string {
  return `'${SHEET_NAMES.settings}'!B${String(SETTING_ROWS.findIndex((r) => r.key === key) + 2)}`;
}

function status(host: LocalHost): string {
  const named = host.spreadsheet.namedRange(RANKING_STATUS_RANGE_NAME);
  if (!named) throw new Error('no status cell');
  return String(named.range.sheet.cell(named.range.row, named.range.col)?.v);
}

function ranked(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  expect(host.clickMenu('Tính xếp hạng').status).toBe('ok');
  expect(status(host)).not.toContain(RANKING_STALE_PREFIX);
  return host;
}

describe('Xếp hạng is flagged stale only by edits that can change it (issue 10, Build 7)', () => {
  it.each([
    ['certificateMode', 'Gộp'],
    ['documentsFolder', 'https://drive.google.com/drive/folders/abc'],
  ])('editing %s leaves the ranking current', (key, value) => {
    const host = ranked();
    const outcome = host.edit(host.owner, settingCell(key), [[value]]);
    expect(outcome.accepted).toBe(true);
    expect(status(host)).not.toContain(RANKING_STALE_PREFIX);
  });

  it('editing a scoring setting (the excellent band) still flags it', () => {
    const host = ranked();
    host.edit(host.owner, settingCell('bandExcellent'), [[91]]);
    expect(status(host)).toContain(RANKING_STALE_PREFIX);
  });
});
