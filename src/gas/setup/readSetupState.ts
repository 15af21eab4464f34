/**
 * Reads what set-up needs, once: the sheet list, the stored sheet ids, each candidate sheet's data
 * range (values, number formats, and formulas for the score matrices) and its protections'
 * descriptions, the spreadsheet's editors. Calls grow with the number of sheets and protections,
 * never with cells.
 */
import {
  SHEET_IDS_PROPERTY,
  setupSheetName,
  type ProtectionSnapshot,
  type SetupCurrent,
  type SetupSheetKey,
  type SheetSnapshot,
} from '../../core/setup';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { FILE_TIME_ZONE } from './locale';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export interface SetupState {
  readonly current: SetupCurrent;
  readonly sheetsById: ReadonlyMap<number, Sheet>;
  /** Protection objects in the order of each snapshot's `protections`. */
  readonly protectionsById: ReadonlyMap<number, readonly Protection[]>;
}

const ALL_KEYS: readonly SetupSheetKey[] = [
  ...(Object.keys(SHEET_NAMES) as SetupSheetKey[]),
  'orphans',
];
const MATRIX_NAMES: readonly string[] = [SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores];

export function readStoredIds(
  properties: GoogleAppsScript.Properties.Properties,
): Partial<Record<SetupSheetKey, number>> {
  const raw = properties.getProperty(SHEET_IDS_PROPERTY);
  if (raw === null) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    const out: Partial<Record<SetupSheetKey, number>> = {};
    if (typeof parsed === 'object' && parsed !== null) {
      for (const key of ALL_KEYS) {
        const id = (parsed as Record<string, unknown>)[key];
        if (typeof id === 'number') out[key] = id;
      }
    }
    return out;
  } catch {
    // A damaged property only means sheets are found by name, as on a first run.
    return {};
  }
}

export function readSetupState(
  ss: Spreadsheet,
  properties: GoogleAppsScript.Properties.Properties,
  who: { readonly runner: string; readonly owner: string } = { runner: '', owner: '' },
): SetupState {
  const storedIds = readStoredIds(properties);
  const productNames = new Set(ALL_KEYS.map(setupSheetName));
  const storedValues = new Set(Object.values(storedIds));
  const matrixIds = new Set([storedIds.selfScores, storedIds.verifiedScores]);
  const sheetsById = new Map<number, Sheet>();
  const protectionsById = new Map<number, Protection[]>();
  const snapshots: SheetSnapshot[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const id = sheet.getSheetId();
    sheetsById.set(id, sheet);
    if (!productNames.has(name) && !storedValues.has(id)) {
      snapshots.push({ name, id });
      continue;
    }
    const data = sheet.getDataRange();
    const values = data.getValues();
    // Same range as the values: set-up keeps the format of every cell that holds a value.
    const numberFormats = data.getNumberFormats();
    const formulas =
      MATRIX_NAMES.includes(name) || matrixIds.has(id) ? data.getFormulas() : undefined;
    const sheetLevel = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const rangeLevel = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    const objects = [...sheetLevel, ...rangeLevel];
    const protections: ProtectionSnapshot[] = objects.map((p, i) => ({
      type: i < sheetLevel.length ? 'sheet' : 'range',
      description: p.getDescription(),
    }));
    protectionsById.set(id, objects);
    snapshots.push({
      name,
      id,
      values,
      numberFormats,
      ...(formulas === undefined ? {} : { formulas }),
      protections,
    });
  }
  const editors = ss.getEditors().map((u) => u.getEmail().trim().toLowerCase());
  const now = new Date();
  // The year in the file's time zone (set-up sets it), not the script's: 31 Dec 20:00 in
  // America/New_York is already next year in Hà Nội.
  const year = Number(Utilities.formatDate(now, FILE_TIME_ZONE, 'yyyy'));
  return {
    current: { sheets: snapshots, storedIds, editors, now, year, ...who },
    sheetsById,
    protectionsById,
  };
}
