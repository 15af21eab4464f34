/**
 * Child process of renderPdfBytes (pdf.ts): reads a document as JSON, writes it as .docx with the
 * `docx` package and converts it with LibreOffice to doc.pdf in the given directory.
 * Usage: node --import tsx pdfWorker.ts <doc.json> <outDir> <soffice>
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveDocx } from './docx';
import { documentFromJson, type DocumentJson } from './pdf';

async function main(): Promise<void> {
  const [input, outDir, soffice] = process.argv.slice(2);
  if (!input || !outDir || !soffice)
    throw new Error('usage: pdfWorker <doc.json> <outDir> <soffice>');
  const doc = documentFromJson(JSON.parse(readFileSync(input, 'utf8')) as DocumentJson);
  const docx = join(outDir, 'doc.docx');
  await saveDocx(doc, docx);
  const r = spawnSync(
    soffice,
    [
      '--headless',
      `-env:UserInstallation=file://${join(outDir, 'profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docx,
    ],
    { encoding: 'utf8', timeout: 170_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || String(r.error)}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
