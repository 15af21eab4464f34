/**
 * What each Apps Script service call costs on the host's virtual clock.
 *
 * Every figure carries its source. Figures marked ASSUMPTION have no published measurement;
 * re-calibrate them here (one table) when a real Sheet is timed.
 *
 * Sheets batches writes on Google's side: a write with no read after it is buffered and cheap,
 * and the next read (or `SpreadsheetApp.flush()`) pays the round trip that sends it. The runtime
 * models that with `kind`: a `write` marks the service dirty, the next `read` pays `flushMs`.
 */
export type CallKind = 'read' | 'write' | 'flush' | 'local' | 'remote';

export interface CallCost {
  kind: CallKind;
  /** Fixed cost of one call, in virtual milliseconds. */
  perCallMs: number;
  /** Extra cost per cell (or per unit the caller reports), in virtual milliseconds. */
  perUnitMs?: number;
  source: string;
}

const TANAIKE_2018 =
  'Tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps Script" (2018)';
const TANAIKE_2023 = 'Tanaike, "Best practices for discontinuous cells" (2023)';
const PERALTA = 'Peralta, "Apps Script performance" (100 runs)';

/** A read that forces a round trip: getValues in a loop costs about 100-180 ms a call. */
const SHEETS_READ: CallCost = {
  kind: 'read',
  perCallMs: 100,
  perUnitMs: 0.008,
  source: `${TANAIKE_2018}; ${TANAIKE_2023}: 100-180 ms a round trip, 3-12 µs a cell read`,
};

/** A buffered write: setValue in a loop without reads costs about 1.2 ms; 50-80 µs a cell. */
const SHEETS_WRITE: CallCost = {
  kind: 'write',
  perCallMs: 1.2,
  perUnitMs: 0.065,
  source: `${TANAIKE_2018}: buffered setValue ≈ 1.2 ms a call, setValues ≈ 50-80 µs a cell`,
};

/** Creating a Range or Sheet object without reading data. ASSUMPTION: no round trip. */
const SHEETS_LOCAL: CallCost = {
  kind: 'local',
  perCallMs: 0.5,
  source: 'ASSUMPTION: object navigation (getRange, getSheetByName) does not round-trip',
};

export interface CostModel {
  /** Cost when nothing more specific is listed for a method. */
  defaults: Record<string, CallCost>;
  /** Per method, keyed "Class.method" as the runtime counts it. */
  methods: Record<string, CallCost>;
  /** Paid by the first read after buffered writes, and by flush() when writes are pending. */
  flushMs: number;
  flushSource: string;
}

/**
 * DocumentApp rows (local/host/docs). Google publishes no timing for DocumentApp (DESIGN §4): every
 * figure here is an ASSUMPTION except the PDF export; re-calibrate them in this one block.
 */
const DOCS_ASSUMPTION = 'ASSUMPTION: no published figure for DocumentApp (DESIGN §4)';
const DOCS_REPLACE: CallCost = {
  kind: 'remote',
  perCallMs: 50,
  source: `${DOCS_ASSUMPTION}; replaceText sends one request`,
};
const DOCS_APPEND: CallCost = {
  kind: 'remote',
  perCallMs: 15,
  source: `${DOCS_ASSUMPTION}; structural edits are batched until saveAndClose`,
};
const DOCS_COPY: CallCost = {
  kind: 'local',
  perCallMs: 5,
  source: `${DOCS_ASSUMPTION}; a detached copy is built in the runtime`,
};
const DOCS_PDF: CallCost = {
  kind: 'remote',
  perCallMs: 1500,
  source: 'Tanaike (2023): export of a Doc to PDF ≈ 1.5 s a document',
};
const DOCUMENT_APP_COSTS: Record<string, CallCost> = {
  'DocumentApp.create': {
    kind: 'remote',
    perCallMs: 1000,
    source: `${DOCS_ASSUMPTION}; creates a Drive file`,
  },
  'DocumentApp.openById': {
    kind: 'remote',
    perCallMs: 400,
    source: `${DOCS_ASSUMPTION}; loads the document`,
  },
  'DocumentApp.openByUrl': {
    kind: 'remote',
    perCallMs: 400,
    source: `${DOCS_ASSUMPTION}; as openById`,
  },
  'Document.saveAndClose': {
    kind: 'remote',
    perCallMs: 600,
    source: `${DOCS_ASSUMPTION}; flushes pending edits`,
  },
  // The Docs advanced service (local/host/docs/advanced.ts): one REST round trip each.
  'Docs.Documents.get': {
    kind: 'remote',
    perCallMs: 400,
    source: `${DOCS_ASSUMPTION}; one Docs API request, as openById loads the document`,
  },
  'Docs.Documents.batchUpdate': {
    kind: 'remote',
    perCallMs: 600,
    source: `${DOCS_ASSUMPTION}; one Docs API request applying its updates, as saveAndClose`,
  },
  'Document.getAs': DOCS_PDF,
  'Document.getBlob': DOCS_PDF,
  'Body.replaceText': DOCS_REPLACE,
  'HeaderSection.replaceText': DOCS_REPLACE,
  'FooterSection.replaceText': DOCS_REPLACE,
  'Paragraph.replaceText': DOCS_REPLACE,
  'ListItem.replaceText': DOCS_REPLACE,
  'Table.replaceText': DOCS_REPLACE,
  'TableRow.replaceText': DOCS_REPLACE,
  'TableCell.replaceText': DOCS_REPLACE,
  'Text.replaceText': DOCS_REPLACE,
  'Body.appendParagraph': DOCS_APPEND,
  'Body.insertParagraph': DOCS_APPEND,
  'Body.appendTable': DOCS_APPEND,
  'Body.insertTable': DOCS_APPEND,
  'Body.appendListItem': DOCS_APPEND,
  'Body.appendPageBreak': DOCS_APPEND,
  'HeaderSection.appendParagraph': DOCS_APPEND,
  'FooterSection.appendParagraph': DOCS_APPEND,
  'TableCell.appendParagraph': DOCS_APPEND,
  'Table.appendTableRow': DOCS_APPEND,
  'Table.insertTableRow': DOCS_APPEND,
  'Body.copy': DOCS_COPY,
  'Paragraph.copy': DOCS_COPY,
  'ListItem.copy': DOCS_COPY,
  'Table.copy': DOCS_COPY,
  'TableRow.copy': DOCS_COPY,
  'TableCell.copy': DOCS_COPY,
  'Text.copy': DOCS_COPY,
};

export const DEFAULT_COST_MODEL: CostModel = {
  defaults: {
    Sheets: SHEETS_LOCAL,
    Properties: { kind: 'remote', perCallMs: 30, source: PERALTA },
    Cache: { kind: 'remote', perCallMs: 3, source: PERALTA },
    Lock: { kind: 'remote', perCallMs: 20, source: 'ASSUMPTION: one small round trip' },
    Ui: { kind: 'remote', perCallMs: 50, source: 'ASSUMPTION: one round trip to the browser' },
    Script: { kind: 'remote', perCallMs: 50, source: 'ASSUMPTION: trigger management round trip' },
    Session: { kind: 'local', perCallMs: 1, source: 'ASSUMPTION: cached per execution' },
    Utilities: { kind: 'local', perCallMs: 0.1, source: 'ASSUMPTION: computed in the runtime' },
    Logger: { kind: 'local', perCallMs: 0.1, source: 'ASSUMPTION: buffered log line' },
    Other: { kind: 'local', perCallMs: 0.5, source: 'ASSUMPTION: unlisted call' },
  },
  methods: {
    'Range.getValues': SHEETS_READ,
    'Range.getValue': SHEETS_READ,
    'Range.getDisplayValues': SHEETS_READ,
    'Range.getDisplayValue': SHEETS_READ,
    'Range.getFormulas': SHEETS_READ,
    'Range.getNotes': SHEETS_READ,
    'Range.getNote': SHEETS_READ,
    'Range.getBackgrounds': SHEETS_READ,
    'Range.getBackground': SHEETS_READ,
    'Range.getNumberFormats': SHEETS_READ,
    'Range.getFontWeights': SHEETS_READ,
    'Range.getDataValidations': SHEETS_READ,
    'Sheet.getLastRow': {
      kind: 'read',
      perCallMs: 160,
      source: 'bugbugnow (2019): getLastRow() inside a loop ≈ 160 ms a call',
    },
    'Sheet.getLastColumn': {
      kind: 'read',
      perCallMs: 160,
      source: 'bugbugnow (2019): same as getLastRow()',
    },
    'Sheet.getDataRange': SHEETS_READ,
    'Range.setValues': SHEETS_WRITE,
    'Range.setValue': SHEETS_WRITE,
    'Range.setNotes': SHEETS_WRITE,
    'Range.setNote': SHEETS_WRITE,
    'Range.setBackgrounds': SHEETS_WRITE,
    'Range.setBackground': SHEETS_WRITE,
    'Range.setNumberFormats': SHEETS_WRITE,
    'Range.setNumberFormat': SHEETS_WRITE,
    'Range.setFontWeights': SHEETS_WRITE,
    'Range.setFontWeight': SHEETS_WRITE,
    'Range.setDataValidation': SHEETS_WRITE,
    'Range.setDataValidations': SHEETS_WRITE,
    'Range.setFontColor': SHEETS_WRITE,
    'Range.setFontColors': SHEETS_WRITE,
    'Range.setFontStyle': SHEETS_WRITE,
    'Range.setHorizontalAlignment': SHEETS_WRITE,
    'Range.setWrap': SHEETS_WRITE,
    'Range.setFormula': SHEETS_WRITE,
    'Range.setFormulas': SHEETS_WRITE,
    'Range.clearFormat': SHEETS_WRITE,
    'Range.clearNote': SHEETS_WRITE,
    'Range.clearDataValidations': SHEETS_WRITE,
    'Range.protect': SHEETS_WRITE,
    'Sheet.protect': SHEETS_WRITE,
    'Sheet.insertRowsAfter': SHEETS_WRITE,
    'Sheet.insertColumnsAfter': SHEETS_WRITE,
    'Sheet.deleteRows': SHEETS_WRITE,
    'Sheet.deleteColumns': SHEETS_WRITE,
    'Sheet.clear': SHEETS_WRITE,
    'Sheet.clearContents': SHEETS_WRITE,
    'Sheet.clearFormats': SHEETS_WRITE,
    'Sheet.clearNotes': SHEETS_WRITE,
    'Sheet.setConditionalFormatRules': SHEETS_WRITE,
    'Sheet.insertChart': SHEETS_WRITE,
    'Sheet.removeChart': SHEETS_WRITE,
    'Sheet.setFrozenRows': SHEETS_WRITE,
    'Sheet.setFrozenColumns': SHEETS_WRITE,
    'Sheet.setColumnWidth': SHEETS_WRITE,
    'Sheet.setColumnWidths': SHEETS_WRITE,
    'Spreadsheet.insertSheet': {
      kind: 'write',
      perCallMs: 300,
      source: 'ASSUMPTION: adding a sheet is a structural change sent at once (not buffered)',
    },
    'Range.clearContent': SHEETS_WRITE,
    'RangeList.clearContent': {
      ...SHEETS_WRITE,
      source: `${TANAIKE_2023}: a RangeList write is one buffered write over its cells`,
    },
    'Range.clear': SHEETS_WRITE,
    'Sheet.appendRow': {
      kind: 'write',
      perCallMs: 1.2,
      perUnitMs: 0.065,
      source: `${TANAIKE_2018}: appendRow behaves as a buffered write`,
    },
    'SpreadsheetApp.flush': {
      kind: 'flush',
      perCallMs: 10,
      source: `${TANAIKE_2018}: flush() forces the round trip (4,000 cells: <50 ms without, 610 ms with)`,
    },
    'Properties.getProperty': { kind: 'remote', perCallMs: 30, source: PERALTA },
    'Properties.setProperty': { kind: 'remote', perCallMs: 62, source: PERALTA },
    'Cache.get': { kind: 'remote', perCallMs: 3, source: PERALTA },
    'Cache.put': { kind: 'remote', perCallMs: 93, source: PERALTA },
    // Rows for the non-Sheets services (local/host/services). Only the Peralta figures above are measured.
    'Properties.getProperties': {
      kind: 'remote',
      perCallMs: 30,
      source: `${PERALTA} (as getProperty; ASSUMPTION)`,
    },
    'Properties.getKeys': {
      kind: 'remote',
      perCallMs: 30,
      source: `${PERALTA} (as getProperty; ASSUMPTION)`,
    },
    'Properties.setProperties': {
      kind: 'remote',
      perCallMs: 62,
      source: `${PERALTA} (as setProperty; ASSUMPTION)`,
    },
    'Properties.deleteProperty': {
      kind: 'remote',
      perCallMs: 62,
      source: `${PERALTA} (as setProperty; ASSUMPTION)`,
    },
    'Properties.deleteAllProperties': {
      kind: 'remote',
      perCallMs: 62,
      source: `${PERALTA} (as setProperty; ASSUMPTION)`,
    },
    'PropertiesService.getScriptProperties': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until a read or write',
    },
    'PropertiesService.getUserProperties': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until a read or write',
    },
    'PropertiesService.getDocumentProperties': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until a read or write',
    },
    'Cache.getAll': { kind: 'remote', perCallMs: 3, source: `${PERALTA} (as get; ASSUMPTION)` },
    'Cache.putAll': { kind: 'remote', perCallMs: 93, source: `${PERALTA} (as put; ASSUMPTION)` },
    'Cache.remove': { kind: 'remote', perCallMs: 3, source: 'ASSUMPTION: as get' },
    'Cache.removeAll': { kind: 'remote', perCallMs: 3, source: 'ASSUMPTION: as get' },
    'CacheService.getScriptCache': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip',
    },
    'CacheService.getUserCache': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip',
    },
    'CacheService.getDocumentCache': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip',
    },
    'Lock.hasLock': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: state held by the runtime',
    },
    'LockService.getScriptLock': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until tryLock',
    },
    'LockService.getDocumentLock': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until tryLock',
    },
    'LockService.getUserLock': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: no round trip until tryLock',
    },
    'Menu.addItem': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: built locally, sent by addToUi',
    },
    'Menu.addSeparator': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: built locally, sent by addToUi',
    },
    'Menu.addSubMenu': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: built locally, sent by addToUi',
    },
    'Ui.createMenu': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: built locally, sent by addToUi',
    },
    'PromptResponse.getResponseText': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: value already returned',
    },
    'PromptResponse.getSelectedButton': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: value already returned',
    },
    'Trigger.getHandlerFunction': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: fields of a listed trigger',
    },
    'Trigger.getUniqueId': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: fields of a listed trigger',
    },
    'Trigger.getEventType': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: fields of a listed trigger',
    },
    'Trigger.getTriggerSource': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: fields of a listed trigger',
    },
    'Trigger.getTriggerSourceId': {
      kind: 'local',
      perCallMs: 0.1,
      source: 'ASSUMPTION: fields of a listed trigger',
    },
    'Utilities.sleep': {
      kind: 'local',
      perCallMs: 0,
      source: 'the sleep itself advances the clock by its argument',
    },
    'Utilities.computeDigest': {
      kind: 'local',
      perCallMs: 0.2,
      source: 'ASSUMPTION: computed in the runtime',
    },
    'Blob.getBytes': {
      kind: 'local',
      perCallMs: 0.1,
      perUnitMs: 0.01,
      source: 'ASSUMPTION: 10 µs a KB copied',
    },
    ...DOCUMENT_APP_COSTS,
    // Drive and Mail (local/host/drive, local/host/mail). Only makeCopy, the PDF export and
    // sendEmail have published figures (DESIGN §4); Drive's getters (getId, getName, getUrl …) read
    // the metadata the object already holds and keep the 'Other' default.
    'File.makeCopy': {
      kind: 'remote',
      perCallMs: 4000,
      source: 'DESIGN §4: Drive makeCopy ≈ 4 s a file (anecdotal, 2025)',
    },
    'File.getAs': {
      kind: 'remote',
      perCallMs: 1500,
      source: 'Tanaike (2023), DESIGN §4: export of a Doc to PDF ≈ 1.5 s a document',
    },
    'File.getBlob': {
      kind: 'remote',
      perCallMs: 1500,
      source:
        'Tanaike (2023): a Doc blob is its PDF export ≈ 1.5 s (ASSUMPTION: same for plain files)',
    },
    'MailApp.sendEmail': {
      kind: 'remote',
      perCallMs: 1200,
      source: 'DESIGN §4: Mail ≈ 1.2 s for a 100 KB message (ASSUMPTION: flat, whatever the size)',
    },
    'MailApp.getRemainingDailyQuota': {
      kind: 'remote',
      perCallMs: 50,
      source: 'ASSUMPTION: one small round trip',
    },
    ...Object.fromEntries(
      [
        'DriveApp.getFileById',
        'DriveApp.getFolderById',
        'DriveApp.getRootFolder',
        'DriveApp.createFolder',
        'DriveApp.createFile',
        'DriveApp.getFiles',
        'DriveApp.getFilesByName',
        'DriveApp.getFilesByType',
        'DriveApp.getFolders',
        'DriveApp.getFoldersByName',
        'DriveApp.getTrashedFiles',
        'DriveApp.getTrashedFolders',
        'DriveApp.searchFiles',
        'DriveApp.continueFileIterator',
        'DriveApp.continueFolderIterator',
        'DriveApp.addFile',
        'DriveApp.removeFile',
        'Folder.createFile',
        'Folder.createFolder',
        'Folder.getFiles',
        'Folder.getFilesByName',
        'Folder.getFilesByType',
        'Folder.getFolders',
        'Folder.getFoldersByName',
        'Folder.searchFiles',
        'Folder.addFile',
        'Folder.removeFile',
        'Folder.addFolder',
        'Folder.removeFolder',
        'Folder.moveTo',
        'Folder.setName',
        'Folder.setTrashed',
        'Folder.setSharing',
        'Folder.addEditor',
        'Folder.addEditors',
        'Folder.addViewer',
        'Folder.addViewers',
        'Folder.getParents',
        'File.setName',
        'File.setContent',
        'File.setDescription',
        'File.moveTo',
        'File.setTrashed',
        'File.setSharing',
        'File.addEditor',
        'File.addEditors',
        'File.addViewer',
        'File.addViewers',
        'File.removeEditor',
        'File.removeViewer',
        'File.getParents',
      ].map((method): [string, CallCost] => [
        method,
        {
          kind: 'remote',
          perCallMs: 150,
          source: 'ASSUMPTION: one Drive API round trip (no published figure)',
        },
      ]),
    ),
  },
  flushMs: 260,
  flushSource: `${TANAIKE_2018}: setValues alternating with reads ≈ 260-360 ms a call`,
};

/** The service a "Class.method" name belongs to, for default costs and write buffering. */
export function serviceOf(method: string): string {
  const cls = method.split('.')[0] ?? '';
  if (
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|DataValidation|DataValidationBuilder|NamedRange|ConditionalFormatRule|ConditionalFormatRuleBuilder|EmbeddedChart|EmbeddedChartBuilder|Charts)$/.test(
      cls,
    )
  )
    return 'Sheets';
  if (/^(PropertiesService|Properties)$/.test(cls)) return 'Properties';
  if (/^(CacheService|Cache)$/.test(cls)) return 'Cache';
  if (/^(LockService|Lock)$/.test(cls)) return 'Lock';
  if (/^(Ui|Menu|PromptResponse)$/.test(cls)) return 'Ui';
  if (
    /^(ScriptApp|Trigger|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder)$/.test(cls)
  )
    return 'Script';
  if (/^(Session|User)$/.test(cls)) return 'Session';
  if (/^(Utilities|Blob)$/.test(cls)) return 'Utilities';
  if (/^(Logger|console)$/.test(cls)) return 'Logger';
  return 'Other';
}

export function costOf(model: CostModel, method: string): CallCost {
  return (
    model.methods[method] ?? model.defaults[serviceOf(method)] ?? (model.defaults.Other as CallCost)
  );
}
