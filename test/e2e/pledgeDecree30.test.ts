/**
 * The pledge's Decree 30/2020/NĐ-CP format end to end through build/Code.js in the local host:
 * the head (superior body, issuing body, its rule, number line, signing date), the legal bases
 * of the emulation year, the signature blocks with each unit's name, the witness, and the layout
 * the host's .docx export carries (rows kept whole, pages numbered from page 2).
 *
 * Sources of the rules checked here:
 * - Decree 30/2020/NĐ-CP, Appendix I, as summarised by LuatVietnam
 *   (https://luatvietnam.vn/tin-van-ban-moi/huong-dan-moi-ve-cach-trinh-bay-van-ban-hanh-chinh-186-24146-article.html):
 *   A4; margins 20–25 / 30–35 / 15–20 mm; Times New Roman; page numbers centred in the top margin,
 *   13–14 pt, the first page's not shown.
 * - The issuing body (same wording in Decree 30 Appendix I item 2 as in its predecessor Circular
 *   01/2011/TT-BNV Art. 7, https://123docz.net/trich-doan/1874648-cuc-van-thu-va-luu-tru-nha-nuoc.htm):
 *   the superior body in capitals, upright, the national title's size (12–13 pt); the issuing body
 *   in bold capitals, same size, centred under it, with a solid line 1/3 to 1/2 as long under it.
 */
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import {
  JOINT_PLEDGE_TEMPLATE,
  UNIT_PLEDGE_TEMPLATE,
} from '../../src/core/documents/pledgeTemplates';
import { layoutHints } from '../../src/core/documents/docSpec';
import { SAMPLE_SETTINGS } from '../../sample/cluster1';
import {
  applyLayoutHints,
  docxBuffer,
  nodeText,
  resetSofficeCache,
  walk,
  type DocNode,
  type DocumentModel,
} from '../../local/host/docs';
import type { LocalHost } from '../../local/host';
import { newHost, paste, seedSampleWorkbook, type SeedOptions } from './workbookFixture';

const CAPTION = 'Tạo bản giao ước';

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

function settingRow(key: string): number {
  return SETTING_ROWS.findIndex((r) => r.key === key) + 2;
}

function setting(host: LocalHost, key: string): string {
  return String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(settingRow(key))}`));
}

/** Runs the pledge on the sample cluster (clicked on 05/01, whatever Cấu hình's date). */
function pledge(options: SeedOptions = {}, edit?: (host: LocalHost) => void): DocumentModel {
  const host = newHost({ runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') } });
  seedSampleWorkbook(host, options);
  edit?.(host);
  host.open();
  const run = host.clickMenu(CAPTION);
  expect(run.status).toBe('ok');
  expect(host.ui.shown.map((a) => a.prompt)).toEqual([
    expect.stringMatching(/^«Tạo bản giao ước» đã hoàn thành: \d+ đã xong, 0 lỗi/),
  ]);
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(setting(host, 'pledgeDocLink'))?.[1] ?? '';
  const doc = host.documents.get(id);
  if (!doc) throw new Error('no pledge made');
  return doc;
}

const tables = (doc: DocumentModel): DocNode[] =>
  doc.body.children.filter((n) => n.type === 'TABLE');
const paragraphs = (node: DocNode): DocNode[] =>
  [...walk(node)].filter((n) => n.type === 'PARAGRAPH');
const bold = (p: DocNode): boolean[] =>
  [...walk(p)]
    .filter((n) => n.type === 'TEXT')
    .flatMap((t) => t.runs.map((r) => r.attrs.bold === true));
const sizes = (p: DocNode): number[] =>
  [...walk(p)]
    .filter((n) => n.type === 'TEXT')
    .flatMap((t) => t.runs.map((r) => r.attrs.fontSize ?? 0));

describe('Decree 30 head of the joint pledge', () => {
  const doc = pledge();
  const head = tables(doc)[0];
  const issuer = head?.children[0]?.children[0];
  const numberCell = head?.children[1]?.children[0];
  const dateCell = head?.children[1]?.children[1];

  it('prints the superior body in capitals not bold, the issuing body bold, both 12 pt', () => {
    const lines = paragraphs(issuer as DocNode);
    expect(nodeText(lines[0] as DocNode)).toBe('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
    expect(bold(lines[0] as DocNode)).toEqual([false]);
    expect(nodeText(lines[1] as DocNode)).toBe('CỤM THI ĐUA SỐ 1');
    expect(bold(lines[1] as DocNode)).toEqual([true]);
    for (const line of lines.slice(0, 2)) expect(sizes(line)).toEqual([12]);
  });

  it('draws a short centred rule under the issuing body (1/3 to 1/2 of the column)', () => {
    const lines = paragraphs(issuer as DocNode);
    const rule = lines[2] as DocNode;
    expect(rule.children.some((c) => c.type === 'HORIZONTAL_RULE')).toBe(true);
    expect(nodeText(rule)).toBe('');
    const width = head?.table?.columnWidths[0] ?? 0;
    const start = rule.para?.indentStart ?? 0;
    const end = rule.para?.indentEnd ?? 0;
    expect(start).toBeCloseTo(end, 1);
    const length = width - start - end;
    expect(length / width).toBeGreaterThanOrEqual(1 / 3);
    expect(length / width).toBeLessThanOrEqual(1 / 2);
  });

  it('puts the number line under the issuing body and the signing date from Cấu hình', () => {
    expect(nodeText(numberCell as DocNode)).toBe('Số: 01/GƯTĐ-CTĐ1');
    // Signed 22/02/2022 (Cấu hình), clicked 05/01/2022.
    expect(nodeText(dateCell as DocNode)).toBe('Hà Nội, ngày 22 tháng 02 năm 2022');
  });

  it('pads a number under 10 and leaves room for an unset number and date', () => {
    const padded = pledge({ settings: { ...SAMPLE_SETTINGS, pledgeNumber: '5' } });
    expect(padded.text()).toContain('Số: 05/GƯTĐ-CTĐ1');
    const blank = pledge({
      settings: { ...SAMPLE_SETTINGS, pledgeNumber: '', pledgeSymbol: '', signingDate: undefined },
    });
    const head2 = tables(blank)[0];
    expect(nodeText(head2?.children[1]?.children[0] as DocNode)).toMatch(/^Số: \u00a0+\/GƯTĐ$/);
    expect(nodeText(head2?.children[1]?.children[1] as DocNode)).toMatch(
      /^Hà Nội, ngày\u00a0+tháng\u00a0+năm 2022$/,
    );
  });
});

describe('legal bases of the emulation year, as Cấu hình lists them', () => {
  it('2022: the 2003 law as amended and Decree 91/2017, not the 2022 law (in force 2024)', () => {
    const text = pledge().text();
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003');
    expect(text).toContain('Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017');
    expect(text).not.toContain('06/2022/QH15');
  });

  it('2024: Law 06/2022/QH15 and Decree 98/2023/NĐ-CP, prefilled in Cấu hình', () => {
    let cell = '';
    const text = pledge(
      { settings: { ...SAMPLE_SETTINGS, year: 2024, signingDate: undefined } },
      (host) => {
        cell = setting(host, 'legalBases');
      },
    ).text();
    expect(cell.split('\n')).toHaveLength(2);
    expect(cell).toContain('06/2022/QH15');
    expect(text).toContain(
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
    );
    expect(text).toContain('Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023');
    expect(text).not.toContain('91/2017');
  });

  it('prints the lines a user typed in Cấu hình, one paragraph each, in order', () => {
    const doc = pledge({}, (host) => {
      paste(host, SHEET_NAMES.settings, settingRow('legalBases'), 2, [
        ['Căn cứ văn bản thứ nhất;\nCăn cứ văn bản thứ hai;'],
      ]);
    });
    const lines = doc.body.children.map((c) => nodeText(c)).filter((t) => t.startsWith('Căn cứ'));
    expect(lines.slice(0, 2)).toEqual(['Căn cứ văn bản thứ nhất;', 'Căn cứ văn bản thứ hai;']);
    expect(doc.text()).not.toContain('91/2017');
  });
});

describe('signatures, witness and layout', () => {
  const doc = pledge();
  const signatures = tables(doc).find((t) => nodeText(t).includes('CHỦ TỊCH ỦY BAN MTTQ'));

  it('gives each head a block: title with the unit name, room to sign, the name under it', () => {
    const cells = (signatures?.children ?? []).flatMap((row) => row.children);
    expect(cells).toHaveLength(6);
    const first = paragraphs(cells[0] as DocNode).map((p) => nodeText(p));
    expect(first[0]).toBe('CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN BA ĐÌNH');
    // Four blank lines to sign on, then the name, then space before the next row's titles.
    expect(first.slice(1, 5)).toEqual(['', '', '', '']);
    expect(first[5]).toBe('Nguyễn Văn An');
    expect(first[6]).toBe('');
    const last = paragraphs(cells[5] as DocNode).map((p) => nodeText(p));
    expect(last[0]).toBe('CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN LONG BIÊN');
  });

  it('has the witness block with its title and name, and a Nơi nhận', () => {
    const text = doc.text();
    expect(text).toMatch(
      /ĐẠI DIỆN ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI CHỨNG KIẾN\s+PHÓ CHỦ TỊCH THƯỜNG TRỰC[\s\S]*Nguyễn Văn Hùng/,
    );
    expect(text).toContain('Nơi nhận:');
    const none = pledge({ settings: { ...SAMPLE_SETTINGS, witnessName: '', witnessTitle: '' } });
    expect(none.text()).not.toContain('CHỨNG KIẾN');
  });

  it('exports rows kept whole (w:cantSplit) and page numbers from page 2 to .docx', async () => {
    applyLayoutHints(doc, layoutHints(JOINT_PLEDGE_TEMPLATE));
    const bytes = await docxBuffer(doc);
    const dir = process.env.THIDUA_RENDER_DIR;
    if (dir !== undefined && dir !== '') writeFileSync(join(dir, 'giao-uoc.docx'), bytes);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // Every row of the members, criteria, signature and witness tables; none of the header's.
    const rows = tables(doc)
      .slice(1)
      .reduce((n, t) => n + t.children.length, 0);
    expect(xml.match(/<w:cantSplit\/>/g)?.length).toBe(rows);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)?.async('string') ?? Promise.resolve('')),
    );
    expect(headers.filter((h) => h.includes('PAGE')).length).toBe(1);
  });

  it('gives a unit pledge the same head and its head a whole signature block', async () => {
    const host = newHost({ runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') } });
    seedSampleWorkbook(host, { settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    host.open();
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const unit = host.documents
      .list()
      .find((d) => d.name.includes('Ủy ban MTTQ Việt Nam quận Hoàng Mai thidua-'));
    if (!unit) throw new Error('no unit pledge');
    const head = tables(unit)[0];
    const issuerLines = paragraphs(head?.children[0]?.children[0] as DocNode);
    expect(nodeText(issuerLines[0] as DocNode)).toBe('ỦY BAN MTTQ VIỆT NAM QUẬN HOÀNG MAI');
    expect(issuerLines[1]?.children.some((c) => c.type === 'HORIZONTAL_RULE')).toBe(true);
    expect(nodeText(head?.children[1] as DocNode)).toContain('Số: 01/GƯTĐ-CTĐ1');
    expect(nodeText(head?.children[1] as DocNode)).toContain('Hà Nội, ngày 22 tháng 02 năm 2022');
    applyLayoutHints(unit, layoutHints(UNIT_PLEDGE_TEMPLATE));
    const bytes = await docxBuffer(unit);
    const dir = process.env.THIDUA_RENDER_DIR;
    if (dir !== undefined && dir !== '') writeFileSync(join(dir, 'dang-ky.docx'), bytes);
    const xml =
      (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:cantSplit/>');
  });
});
