/**
 * Layout tests against an independent renderer: the sample pledge and certificates, exported with
 * the host's .docx export (saveDocx), converted to PDF by LibreOffice, read back with pdf.js and
 * put through the same checks as the Node render (documentChecks.ts).
 *
 * Without LibreOffice these tests are skipped with a message, except in CI (CI=true), where
 * .ci/run installs it and a missing soffice is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSoffice, saveDocx, type DocumentModel } from '../../local/host/docs';
import {
  certificateChecks,
  dossierChecks,
  pledgeChecks,
  type DocumentLayoutChecks,
} from './documentChecks';
import { readPdfLines, type PdfText } from './pdfLines';
import {
  dossierSignatures,
  pledgeSignatures,
  sampleCertificates,
  sampleDossier,
  withDossierHints,
  samplePledge,
  withSignatureRowsKept,
} from './sampleDocuments';

const soffice = findSoffice();
const inCi = process.env.CI === 'true';

if (!soffice && !inCi)
  console.warn(
    'test/layout/libreoffice.test.ts SKIPPED: LibreOffice (soffice) is not installed. Install it with ' +
      '`apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2`, as .ci/run does.',
  );

describe('LibreOffice is there in CI', () => {
  (inCi ? it : it.skip)('finds soffice (CI=true: .ci/run installs LibreOffice)', () => {
    expect(soffice).not.toBeNull();
  });
});

/** Converts the documents' .docx exports in one LibreOffice run; PDFs by name. */
async function convert(docs: Record<string, DocumentModel>): Promise<Record<string, PdfText>> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  try {
    const files: string[] = [];
    for (const [name, doc] of Object.entries(docs)) {
      const file = join(dir, `${name}.docx`);
      await saveDocx(doc, file);
      files.push(file);
    }
    const r = spawnSync(
      soffice ?? 'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const out: Record<string, PdfText> = {};
    for (const name of Object.keys(docs)) {
      const pdf = join(dir, `${name}.pdf`);
      if (!existsSync(pdf))
        throw new Error(`LibreOffice made no ${name}.pdf: ${r.stderr || String(r.error)}`);
      out[name] = readPdfLines(pdf);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(soffice ? describe : describe.skip)('the sample documents rendered by LibreOffice', () => {
  const pledge = samplePledge();
  const kept = withSignatureRowsKept(pledge);
  const { giayKhen, bangKhen } = sampleCertificates();
  const made = sampleDossier();
  const dossier = {
    minutes: withDossierHints('minutes', made.minutes),
    submission: withDossierHints('submission', made.submission),
    draftDecision: withDossierHints('draftDecision', made.draftDecision),
    notice: withDossierHints('notice', made.notice),
  };
  let pdfs: Record<string, PdfText> = {};
  beforeAll(async () => {
    pdfs = await convert({ pledge, kept, giayKhen, bangKhen, ...dossier });
  }, 300_000);

  const pdf = (name: string): PdfText => {
    const p = pdfs[name];
    if (!p) throw new Error(`no PDF of ${name}`);
    return p;
  };

  it('the joint pledge as the bundle makes it (rows flagged through the Docs API, w:cantSplit): no signature block crosses a page', () => {
    const checks: DocumentLayoutChecks = pledgeChecks(pledge, pledgeSignatures());
    expect(checks.signatures(pdf('pledge'))).toEqual([]);
  });

  it('the joint pledge with keep-together signature rows (w:cantSplit): each signer under its own title, above the next block; nothing outside the margins', () => {
    const checks: DocumentLayoutChecks = pledgeChecks(kept, pledgeSignatures());
    expect(pdf('kept').producer).toMatch(/LibreOffice/);
    expect(checks.signatures(pdf('kept'))).toEqual([]);
    expect(checks.margins(pdf('kept'))).toEqual([]);
    expect(pledgeChecks(pledge, pledgeSignatures()).margins(pdf('pledge'))).toEqual([]);
  });

  for (const [label, name, doc] of [
    ['Giấy khen', 'giayKhen', giayKhen],
    ['Bằng khen', 'bangKhen', bangKhen],
  ] as const) {
    it(`${label}: one landscape page, the signer under the title, nothing outside the margins`, () => {
      const checks = certificateChecks(doc);
      const p = pdf(name);
      expect((p.pages[0]?.width ?? 0) > (p.pages[0]?.height ?? 0)).toBe(true);
      expect(checks.signatures(p)).toEqual([]);
      expect(checks.margins(p)).toEqual([]);
    });

    it(`${label}: the text spans the page, not packed in its top part`, () => {
      expect(certificateChecks(doc).spread(pdf(name))).toEqual([]);
    });
  }

  for (const kind of ['minutes', 'submission', 'draftDecision', 'notice'] as const) {
    it(`dossier ${kind}: each signer under its title, above the next block; no block across pages; nothing outside the margins`, () => {
      const { blocks, followedBy } = dossierSignatures(kind);
      const checks = dossierChecks(dossier[kind], blocks, followedBy);
      expect(checks.signatures(pdf(kind))).toEqual([]);
      expect(checks.margins(pdf(kind))).toEqual([]);
    });
  }
});
