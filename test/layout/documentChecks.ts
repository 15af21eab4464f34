/**
 * The layout checks every renderer's PDF of the sample documents must pass (nodeRender.test.ts
 * and libreoffice.test.ts run the same ones on their own PDFs).
 */
import type { DocumentModel } from '../../local/host/docs';
import {
  before,
  linesWith,
  outsideMargins,
  signatureOrder,
  spansPage,
  type Margins,
  type SignatureBlock,
} from './checks';
import type { PdfText } from './pdfLines';

export function marginsOf(doc: DocumentModel): Margins {
  return {
    top: doc.marginTop,
    bottom: doc.marginBottom,
    left: doc.marginLeft,
    right: doc.marginRight,
  };
}

/** A certificate's signer, as the two-row register of sampleDocuments.ts has it. */
export const CERTIFICATE_SIGNER: SignatureBlock = { title: 'CHỦ TỊCH', name: 'Trần Văn Ký' };

export interface DocumentLayoutChecks {
  signatures: (pdf: PdfText) => string[];
  margins: (pdf: PdfText) => string[];
  spread?: (pdf: PdfText) => string[];
}

export function pledgeChecks(doc: DocumentModel, blocks: SignatureBlock[]): DocumentLayoutChecks {
  return {
    signatures: (pdf) => signatureOrder(pdf, blocks),
    margins: (pdf) => outsideMargins(pdf, marginsOf(doc)),
  };
}

export function certificateChecks(doc: DocumentModel): Required<DocumentLayoutChecks> {
  return {
    signatures: (pdf) => [
      ...signatureOrder(pdf, [CERTIFICATE_SIGNER]),
      ...(pdf.pages.length === 1
        ? []
        : [`one certificate printed on ${String(pdf.pages.length)} pages`]),
    ],
    margins: (pdf) => outsideMargins(pdf, marginsOf(doc)),
    spread: (pdf) => spansPage(pdf, 1, marginsOf(doc)),
  };
}

/**
 * A dossier document (biên bản, tờ trình, dự thảo quyết định, thông báo): each signer under its
 * own title and above the next block, and, where a list follows the signatures (the danh sách of
 * the submission and of the draft decision), the list's title below the last signer's name.
 */
export function dossierChecks(
  doc: DocumentModel,
  blocks: SignatureBlock[],
  followedBy?: string,
): DocumentLayoutChecks {
  return {
    signatures: (pdf) => {
      const problems = signatureOrder(pdf, blocks);
      const last = blocks[blocks.length - 1];
      if (followedBy === undefined || last === undefined) return problems;
      const name = linesWith(pdf, last.name)[0];
      const next = linesWith(pdf, followedBy)[0];
      if (name === undefined || next === undefined) {
        problems.push(`«${last.name}» or «${followedBy}» is not printed`);
      } else if (!before(name, next) || (name.page === next.page && next.top < name.bottom)) {
        problems.push(`«${followedBy}» (the list) is not below the signer «${last.name}»`);
      }
      return problems;
    },
    margins: (pdf) => outsideMargins(pdf, marginsOf(doc)),
  };
}
