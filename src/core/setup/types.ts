/**
 * What set-up sees of the workbook and what it decides to do, as plain data. The gas applier
 * reads the state once, `planSetup` decides everything, the applier executes the plan in batches.
 */
import type { SheetKey } from '../layout/sheets';

/** The product's sheets, plus the sheet that keeps scores that no longer fit a matrix. */
export type SetupSheetKey = SheetKey | 'orphans';

export interface ProtectionSnapshot {
  readonly type: 'sheet' | 'range';
  readonly description: string;
}

/** One sheet of the workbook as read before set-up. */
export interface SheetSnapshot {
  readonly name: string;
  readonly id: number;
  /** getDataRange().getValues(); read only for sheets set-up may touch. */
  readonly values?: readonly (readonly unknown[])[];
  /** getDataRange().getFormulas(), read for the score matrices so formulas are not lost. */
  readonly formulas?: readonly (readonly string[])[];
  /**
   * getDataRange().getNumberFormats(), read with the values: a cell holding a value keeps its
   * format (set-up formats only empty cells). Without it, filled cells get the layout's format.
   */
  readonly numberFormats?: readonly (readonly string[])[];
  /** Sheet protections first, then range protections, as getProtections returned them. */
  readonly protections?: readonly ProtectionSnapshot[];
}

export interface SetupCurrent {
  /** Every sheet, in tab order. */
  readonly sheets: readonly SheetSnapshot[];
  /** Sheet ids stored by the previous set-up (document properties). */
  readonly storedIds: Readonly<Partial<Record<SetupSheetKey, number>>>;
  /** E-mails of the spreadsheet's editors (lower case). */
  readonly editors: readonly string[];
  /** The script's clock: the default year, and the time orphaned scores are moved. */
  readonly now: Date;
  readonly year: number;
  /** Who runs set-up (Session.getActiveUser in the menu run; '' when Google hides it). */
  readonly runner?: string;
  /** The file's owner (Spreadsheet.getOwner; '' when Google hides it, e.g. a shared drive). */
  readonly owner?: string;
}

/** Rows up to the end of the sheet, whatever its size then. */
export type RowSpan = number | 'toEnd';

export interface PlannedRange {
  readonly row: number;
  readonly column: number;
  readonly numRows: RowSpan;
  readonly numColumns: number;
}

/** A data validation rule, resolved against the workbook; always a warning, never a refusal. */
export type PlannedValidation = { readonly helpText: string } & (
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | {
      readonly kind: 'range';
      readonly sheet: SetupSheetKey;
      readonly row: number;
      readonly column: number;
    }
  | { readonly kind: 'number'; readonly min: number; readonly max?: number }
  | { readonly kind: 'email' }
  | { readonly kind: 'date' }
);

/** Operations on one sheet, executed in order (formats always before the values they format). */
export type SheetOp =
  | { readonly op: 'format'; readonly range: PlannedRange; readonly format: string }
  | {
      readonly op: 'formatGrid';
      readonly row: number;
      readonly column: number;
      readonly formats: readonly (readonly string[])[];
    }
  | {
      readonly op: 'values';
      readonly row: number;
      readonly column: number;
      /** Ready for setValues: strings that must stay text carry a leading apostrophe. */
      readonly values: readonly (readonly unknown[])[];
    }
  | {
      readonly op: 'notes';
      readonly row: number;
      readonly column: number;
      readonly notes: readonly (readonly string[])[];
    }
  | { readonly op: 'validation'; readonly range: PlannedRange; readonly rule: PlannedValidation }
  | {
      readonly op: 'validationGrid';
      readonly row: number;
      readonly column: number;
      readonly rules: readonly (readonly (PlannedValidation | null)[])[];
    }
  | {
      readonly op: 'widths';
      readonly column: number;
      readonly count: number;
      readonly width: number;
    }
  | { readonly op: 'frozen'; readonly rows: number; readonly columns: number };

export interface PlannedProtection {
  readonly type: 'sheet' | 'range';
  /** "thidua: …#fingerprint": identifies the product's protections and what they say. */
  readonly description: string;
  /** For range protections. */
  readonly range?: PlannedRange;
  /** Who besides the owner (and whoever runs set-up) may edit. */
  readonly editors: readonly string[];
  /** For sheet protections: areas left to range protections. */
  readonly unprotected: readonly PlannedRange[];
}

/** Where the sheet comes from before the operations run. */
export type SheetSource =
  | { readonly kind: 'existing'; readonly id: number; readonly renameFrom?: string }
  | {
      readonly kind: 'create';
      /** Insert after this product sheet; first when null. */
      readonly after: SetupSheetKey | null;
    };

export interface SheetPlan {
  readonly key: SetupSheetKey;
  readonly name: string;
  readonly source: SheetSource;
  /** The sheet must have at least this many rows and columns before the operations. */
  readonly needRows: number;
  readonly needColumns: number;
  readonly ops: readonly SheetOp[];
  /** Indexes into the snapshot's protections of product protections to remove. */
  readonly removeProtections: readonly number[];
  readonly addProtections: readonly PlannedProtection[];
}

export interface PlannedNamedRange {
  readonly name: string;
  readonly sheet: SetupSheetKey;
  readonly range: PlannedRange;
}

export interface SetupReport {
  readonly created: string[];
  readonly restored: string[];
  readonly recreated: string[];
  readonly adopted: string[];
  readonly updated: string[];
  readonly problems: string[];
  readonly notes: string[];
}

export interface SetupPlan {
  readonly sheets: readonly SheetPlan[];
  readonly namedRanges: readonly PlannedNamedRange[];
  /** Sheet ids to store once applied; created sheets are added by the applier. */
  readonly keepIds: Readonly<Partial<Record<SetupSheetKey, number>>>;
  readonly report: SetupReport;
}
