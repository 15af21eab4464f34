/**
 * Conformance tests of the DriveApp fake (local/host/drive), each against the reference page it
 * follows (developers.google.com/apps-script/reference/drive/...) or the report of Apps Script's
 * behaviour cited in local/host/drive/fakes.ts.
 */
import { hostFor } from './sandboxStandIn';
import type { LocalHost } from '../../local/host';
import {
  ITERATOR_END_MESSAGE,
  MIME,
  NOT_FOUND_MESSAGE,
  createDriveService,
  type DocumentBackend,
  type DriveService,
} from '../../local/host/drive';
import type { AccountType } from '../../local/host/runtime';

/** A stand-in for the Docs fake: documents are a name and a text. */
class FakeDocs implements DocumentBackend {
  readonly docs = new Map<string, { name: string; text: string }>();
  add(id: string, name: string, text: string): void {
    this.docs.set(id, { name, text });
  }
  exists(id: string): boolean {
    return this.docs.has(id);
  }
  name(id: string): string {
    return this.docs.get(id)!.name;
  }
  rename(id: string, name: string): void {
    this.docs.get(id)!.name = name;
  }
  copy(id: string, newId: string, newName: string): void {
    this.docs.set(newId, { name: newName, text: this.docs.get(id)!.text });
  }
  pdf(id: string): Uint8Array {
    const d = this.docs.get(id)!;
    return new Uint8Array(Buffer.from(`%PDF-1.4\n${d.name}\n${d.text}`, 'utf8'));
  }
  text(id: string): string {
    return this.docs.get(id)!.text;
  }
}

interface DriveFixture {
  host: LocalHost;
  drive: DriveService;
  docs: FakeDocs;
}

function driveHost(code: string, accountType: AccountType = 'consumer'): DriveFixture {
  const docs = new FakeDocs();
  let drive!: DriveService;
  const host = hostFor(code, {
    runtime: { accountType },
    services: {
      DriveApp: (h) => {
        drive = createDriveService(h.rt, { documents: docs });
        return drive.DriveApp;
      },
    },
  });
  return { host, drive, docs };
}

/** A Google Doc template known to Drive and to the Docs stand-in. */
function addTemplate(f: DriveFixture, id = 'tpl-giay-khen', name = 'Mẫu Giấy khen'): void {
  f.drive.model.registerFile({ id, name, mimeType: MIME.document });
  f.docs.add(id, name, 'TẶNG {{ten}}');
}

function ok(host: LocalHost, fn: string, options: Parameters<LocalHost['run']>[1] = {}): unknown {
  const r = host.run(fn, options);
  if (r.status !== 'ok') throw new Error(`${fn}: ${r.status}: ${r.error}`);
  return r.value;
}

describe('DriveApp ids (reference/drive/drive-app#getFileById, #getFolderById)', () => {
  test('an unknown id throws Apps Script\'s "No item with the given ID" message', () => {
    const f = driveHost(`
      function f() {
        var out = [];
        try { DriveApp.getFileById('khong-co'); } catch (e) { out.push(e.message); }
        try { DriveApp.getFolderById('khong-co'); } catch (e) { out.push(e.message); }
        try { DriveApp.getFileById(''); } catch (e) { out.push(e.message); }
        return out;
      }`);
    expect(ok(f.host, 'f')).toEqual([NOT_FOUND_MESSAGE, NOT_FOUND_MESSAGE, 'Invalid argument: id']);
    expect(NOT_FOUND_MESSAGE).toBe(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
  });

  test('a file registered by the host (the bound spreadsheet) is found by id with its folder', () => {
    const f = driveHost(`
      function f() {
        var id = SpreadsheetApp.getActiveSpreadsheet().getId();
        var file = DriveApp.getFileById(id);
        return [file.getName(), file.getMimeType(), file.getParents().next().getName(), file.getUrl()];
      }`);
    const folder = f.drive.model.registerFolder({ name: 'Cụm thi đua số 1' });
    f.drive.model.registerFile({
      id: 'sheet-1',
      name: 'Thi đua 2025',
      mimeType: MIME.spreadsheet,
      parentId: folder.id,
    });
    expect(ok(f.host, 'f')).toEqual([
      'Thi đua 2025',
      'application/vnd.google-apps.spreadsheet',
      'Cụm thi đua số 1',
      'https://docs.google.com/spreadsheets/d/sheet-1/edit?usp=drivesdk',
    ]);
  });

  test('a private file of another user is not found; shared as viewer it is readable but not editable', () => {
    const f = driveHost(`
      function read() { return DriveApp.getFileById('rieng').getName(); }
      function rename() { DriveApp.getFileById('rieng').setName('x'); }
      function share() { DriveApp.getFileById('rieng').addViewer('khach@thidua.test'); }`);
    f.drive.model.registerFile({ id: 'rieng', name: 'Riêng', mimeType: MIME.plain, content: 'a' });
    expect(f.host.run('read', { user: 'khach@thidua.test' }).error).toBe(
      `Exception: ${NOT_FOUND_MESSAGE}`,
    );
    ok(f.host, 'share');
    expect(ok(f.host, 'read', { user: 'khach@thidua.test' })).toBe('Riêng');
    expect(f.host.run('rename', { user: 'khach@thidua.test' }).error).toBe(
      'Exception: Access denied: DriveApp.',
    );
  });
});

describe('Creating files and folders (drive-app#createFile, #createFolder; folder#createFile)', () => {
  test('createFile(name, content[, mimeType]) and createFile(blob): names, types, sizes, content, dates', () => {
    const f = driveHost(`
      function f() {
        var folder = DriveApp.createFolder('Báo cáo');
        var a = folder.createFile('ghi-chu.txt', 'Xuất sắc');
        var b = folder.createFile('bang.csv', 'a,b', 'text/csv');
        var c = DriveApp.createFile(Utilities.newBlob('{}', 'application/json', 'du-lieu.json'));
        return [
          a.getName(), a.getMimeType(), a.getSize(), a.getBlob().getDataAsString(),
          b.getMimeType(), c.getName(), c.getMimeType(), c.getParents().next().getId() === DriveApp.getRootFolder().getId(),
          a.getDateCreated().getTime(), a.getParents().next().getName(),
          folder.getUrl().indexOf('https://drive.google.com/drive/folders/') === 0
        ];
      }`);
    const start = f.host.rt.nowMs;
    const v = ok(f.host, 'f') as unknown[];
    expect(v.slice(0, 8)).toEqual([
      'ghi-chu.txt',
      'text/plain',
      Buffer.byteLength('Xuất sắc'),
      'Xuất sắc',
      'text/csv',
      'du-lieu.json',
      'application/json',
      true,
    ]);
    // Dates come from the virtual clock.
    expect(v[8]).toBeGreaterThanOrEqual(start);
    expect(v[8]).toBeLessThanOrEqual(f.host.rt.nowMs);
    expect(v.slice(9)).toEqual(['Báo cáo', true]);
    expect(f.drive.model.pathOf(f.drive.model.filesIn(f.drive.model.rootId)[0]!.id)).toBe(
      'My Drive/du-lieu.json',
    );
  });

  test('setName, setDescription and getLastUpdated follow the virtual clock', () => {
    const f = driveHost(`
      function f() {
        var file = DriveApp.createFile('a.txt', 'x');
        var created = file.getLastUpdated().getTime();
        Utilities.sleep(5000);
        file.setName('b.txt').setDescription('Mô tả');
        return [file.getName(), file.getDescription(), file.getLastUpdated().getTime() - created >= 5000];
      }`);
    expect(ok(f.host, 'f')).toEqual(['b.txt', 'Mô tả', true]);
  });
});

describe('Iterators (reference/drive/file-iterator, folder-iterator)', () => {
  test('next() past the end throws "Cannot retrieve the next object: iterator has reached the end."', () => {
    const f = driveHost(`
      function f() {
        DriveApp.createFile('mot.txt', '1');
        var it = DriveApp.getFilesByName('mot.txt');
        var names = [];
        while (it.hasNext()) names.push(it.next().getName());
        try { it.next(); } catch (e) { return [names, it.hasNext(), e.message]; }
      }`);
    expect(ok(f.host, 'f')).toEqual([['mot.txt'], false, ITERATOR_END_MESSAGE]);
    expect(ITERATOR_END_MESSAGE).toBe(
      'Cannot retrieve the next object: iterator has reached the end.',
    );
  });

  test('a continuation token resumes the iteration in a later execution (drive-app#continueFileIterator)', () => {
    const f = driveHost(`
      function start() {
        var folder = DriveApp.createFolder('Lô');
        for (var i = 1; i <= 5; i++) folder.createFile('f' + i + '.txt', String(i));
        var it = folder.getFiles();
        var seen = [it.next().getName(), it.next().getName()];
        PropertiesService.getScriptProperties().setProperty('token', it.getContinuationToken());
        return seen;
      }
      function resume() {
        var it = DriveApp.continueFileIterator(PropertiesService.getScriptProperties().getProperty('token'));
        var seen = [];
        while (it.hasNext()) seen.push(it.next().getName());
        return [seen, it.getContinuationToken()];
      }
      function bad() { try { DriveApp.continueFileIterator('rác'); } catch (e) { return e.message; } }`);
    expect(ok(f.host, 'start')).toEqual(['f1.txt', 'f2.txt']);
    expect(ok(f.host, 'resume')).toEqual([['f3.txt', 'f4.txt', 'f5.txt'], null]);
    expect(ok(f.host, 'bad')).toBe('Invalid argument: continuationToken');
  });
});

describe('Trash (file#setTrashed, drive-app#getFilesByName, #getTrashedFiles)', () => {
  test('trashed files and files in trashed folders are hidden from name searches and folder listings', () => {
    // Live Apps Script leaves trashed items out of getFilesByName / getFoldersByName (brucemcpherson/gas-fakes#44).
    const f = driveHost(`
      function f() {
        var folder = DriveApp.createFolder('Giấy khen');
        var keep = folder.createFile('a.pdf', 'a', 'application/pdf');
        var gone = folder.createFile('b.pdf', 'b', 'application/pdf');
        gone.setTrashed(true);
        var old = DriveApp.createFolder('Cũ');
        old.createFile('a.pdf', 'cũ', 'application/pdf');
        old.setTrashed(true);
        var count = function (it) { var n = 0; while (it.hasNext()) { it.next(); n++; } return n; };
        return [
          count(DriveApp.getFilesByName('a.pdf')), count(DriveApp.getFilesByName('b.pdf')),
          count(folder.getFiles()), count(DriveApp.getFoldersByName('Cũ')),
          count(DriveApp.getTrashedFiles()), count(DriveApp.getTrashedFolders()),
          DriveApp.getFileById(gone.getId()).isTrashed(), keep.isTrashed(),
          count(DriveApp.searchFiles("title = 'b.pdf'")),
          count(DriveApp.searchFiles("title = 'b.pdf' and trashed = false"))
        ];
      }`);
    // getTrashedFiles lists b.pdf and the a.pdf inside the trashed folder.
    expect(ok(f.host, 'f')).toEqual([1, 0, 1, 0, 2, 1, true, false, 1, 0]);
  });

  test('setTrashed(false) restores a file', () => {
    const f = driveHost(`
      function f() {
        var file = DriveApp.createFile('x.txt', 'x');
        file.setTrashed(true);
        var hidden = DriveApp.getFilesByName('x.txt').hasNext();
        file.setTrashed(false);
        return [hidden, DriveApp.getFilesByName('x.txt').hasNext()];
      }`);
    expect(ok(f.host, 'f')).toEqual([false, true]);
  });
});

describe('makeCopy (reference/drive/file#makeCopy(String,Folder)) and the documents-created quota', () => {
  test('copies a Google Doc into a folder as a new document; an unnamed copy is "Copy of …" beside the original', () => {
    const f = driveHost(`
      function f() {
        var out = DriveApp.createFolder('Giấy khen 2025');
        var tpl = DriveApp.getFileById('tpl-giay-khen');
        var copy = tpl.makeCopy('Giấy khen - Nguyễn Văn A', out);
        var plain = tpl.makeCopy();
        return [copy.getName(), copy.getMimeType(), copy.getParents().next().getName(),
          copy.getId() !== tpl.getId(), plain.getName(), plain.getParents().next().getName(),
          out.getFiles().next().getId() === copy.getId(), copy.getId()];
      }`);
    addTemplate(f);
    const before = f.host.rt.quotaRemaining('documentsCreated');
    const r = f.host.run('f');
    expect(r.status).toBe('ok');
    const v = r.value as unknown[];
    expect(v.slice(0, 7)).toEqual([
      'Giấy khen - Nguyễn Văn A',
      MIME.document,
      'Giấy khen 2025',
      true,
      'Copy of Mẫu Giấy khen',
      'My Drive',
      true,
    ]);
    // The copy exists in the Docs stand-in with the template's content.
    expect(f.docs.text(v[7] as string)).toBe('TẶNG {{ten}}');
    expect(f.host.rt.quotaRemaining('documentsCreated')).toBe(before - 2);
    // Two copies ≈ 4 s each (DESIGN §4).
    expect(r.virtualMs).toBeGreaterThanOrEqual(8000);
    expect(r.execution.calls.get('File.makeCopy')).toBe(2);
  });

  test('the 251st document of a consumer day throws; the next virtual day works again', () => {
    // Each execution copies up to 70 documents (70 × 4 s stays under the 6-minute limit).
    const f = driveHost(`
      function batch() {
        var tpl = DriveApp.getFileById('tpl-giay-khen');
        for (var i = 0; i < 70; i++) {
          try { tpl.makeCopy('GK ' + i); } catch (e) { return [i, e.message]; }
        }
        return [70, null];
      }`);
    addTemplate(f);
    const results = [1, 2, 3, 4].map(() => ok(f.host, 'batch'));
    expect(results).toEqual([
      [70, null],
      [70, null],
      [70, null],
      [40, 'Service invoked too many times for one day: docs create.'],
    ]);
    // 250 copies exist, the refused one left nothing behind.
    const copies = [...f.drive.model.items.values()].filter((i) => i.name.startsWith('GK '));
    expect(copies).toHaveLength(250);
    expect(f.docs.docs.size).toBe(251);
    f.host.rt.advance(24 * 3600 * 1000);
    expect(ok(f.host, 'batch')).toEqual([70, null]);
    expect(f.host.rt.quotaRemaining('documentsCreated')).toBe(180);
  });

  test('a Workspace account has 1,500 documents a day', () => {
    const f = driveHost('function f() {}', 'workspace');
    expect(f.host.rt.quotaRemaining('documentsCreated')).toBe(1500);
  });
});

describe('getAs (reference/drive/file#getAs, base/blob#getAs) and the files-converted quota', () => {
  test('a Google Doc exports to PDF bytes named by replacing the last extension; each export is counted', () => {
    const f = driveHost(`
      function f() {
        var doc = DriveApp.getFileById('tpl-giay-khen');
        var pdf = doc.getAs('application/pdf');
        var dotted = DriveApp.getFileById('qd').getAs('application/pdf');
        return [pdf.getContentType(), pdf.getName(), pdf.getDataAsString().indexOf('%PDF-1.4') === 0,
          dotted.getName(), doc.getBlob().getContentType()];
      }`);
    addTemplate(f);
    f.drive.model.registerFile({
      id: 'qd',
      name: 'QĐ khen thưởng 05.01.2020',
      mimeType: MIME.document,
    });
    f.docs.add('qd', 'QĐ khen thưởng 05.01.2020', '');
    const before = f.host.rt.quotaRemaining('filesConverted');
    const r = f.host.run('f');
    expect(r.value).toEqual([
      'application/pdf',
      'Mẫu Giấy khen.pdf',
      true,
      // "ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf" (Blob.getAs reference).
      'QĐ khen thưởng 05.01.pdf',
      'application/pdf',
    ]);
    expect(f.host.rt.quotaRemaining('filesConverted')).toBe(before - 3);
    expect(r.virtualMs).toBeGreaterThanOrEqual(3 * 1500);
  });

  test('a conversion Drive cannot do is refused', () => {
    const f = driveHost(`
      function f() { try { DriveApp.getFileById('tpl-giay-khen').getAs('image/png'); } catch (e) { return e.message; } }`);
    addTemplate(f);
    expect(ok(f.host, 'f')).toBe(
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    );
  });

  test('the files-converted quota runs out at 2,000 a consumer day', () => {
    const f = driveHost(`
      function f() { try { DriveApp.getFileById('tpl-giay-khen').getAs('application/pdf'); return 'ok'; } catch (e) { return e.message; } }`);
    addTemplate(f);
    f.host.rt.useQuota('filesConverted', 2000);
    expect(ok(f.host, 'f')).toBe(
      'Service invoked too many times for one day: driveapp conversions.',
    );
  });
});

describe('Folders and parents (file#moveTo, folder#addFile, #removeFile, #getFolders)', () => {
  test('moveTo replaces the parents; addFile adds a second parent; removeFile removes one', () => {
    const f = driveHost(`
      function f() {
        var a = DriveApp.createFolder('A'), b = DriveApp.createFolder('B');
        var file = a.createFile('x.txt', 'x');
        var names = function (it) { var n = []; while (it.hasNext()) n.push(it.next().getName()); return n.sort().join(','); };
        var out = [names(file.getParents())];
        file.moveTo(b);
        out.push(names(file.getParents()));
        a.addFile(file);
        out.push(names(file.getParents()));
        b.removeFile(file);
        out.push(names(file.getParents()));
        var sub = a.createFolder('A1');
        out.push(names(a.getFolders()), names(DriveApp.getFoldersByName('A1')), sub.getParents().next().getName());
        try { a.moveTo(sub); } catch (e) { out.push(e.message); }
        return out;
      }`);
    expect(ok(f.host, 'f')).toEqual([
      'A',
      'B',
      'A,B',
      'A',
      'A1',
      'A1',
      'A',
      'Invalid argument: destination',
    ]);
  });
});

describe('Sharing (file#setSharing, #addEditor, #addViewer; reference/drive/access, /permission)', () => {
  test('enums, sharing state, editors and viewers; a malformed address is refused', () => {
    const f = driveHost(`
      function f() {
        var file = DriveApp.createFile('a.txt', 'a');
        var before = [String(file.getSharingAccess()), String(file.getSharingPermission())];
        file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
        file.addEditor('Can.Bo@ubnd.test').addViewers(['xem@ubnd.test', 'can.bo@ubnd.test']);
        var emails = function (users) { return users.map(function (u) { return u.getEmail(); }).join(','); };
        var out = before.concat([file.getSharingAccess() === DriveApp.Access.ANYONE_WITH_LINK,
          String(file.getSharingPermission()), emails(file.getEditors()), emails(file.getViewers()),
          file.getOwner().getEmail(), Array.isArray(file.getEditors())]);
        try { file.addEditor('khong-phai-email'); } catch (e) { out.push(e.message); }
        try { file.setSharing('ANYONE', 'VIEW'); } catch (e) { out.push(e.message); }
        return out;
      }`);
    expect(ok(f.host, 'f')).toEqual([
      'PRIVATE',
      'NONE',
      true,
      'VIEW',
      'can.bo@ubnd.test',
      'xem@ubnd.test',
      'owner@thidua.test',
      true,
      'Invalid argument: permission.value',
      "The parameters (String,String) don't match the method signature for File.setSharing.",
    ]);
  });

  test('link sharing lets another user read a file by id', () => {
    const f = driveHost(`
      function share() { DriveApp.getFileById('ds').setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW); }
      function read() { return DriveApp.getFileById('ds').getName(); }`);
    f.drive.model.registerFile({ id: 'ds', name: 'Danh sách', mimeType: MIME.plain, content: '' });
    expect(f.host.run('read', { user: 'ai.do@gmail.com' }).status).toBe('error');
    ok(f.host, 'share');
    expect(ok(f.host, 'read', { user: 'ai.do@gmail.com' })).toBe('Danh sách');
  });
});

describe('searchFiles (drive-app#searchFiles, folder#searchFiles)', () => {
  test("title = '…', '<folderId>' in parents, mimeType; a malformed query is 'Invalid argument: q'", () => {
    const f = driveHost(`
      function f() {
        var a = DriveApp.createFolder('A');
        a.createFile('k.pdf', '1', 'application/pdf');
        DriveApp.createFile('k.pdf', '2', 'application/pdf');
        a.createFile("it's.txt", '3');
        var count = function (it) { var n = 0; while (it.hasNext()) { it.next(); n++; } return n; };
        var out = [
          count(DriveApp.searchFiles("title = 'k.pdf' and trashed = false")),
          count(DriveApp.searchFiles("'" + a.getId() + "' in parents and title = 'k.pdf'")),
          count(a.searchFiles("mimeType = 'application/pdf'")),
          count(DriveApp.searchFiles("title = 'it\\\\'s.txt'")),
          count(DriveApp.searchFiles('name contains "k."'))
        ];
        try { DriveApp.searchFiles("title = "); } catch (e) { out.push(e.message); }
        return out;
      }
      function unsupported() { DriveApp.searchFiles("title = 'a' or title = 'b'"); }`);
    expect(ok(f.host, 'f')).toEqual([2, 1, 1, 1, 2, 'Invalid argument: q']);
    // A valid query the host does not model fails loudly instead of returning a wrong answer.
    expect(f.host.run('unsupported').error).toMatch(/does not model/);
  });
});

describe('Authorisation and host rules', () => {
  test('a simple trigger may not call DriveApp (guides/triggers#restrictions)', () => {
    const f = driveHost(`function onOpen() { DriveApp.getRootFolder(); }`);
    expect(f.host.run('onOpen', { kind: 'simple' }).error).toBe(
      'Exception: You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
  });

  test('a method the host does not implement fails loudly', () => {
    const f = driveHost(`function f() { DriveApp.createShortcut('x'); }`);
    expect(f.host.run('f').error).toMatch(
      /DriveApp\.createShortcut is not implemented by the host/,
    );
  });

  test('documents created through DocumentApp are listed once registered; renames reach the Docs fake', () => {
    const f = driveHost(`
      function f() {
        var file = DriveApp.getFilesByName('Bản giao ước').next();
        file.setName('Bản giao ước 2025');
        return [file.getMimeType(), file.getSize(), DriveApp.getFileById('doc-moi').getName()];
      }`);
    // What the Docs fake's create hook does:
    f.docs.add('doc-moi', 'Bản giao ước', '');
    f.drive.model.registerDocument('doc-moi', 'Bản giao ước');
    expect(ok(f.host, 'f')).toEqual([MIME.document, 0, 'Bản giao ước 2025']);
    expect(f.docs.name('doc-moi')).toBe('Bản giao ước 2025');
  });

  test('each call is counted by method and costs virtual time', () => {
    const f = driveHost(
      `function f() { var x = DriveApp.createFolder('x'); x.getName(); x.getId(); }`,
    );
    const r = f.host.run('f');
    expect(r.execution.calls.get('DriveApp.createFolder')).toBe(1);
    expect(r.execution.calls.get('Folder.getName')).toBe(1);
    expect(r.virtualMs).toBeGreaterThanOrEqual(150);
  });
});

describe('sharing and My Drive per account (reference/drive/access, drive-app#getRootFolder)', () => {
  // DOMAIN access is a Google Workspace setting: it reaches accounts of the owner's Workspace
  // domain, never consumer accounts that merely share an e-mail domain
  // (https://developers.google.com/apps-script/reference/drive/access).
  const code = `
    function share() {
      var file = DriveApp.getRootFolder().createFile('Danh sách.txt', 'x');
      file.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.VIEW);
      PropertiesService.getScriptProperties().setProperty('id', file.getId());
    }
    function look() {
      var id = PropertiesService.getScriptProperties().getProperty('id');
      try { return DriveApp.getFileById(id).getName(); } catch (e) { return 'refused'; }
    }
    function root() { return DriveApp.getRootFolder().getId(); }`;

  test('consumer accounts on one e-mail domain do not see a DOMAIN-shared file', () => {
    const f = driveHost(code);
    ok(f.host, 'share');
    expect(ok(f.host, 'look', { user: 'khac@thidua.test' })).toBe('refused');
  });

  test('inside one Workspace domain they do', () => {
    const f = driveHost(code, 'workspace');
    ok(f.host, 'share');
    expect(ok(f.host, 'look', { user: 'khac@thidua.test' })).toBe('Danh sách.txt');
    expect(ok(f.host, 'look', { user: 'ai@gmail.com' })).toBe('refused');
  });

  test('each user has their own My Drive', () => {
    const f = driveHost(code);
    const mine = ok(f.host, 'root');
    const theirs = ok(f.host, 'root', { user: 'truong@gmail.com' });
    expect(theirs).not.toBe(mine);
    expect(ok(f.host, 'root', { user: 'truong@gmail.com' })).toBe(theirs);
  });
});
