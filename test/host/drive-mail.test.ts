/**
 * How a LocalHost gets DriveApp and MailApp (the `services` option of local/host/index.ts), and a
 * fixture script — plain JS, not the product — that copies a template Doc, exports the copy as PDF
 * into a folder and mails it: calls, quotas and virtual time as Apps Script would account them.
 */
import { LocalHost } from '../../local/host';
import {
  MIME,
  connectDocumentStore,
  createDriveService,
  type DocumentStoreLike,
  type DriveService,
} from '../../local/host/drive';
import { createMailService, type MailService } from '../../local/host/mail';
import { standInSheets } from './sandboxStandIn';

/** The smallest DocumentStore-shaped object (the real one is local/host/docs' DocumentStore). */
class MiniDoc {
  constructor(
    public id: string,
    public name: string,
    public body: string,
  ) {}
  text(): string {
    return this.body;
  }
}

class MiniStore implements DocumentStoreLike<MiniDoc> {
  readonly docs = new Map<string, MiniDoc>();
  newId: () => string = () => `mini-${this.docs.size + 1}`;
  private readonly listeners: Array<(e: { doc: MiniDoc; owner: string }) => void> = [];
  create(name: string, body: string): MiniDoc {
    const doc = new MiniDoc(this.newId(), name, body);
    this.docs.set(doc.id, doc);
    for (const l of this.listeners) l({ doc, owner: '' });
    return doc;
  }
  get(id: string): MiniDoc | undefined {
    return this.docs.get(id);
  }
  copyDocument(id: string, newId: string, newName: string): MiniDoc {
    const doc = new MiniDoc(newId, newName, this.docs.get(id)!.body);
    this.docs.set(newId, doc);
    return doc;
  }
  onDocumentCreated(listener: (e: { doc: MiniDoc; owner: string }) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }
}

const FIXTURE = `
function guiGiayKhen() {
  var props = PropertiesService.getScriptProperties();
  var template = DriveApp.getFileById(props.getProperty('templateId'));
  var folders = DriveApp.getFoldersByName('Giấy khen 2025');
  var folder = folders.hasNext() ? folders.next() : DriveApp.createFolder('Giấy khen 2025');
  var doc = template.makeCopy('Giấy khen - Nguyễn Văn A', folder);
  var pdf = doc.getAs('application/pdf');
  var pdfFile = folder.createFile(pdf);
  MailApp.sendEmail('nguyen.van.a@ubnd.test', 'Giấy khen năm 2025',
    'Kính gửi ông Nguyễn Văn A, xin gửi kèm Giấy khen.', { attachments: [pdfFile], name: 'Cụm thi đua số 1' });
  return [doc.getId(), pdfFile.getName(), pdfFile.getUrl(), MailApp.getRemainingDailyQuota()];
}`;

function fixtureHost(): {
  host: LocalHost;
  drive: DriveService;
  mail: MailService;
  store: MiniStore;
} {
  const store = new MiniStore();
  let drive!: DriveService;
  let mail!: MailService;
  const host = new LocalHost({
    code: FIXTURE,
    spreadsheetFactory: standInSheets,
    services: {
      DriveApp: (h) => {
        drive = createDriveService(h.rt);
        connectDocumentStore(
          drive.model,
          store,
          (d) => new Uint8Array(Buffer.from(`%PDF-1.4\n${d.name}\n${d.body}`, 'utf8')),
        );
        return drive.DriveApp;
      },
      MailApp: (h) => {
        mail = createMailService(h.rt);
        return mail.MailApp;
      },
    },
  });
  return { host, drive, mail, store };
}

describe('LocalHost with DriveApp and MailApp (services option)', () => {
  test('copy a template Doc, export it to PDF in a folder and mail it', () => {
    const { host, drive, mail, store } = fixtureHost();
    // The template is created host-side; the store files it in My Drive with a Drive-shaped id.
    const template = store.create('Mẫu Giấy khen', 'TẶNG ông {{ten}}');
    expect(drive.model.get(template.id)?.mimeType).toBe(MIME.document);
    expect(template.id).toHaveLength(44);
    host.properties.script.set('templateId', template.id);

    const quotas = () => ({
      documents: host.rt.quotaRemaining('documentsCreated'),
      conversions: host.rt.quotaRemaining('filesConverted'),
      recipients: host.rt.quotaRemaining('emailRecipients'),
    });
    expect(quotas()).toEqual({ documents: 250, conversions: 2000, recipients: 100 });

    const r = host.run('guiGiayKhen');
    expect(r.status).toBe('ok');
    const [docId, pdfName, pdfUrl, remaining] = r.value as [string, string, string, number];

    // Drive: the copy is a document in the folder, beside its PDF.
    const folder = [...drive.model.items.values()].find((i) => i.name === 'Giấy khen 2025')!;
    expect(drive.model.filesIn(folder.id).map((i) => [drive.model.nameOf(i), i.mimeType])).toEqual([
      ['Giấy khen - Nguyễn Văn A', MIME.document],
      ['Giấy khen - Nguyễn Văn A.pdf', MIME.pdf],
    ]);
    expect(store.get(docId)?.text()).toBe('TẶNG ông {{ten}}');
    expect(pdfName).toBe('Giấy khen - Nguyễn Văn A.pdf');
    expect(pdfUrl).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]{44}\/view/);

    // Mail: one message with the PDF attached.
    expect(mail.sentBox.messages).toHaveLength(1);
    const sent = mail.sentBox.messages[0]!;
    expect(sent).toMatchObject({ to: ['nguyen.van.a@ubnd.test'], name: 'Cụm thi đua số 1' });
    expect(sent.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['Giấy khen - Nguyễn Văn A.pdf', MIME.pdf],
    ]);
    expect(Buffer.from(sent.attachments[0]!.bytes).toString('utf8')).toBe(
      '%PDF-1.4\nGiấy khen - Nguyễn Văn A\nTẶNG ông {{ten}}',
    );

    // Quotas: one document created, one conversion, one recipient.
    expect(remaining).toBe(99);
    expect(quotas()).toEqual({ documents: 249, conversions: 1999, recipients: 99 });

    // Calls and virtual time: makeCopy ≈ 4 s, PDF export ≈ 1.5 s, mail ≈ 1.2 s (DESIGN §4), plus
    // three Drive round trips (getFileById, createFolder, Folder.createFile) of 150 ms (ASSUMPTION).
    const calls = Object.fromEntries(r.execution.calls);
    expect(calls).toMatchObject({
      'DriveApp.getFileById': 1,
      'DriveApp.getFoldersByName': 1,
      'DriveApp.createFolder': 1,
      'File.makeCopy': 1,
      'File.getAs': 1,
      'Folder.createFile': 1,
      'MailApp.sendEmail': 1,
      'MailApp.getRemainingDailyQuota': 1,
    });
    const floor = 4000 + 1500 + 1200 + 4 * 150 + 50;
    expect(r.virtualMs).toBeGreaterThanOrEqual(floor);
    expect(r.virtualMs).toBeLessThan(floor + 200);
  });

  test('a second run reuses the folder found by name and counts the quotas again', () => {
    const { host, drive, mail, store } = fixtureHost();
    host.properties.script.set('templateId', store.create('Mẫu', 'x').id);
    expect(host.run('guiGiayKhen').status).toBe('ok');
    expect(host.run('guiGiayKhen').status).toBe('ok');
    const folders = [...drive.model.items.values()].filter((i) => i.name === 'Giấy khen 2025');
    expect(folders).toHaveLength(1);
    expect(drive.model.filesIn(folders[0]!.id)).toHaveLength(4);
    expect(mail.sentBox.recipientCount()).toBe(2);
    expect(host.rt.quotaRemaining('documentsCreated')).toBe(248);
  });
});
