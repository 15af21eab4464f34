/**
 * The default templates filled with the sample cluster's data, made by the built bundle in the
 * local host as a user would ("Tạo bản giao ước", "Tạo giấy khen / bằng khen"), for the layout
 * tests: the joint pledge, one Giấy khen and one Bằng khen (one certificate per document).
 */
import { readUnits } from '../../src/core/readers/units';
import { headerValues } from '../../src/core/layout/columns';
import { UNITS_LAYOUT } from '../../src/core/layout/tables';
import { signerTitle } from '../../src/core/documents/signerTitle';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { SETTING_ROWS } from '../../src/core/layout/settings';
import { nodeText, resetSofficeCache, type DocumentModel } from '../../local/host/docs';
import { documentFromJson, documentToJson } from '../../local/host/docs/pdf';
import type { LocalHost } from '../../local/host';
import { newHost, seedSampleWorkbook } from '../e2e/workbookFixture';
import { CAPTION, setup as certificateSetup } from '../e2e/certificateRegister';
import type { SignatureBlock } from './checks';
import type { DossierKind } from '../../src/core/documents/dossierData';
import { layoutHints } from '../../src/core/documents/docSpec';
import { defaultTemplate } from '../../src/core/documents/defaultTemplates';
import { applyLayoutHints } from '../../local/host/docs';
import {
  DECISION_SIGNER,
  DOSSIER_CAPTION,
  MEETING_SECRETARY,
  votedHost,
} from '../e2e/dossierWorkbook';

/** Runs `fn` with LibreOffice hidden: the job's own Drive PDFs stay placeholders (fast). */
function withoutSoffice<T>(fn: () => T): T {
  const saved = process.env.THIDUA_SOFFICE;
  process.env.THIDUA_SOFFICE = '';
  resetSofficeCache();
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.THIDUA_SOFFICE;
    else process.env.THIDUA_SOFFICE = saved;
    resetSofficeCache();
  }
}

function settingValue(host: LocalHost, key: string): string {
  const row = SETTING_ROWS.findIndex((r) => r.key === key) + 2;
  return String(host.spreadsheet.valueAt(`'${SHEET_NAMES.settings}'!B${String(row)}`));
}

/**
 * The joint pledge of the sample cluster, merged by "Tạo bản giao ước"; `docsService: false` makes
 * it in a project whose manifest does not enable the Docs advanced service.
 */
export function samplePledge(options: { docsService?: boolean } = {}): DocumentModel {
  return withoutSoffice(() => {
    const host = newHost({
      runtime: { startTime: new Date('2022-01-05T08:00:00+07:00') },
      advancedServices: { docs: options.docsService !== false },
    });
    seedSampleWorkbook(host);
    host.open();
    const run = host.clickMenu('Tạo bản giao ước');
    if (run.status !== 'ok') throw new Error(`Tạo bản giao ước: ${run.status} ${run.error ?? ''}`);
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(settingValue(host, 'pledgeDocLink'))?.[1] ?? '';
    const doc = host.documents.get(id);
    if (!doc) throw new Error('no pledge document');
    return doc;
  });
}

/**
 * The pledge's signature blocks in document order, two a row: each member's head under the
 * head's title joined with the unit's full name (signerTitle, upper-cased as the template prints
 * it), in Đơn vị's order, left then right.
 */
export function pledgeSignatures(): SignatureBlock[] {
  const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
  return units.map((u, i) => ({
    title: signerTitle(u).toLocaleUpperCase('vi'),
    name: u.headName,
    column: i % 2,
  }));
}

/** One Giấy khen and one Bằng khen, one certificate per document, from a two-row register. */
export function sampleCertificates(): { giayKhen: DocumentModel; bangKhen: DocumentModel } {
  return withoutSoffice(() => {
    const host = certificateSetup(2, {
      mode: 'Từng người',
      rows: (i) =>
        i === 2
          ? {
              form: 'Bằng khen',
              level: 'Bộ, ngành, tỉnh / thành phố',
              name: 'Lê Thị Hằng',
              salutation: 'Bà',
              issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
              place: 'Hà Nội',
              signerTitle: 'CHỦ TỊCH',
            }
          : {},
    });
    const run = host.clickMenu(CAPTION);
    if (run.status !== 'ok') throw new Error(`${CAPTION}: ${run.status} ${run.error ?? ''}`);
    for (let round = 0; round < 20; round++) {
      const next = host.triggers.nextDue(Number.MAX_SAFE_INTEGER);
      if (!next) break;
      host.runDueTriggers(next.dueMs);
    }
    const made = host.documents
      .list()
      .filter((d) => !d.name.startsWith('Mẫu') && /khen/i.test(d.text()));
    const pick = (form: string): DocumentModel => {
      const d = made.find((x) => x.text().includes(form));
      if (!d) throw new Error(`no ${form} among ${made.map((x) => x.name).join(', ')}`);
      return d;
    };
    return { giayKhen: pick('GIẤY KHEN'), bangKhen: pick('BẰNG KHEN') };
  });
}

/**
 * A copy of the pledge whose signature rows (rows of borderless tables that hold a signer's name)
 * are keep-together, as the pledge template is to mark them: what the layout must be once it does.
 */
export function withSignatureRowsKept(doc: DocumentModel): DocumentModel {
  const copy = documentFromJson(documentToJson(doc));
  const names = pledgeSignatures().map((b) => b.name);
  for (const table of copy.body.children.filter((n) => n.type === 'TABLE'))
    if (table.table?.borderWidth === 0)
      for (const row of table.children)
        if (names.some((n) => nodeText(row).includes(n))) row.keepTogether = true;
  return copy;
}

const DOSSIER_LINKS: Readonly<Record<DossierKind, string>> = {
  minutes: 'minutesLink',
  submission: 'submissionLink',
  draftDecision: 'draftDecisionLink',
  notice: 'noticeLink',
};

/** The four dossier documents of the sample cluster after its two-round vote. */
export function sampleDossier(): Record<DossierKind, DocumentModel> {
  return withoutSoffice(() => {
    const host = votedHost();
    const run = host.clickMenu(DOSSIER_CAPTION);
    if (run.status !== 'ok')
      throw new Error(`${DOSSIER_CAPTION}: ${run.status} ${run.error ?? ''}`);
    const out = {} as Record<DossierKind, DocumentModel>;
    for (const [kind, key] of Object.entries(DOSSIER_LINKS) as [DossierKind, string][]) {
      const id = /\/d\/([A-Za-z0-9_-]+)/.exec(settingValue(host, key))?.[1] ?? '';
      const doc = host.documents.get(id);
      if (!doc) throw new Error(`no ${kind} document`);
      out[kind] = doc;
    }
    return out;
  });
}

/** Each dossier document's signature blocks in order, and the list title that follows them. */
export function dossierSignatures(kind: DossierKind): {
  blocks: SignatureBlock[];
  followedBy?: string;
} {
  const units = readUnits([headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS]).value;
  const head = units.find((u) => u.role === 'head');
  if (!head) throw new Error('no head in the sample');
  // Signed for the cluster («TM. CỤM THI ĐUA SỐ 1»), under the head's authority line.
  const headBlock = { title: 'CỤM TRƯỞNG', name: head.headName };
  switch (kind) {
    case 'minutes':
      return {
        blocks: [
          { title: 'THƯ KÝ', name: MEETING_SECRETARY, column: 0 },
          { title: 'CHỦ TRÌ', name: head.headName, column: 1 },
        ],
      };
    case 'submission':
      return { blocks: [headBlock], followedBy: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG' };
    case 'draftDecision':
      return {
        blocks: [
          { title: DECISION_SIGNER.title.toLocaleUpperCase('vi'), name: DECISION_SIGNER.name },
        ],
        followedBy: 'DANH SÁCH',
      };
    case 'notice':
      return { blocks: [headBlock] };
  }
}

/**
 * A copy of a dossier document with what its template's DocSpec asks and DocumentApp cannot set
 * (signature rows kept whole, page numbers from page 2), as the .docx export and a template the
 * user marked once carry them: what the layout must be.
 */
export function withDossierHints(kind: DossierKind, doc: DocumentModel): DocumentModel {
  const copy = documentFromJson(documentToJson(doc));
  applyLayoutHints(copy, layoutHints(defaultTemplate(kind).spec));
  return copy;
}
