/**
 * The layout checks every renderer's PDF of the sample documents must pass (nodeRender.test.ts
 * and libreoffice.test.ts run the same ones on their own PDFs).
 */
import type { DocumentModel } from '../../local/host/docs';
import {
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
