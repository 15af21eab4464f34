/**
 * "Tạo bản giao ước" through build/Code.js gives the pledge Docs what DocumentApp cannot, with the
 * Docs advanced service (https://developers.google.com/docs/api/reference/rest/v1/documents/request):
 * every row of the members, criteria, signature and witness tables kept on one page
 * (updateTableRowStyle, tableRowStyle.preventOverflow), carried by the .docx export as
 * w:cantSplit; and, when the template carries a page-number field, no number on page 1
 * (updateDocumentStyle, useFirstPageHeaderFooter). The API cannot insert a page number, so a
 * template without one is reported. Each Doc costs one documents.get and one batchUpdate.
 */
import JSZip from 'jszip';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { SAMPLE_SETTINGS } from '../../sample/cluster1';
import {
  docxBuffer,
  nodeText,
  resetSofficeCache,
  type DocNode,
  type DocumentModel,
} from '../../local/host/docs';
import type { LocalHost } from '../../local/host';
import { MIME } from '../../local/host/drive';
import { newHost, seedSampleWorkbook, type SeedOptions } from './workbookFixture';

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

function setting(host: LocalHost, key: string): string {
  const row = SETTING_ROWS.findIndex((r) => r.key === key) + 2;
  return String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(row)}`));
}

const idOf = (link: string): string => /\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';

function seeded(options: SeedOptions = {}, docs = true): LocalHost {
  const host = newHost({
    runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') },
    advancedServices: { docs },
  });
  seedSampleWorkbook(host, options);
  host.open();
  return host;
}

function made(host: LocalHost): DocumentModel {
  const doc = host.documents.get(idOf(setting(host, 'pledgeDocLink')));
  if (!doc) throw new Error('no pledge made');
  return doc;
}

const tables = (doc: DocumentModel): DocNode[] =>
  doc.body.children.filter((n) => n.type === 'TABLE');
const kept = (t: DocNode): boolean[] => t.children.map((r) => r.keepTogether === true);

function docsCalls(host: LocalHost): { get: number; batchUpdate: number } {
  const calls = host.report().callsByMethod;
  return {
    get: calls['Docs.Documents.get'] ?? 0,
    batchUpdate: calls['Docs.Documents.batchUpdate'] ?? 0,
  };
}

/**
 * The recorded templates without keep-together rows, as a template made before the Docs API was
 * used (or by hand) is: what the job itself must then set on each Doc it makes.
 */
function unflagTemplates(host: LocalHost): void {
  for (const key of ['jointPledgeTemplate', 'unitPledgeTemplate']) {
    const template = host.documents.get(setting(host, key));
    for (const t of template ? tables(template) : [])
      for (const row of t.children) delete row.keepTogether;
  }
}

/** A first run makes the default templates; then they are made plain (unflagTemplates). */
function withPlainTemplates(options: SeedOptions = {}): LocalHost {
  const host = seeded(options);
  expect(host.clickMenu(CAPTION).status).toBe('ok');
  drain(host);
  unflagTemplates(host);
  host.spreadsheet.toasts.splice(0);
  host.ui.shown.length = 0;
  return host;
}

function drain(host: LocalHost): void {
  for (let round = 0; round < 20; round++) {
    const next = host.triggers.nextDue(Number.MAX_SAFE_INTEGER);
    if (!next) break;
    host.runDueTriggers(next.dueMs);
  }
}

function toastText(host: LocalHost): string {
  return JSON.stringify(host.spreadsheet.toasts);
}

describe('the pledge Docs carry their layout through the Docs API', () => {
  it('keeps every row of the members, criteria, signature and witness tables on one page; the .docx says w:cantSplit', async () => {
    const host = withPlainTemplates();
    const run = host.clickMenu(CAPTION);
    expect(run.status).toBe('ok');
    const doc = made(host);
    const [head, ...rest] = tables(doc);
    expect(rest).toHaveLength(4);
    // The Decree 30 head (issuer | national title) may split like any text: not flagged.
    expect(kept(head as DocNode).every((k) => !k)).toBe(true);
    for (const t of rest) expect(kept(t).every((k) => k)).toBe(true);
    // Every signature block's row, named by its signer.
    const signatures = rest.find((t) =>
      t.children.some((r) => nodeText(r).includes('CHỦ TỊCH ỦY BAN MTTQ')),
    );
    expect(signatures?.children.length).toBe(3);
    const xml =
      (await (
        await JSZip.loadAsync(await docxBuffer(doc))
      )
        .file('word/document.xml')
        ?.async('string')) ?? '';
    const rows = rest.reduce((n, t) => n + t.children.length, 0);
    expect(xml.match(/<w:cantSplit\/>/g)?.length).toBe(rows);
  });

  it('costs one documents.get for the template and one get + one batchUpdate per Doc made', () => {
    // The default template is built with its rows kept (one get + one batchUpdate at its build),
    // so Docs copied from it need no batchUpdate.
    const fresh = seeded();
    expect(fresh.clickMenu(CAPTION).status).toBe('ok');
    const template = fresh.documents.get(setting(fresh, 'jointPledgeTemplate'));
    expect(tables(template as DocumentModel).map((t) => kept(t).every((k) => k))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(docsCalls(fresh)).toEqual({ get: 1 + 1 + 1, batchUpdate: 1 });

    const joint = withPlainTemplates();
    const before = docsCalls(joint);
    expect(joint.clickMenu(CAPTION).status).toBe('ok');
    const after = docsCalls(joint);
    expect([after.get - before.get, after.batchUpdate - before.batchUpdate]).toEqual([2, 1]);

    const units = withPlainTemplates({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    const start = docsCalls(units);
    expect(units.clickMenu(CAPTION).status).toBe('ok');
    drain(units);
    const pledges = units.documents
      .list()
      .filter((d) => / thidua-/.test(d.name) && units.drive.get(d.id)?.trashed !== true);
    expect(pledges.length).toBe(7);
    const end = docsCalls(units);
    expect([end.get - start.get, end.batchUpdate - start.batchUpdate]).toEqual([1 + 7, 7]);
    for (const unit of pledges.filter((d) => !d.name.startsWith('Giao ước thi đua'))) {
      // The unit pledge's signature table (its second) is kept whole.
      expect(kept(tables(unit)[1] as DocNode).every((k) => k)).toBe(true);
    }
  });

  it('says the template has no page number, as the API cannot insert one', () => {
    const host = seeded();
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    expect(toastText(host)).toContain('Mẫu giao ước chưa có số trang');
    expect(made(host).pageNumbers).toBeUndefined();
  });

  it('numbers from page 2 a pledge whose template carries a page number (Insert › Page numbers)', async () => {
    const host = seeded();
    // A first run makes the default template; its owner then inserts page numbers in Docs.
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const template = host.documents.get(setting(host, 'jointPledgeTemplate'));
    if (!template) throw new Error('no template recorded');
    template.pageNumbers = { position: 'header', from: 1 };
    host.spreadsheet.toasts.splice(0);
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const doc = made(host);
    expect(doc.pageNumbers).toEqual({ position: 'header', from: 2 });
    expect(toastText(host)).not.toContain('chưa có số trang');
    const zip = await JSZip.loadAsync(await docxBuffer(doc));
    expect((await zip.file('word/document.xml')?.async('string')) ?? '').toContain('<w:titlePg/>');
  });

  it('retries a Doc whose batchUpdate failed: every pledge once, each kept whole, the half-made Doc trashed', () => {
    const host = withPlainTemplates({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } });
    const earlier = docsCalls(host).batchUpdate;
    host.rt.injectFault({
      method: 'Docs.Documents.batchUpdate',
      nth: earlier + 3,
      message:
        'API call to docs.documents.batchUpdate failed with error: Internal error encountered.',
    });
    const previous = new Set(
      [...host.drive.items.values()].filter((i) => / thidua-/.test(i.name)).map((i) => i.id),
    );
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    drain(host);
    const items = [...host.drive.items.values()].filter(
      (i) => / thidua-/.test(i.name) && !previous.has(i.id),
    );
    const live = items.filter((i) => !i.trashed && i.mimeType === MIME.document);
    expect(live).toHaveLength(7);
    expect(items.filter((i) => i.trashed && i.mimeType === MIME.document)).toHaveLength(1);
    for (const item of live) {
      const doc = host.documents.get(item.id);
      const signatureTable = tables(doc as DocumentModel).at(
        doc?.name.startsWith('Giao ước') === true ? 3 : 1,
      );
      expect(kept(signatureTable as DocNode).every((k) => k)).toBe(true);
    }
    expect(docsCalls(host).batchUpdate - earlier).toBe(8);
  });

  it('a template whose own batchUpdate failed is still recorded; the job keeps the pledge rows whole', () => {
    const host = seeded();
    host.rt.injectFault({
      method: 'Docs.Documents.batchUpdate',
      nth: 1,
      message:
        'API call to docs.documents.batchUpdate failed with error: Internal error encountered.',
    });
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    const template = host.documents.get(setting(host, 'jointPledgeTemplate'));
    expect(tables(template as DocumentModel).every((t) => kept(t).every((k) => !k))).toBe(true);
    expect(
      tables(made(host))
        .slice(1)
        .every((t) => kept(t).every((k) => k)),
    ).toBe(true);
  });

  it('without the Docs advanced service the pledge is still made, its rows as DocumentApp left them', () => {
    const host = seeded({}, false);
    expect(host.clickMenu(CAPTION).status).toBe('ok');
    expect(docsCalls(host)).toEqual({ get: 0, batchUpdate: 0 });
    expect(toastText(host)).toContain('Chưa bật dịch vụ nâng cao Google Docs API');
    expect(toastText(host)).not.toContain('chưa có số trang');
    expect(tables(made(host)).every((t) => kept(t).every((k) => !k))).toBe(true);
  });
});
