/**
 * Layout check of "In trên phôi" in a real renderer: the print file and the calibration page the
 * built bundle makes are exported as .docx by the local host, converted to PDF by LibreOffice and
 * read back word by word (pdftotext -bbox-layout); every field's first line must start within 1 mm
 * of its configured position plus Cấu hình's offset, and the pages must not overflow. Skips, saying
 * so, where LibreOffice or poppler-utils is missing.
 */
process.env.THIDUA_SOFFICE = '';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREPRINTED_DEFAULTS } from '../../src/core/certificates/preprintedDefaults';
import { saveDocx, type DocumentModel } from '../../local/host/docs';
import { drain, setSetting, setup } from './certificateRegister';

const MM = 72 / 25.4;

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const available = which('soffice') && which('pdftotext');
if (!available) {
  console.warn(
    'preprintedLayout.test.ts SKIPPED: LibreOffice (soffice) or pdftotext is not installed ' +
      '(apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils).',
  );
}

type Word = { page: number; text: string; xMin: number; yMin: number; xMax: number };

/** Words of a PDF with their boxes in mm from the page's top-left corner. */
function words(pdf: string): { pages: number; words: Word[] } {
  const out = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const list: Word[] = [];
  let page = 0;
  for (const line of out.split('\n')) {
    if (line.includes('<page ')) page++;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (m === null) continue;
    list.push({
      page,
      text: (m[4] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      xMin: Number(m[1]) / MM,
      yMin: Number(m[2]) / MM,
      xMax: Number(m[3]) / MM,
    });
  }
  return { pages: page, words: list };
}

/** The words of one printed line that starts with `first` on `page`, at the line's top. */
function lineOf(all: readonly Word[], page: number, text: string): Word[] {
  const first = text.split(' ')[0] ?? '';
  const starts = all.filter((w) => w.page === page && w.text === first);
  for (const start of starts) {
    const line = all.filter((w) => w.page === page && Math.abs(w.yMin - start.yMin) < 0.3);
    const joined = line
      .filter((w) => w.xMin >= start.xMin - 0.01)
      .map((w) => w.text)
      .join(' ');
    if (joined.startsWith(text.slice(0, Math.min(text.length, 25))))
      return line.filter((w) => w.xMin >= start.xMin - 0.01);
  }
  return [];
}

(available ? describe : describe.skip)('In trên phôi in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phoi-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts every field within 1 mm of its position plus the offset, one page per row, and the calibration grid at 10 mm', async () => {
    const host = setup(2, { mode: 'Gộp', perFile: 4 });
    host.clickMenu('Khởi tạo / cập nhật bảng tính');
    setSetting(host, 'In giấy khen, bằng khen', 'In trên phôi');
    setSetting(host, 'Lệch ngang khi in phôi (mm)', 3);
    setSetting(host, 'Lệch dọc khi in phôi (mm)', -2);
    host.clickMenu('Tạo giấy khen / bằng khen');
    drain(host);
    host.clickMenu('In trang căn chỉnh phôi');
    const docs = host.documents.list();
    const print = docs.find((d) => d.name.includes('(phôi)')) as DocumentModel;
    const calibration = docs.find((d) => d.name.startsWith('Trang căn chỉnh')) as DocumentModel;
    await saveDocx(print, join(dir, 'print.docx'));
    await saveDocx(calibration, join(dir, 'calib.docx'));
    const run = spawnSync(
      'soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', dir, 'print.docx', 'calib.docx'],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'print.pdf')).subarray(0, 4).toString()).toBe('%PDF');

    const printed = words(join(dir, 'print.pdf'));
    expect(printed.pages).toBe(2);
    const expected: [string, (typeof PREPRINTED_DEFAULTS)[number] | undefined][] = [
      ['Ông Nguyễn Văn Người 2', PREPRINTED_DEFAULTS[1]],
      ['Giáo viên', PREPRINTED_DEFAULTS[2]],
      ['Trường THCS Nhân Chính', PREPRINTED_DEFAULTS[3]],
      ['Đã có thành tích xuất sắc', PREPRINTED_DEFAULTS[4]],
      ['Hà Nội, ngày 19 tháng 01 năm 2023', PREPRINTED_DEFAULTS[5]],
      ['Quyết định số 163/QĐ-UBND ngày 19 tháng 01 năm 2023', PREPRINTED_DEFAULTS[6]],
      ['CHỦ TỊCH', PREPRINTED_DEFAULTS[7]],
      ['Số sổ vàng: 1002', PREPRINTED_DEFAULTS[8]],
      ['Trần Văn Ký', PREPRINTED_DEFAULTS[9]],
    ];
    const report: string[] = [];
    for (const [text, field] of expected) {
      if (field === undefined) throw new Error('no default');
      const line = lineOf(printed.words, 2, text);
      expect(line.length).toBeGreaterThan(0);
      const top = Math.min(...line.map((w) => w.yMin));
      const left = Math.min(...line.map((w) => w.xMin));
      const right = Math.max(...line.map((w) => w.xMax));
      const x = field.x + 3;
      const y = field.y - 2;
      // Centred fields: the line's middle at the box's middle (a wrapped line is measured alike).
      const dx = field.align === 'center' ? (left + right) / 2 - (x + field.width / 2) : left - x;
      report.push(`${text}: dy ${(top - y).toFixed(2)} mm, dx ${dx.toFixed(2)} mm`);
      expect(Math.abs(top - y)).toBeLessThan(1);
      expect(Math.abs(dx)).toBeLessThan(1);
    }
    console.log(`phôi layout in LibreOffice (page 2):\n${report.join('\n')}`);

    const calib = words(join(dir, 'calib.pdf'));
    expect(calib.pages).toBe(3);
    // The grid's labels: "100" sits in the cell right of the 100 mm line, in the top row.
    const label = calib.words.find((w) => w.page === 1 && w.text === '100' && w.yMin < 10);
    expect(label?.xMin).toBeGreaterThan(100);
    expect(label?.xMin).toBeLessThan(103);
    const rowLabel = calib.words.find((w) => w.page === 1 && w.text === '150' && w.xMin < 10);
    expect(rowLabel?.yMin).toBeGreaterThan(150);
    expect(rowLabel?.yMin).toBeLessThan(153);
    // The markers: "+" at each field's top-left corner, with the offset.
    const marker = lineOf(calib.words, 2, '+ {{nguoi_ky}}');
    const signer = PREPRINTED_DEFAULTS[9];
    expect(Math.abs(Math.min(...marker.map((w) => w.xMin)) - ((signer?.x ?? 0) + 3))).toBeLessThan(
      1,
    );
    expect(Math.abs(Math.min(...marker.map((w) => w.yMin)) - ((signer?.y ?? 0) - 2))).toBeLessThan(
      1,
    );
  }, 180_000);
});
