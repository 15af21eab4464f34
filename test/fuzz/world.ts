/**
 * One fuzzed workbook: the sample cluster shared with one account per role, set up by the owner
 * through the real menu, then driven by user actions the way the Sheets UI would carry them out.
 *
 * Cell edits go through the host's `edit` (Sheets refuses a protected cell for a non-editor, then
 * the simple onEdit and installable edit triggers run). The Sheets UI's structural actions the host
 * has no user entry point for (delete, rename, insert a tab; insert, delete rows; sort a range) are
 * carried out here on the model with the protection rules Sheets applies to them
 * (https://support.google.com/docs/answer/1218656: a protected range or sheet cannot be edited,
 * deleted or, for a sheet, renamed by anyone but its editors); they fire no onEdit, as in Sheets
 * (structural changes raise only the installable onChange, which the product does not use).
 *
 * It also keeps what each person typed where, so that the invariants can tell a value the product
 * rewrote from one its user changed again.
 */
import { REGISTRATION_LAYOUT } from '../../src/core/layout/registrationTables';
import type { LocalHost, RunResult } from '../../local/host';
import type { CellData, GridRef, SheetModel } from '../../local/host/spreadsheet/model';
import { protectsCell } from '../../local/host/spreadsheet/model';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { quoteSheetName, rangeA1 } from '../../src/core/a1';
import { AWARDS_LAYOUT, CROSS_SCORES_LAYOUT, VOTES_LAYOUT } from '../../src/core/layout/tables';
import { SAMPLE_SETTINGS } from '../../sample/cluster1';
import { CAPTIONS, unitRowsOf, type Variant } from '../e2e/roleWorkbook';
import { newHost, seedSampleWorkbook } from '../e2e/workbookFixture';
import { MENU_WEIGHTS, describeAction, type Action, type Actor } from './actions';
import { typedInput } from './values';

/** A value a person typed that the product must leave where it is. */
export interface TypedCell {
  sheet: SheetModel;
  row: number;
  col: number;
  /** What the cell stored right after the keystroke (before any trigger ran). */
  v: CellData['v'];
  f: string | undefined;
  by: string;
  /** Identity of the cell in a score table, to find it after set-up rebuilt the table. */
  key?: string;
}

export interface StepRecord {
  readonly description: string;
  readonly runs: RunResult[];
  /** Sheets (or the host for a structural action) refused the user's action. */
  readonly refused: boolean;
  readonly menu?: string;
}

/** Program-written rows of Cấu hình (by label): the product writes them on request. */
const PROGRAM_SETTING_LABELS = new Set([
  'Chấm điểm',
  'Bản giao ước (Doc)',
  'Bản giao ước (PDF)',
  'Thư mục lưu văn bản',
]);
const AWARD_PROGRAM_COLUMNS = new Set(['status', 'link', 'error', 'key']);
/** Sheet picks weighted towards the sheets people type into most. */
const SHEET_WEIGHTS: Readonly<Record<string, number>> = {
  [SHEET_NAMES.selfScores]: 6,
  [SHEET_NAMES.verifiedScores]: 3,
  [SHEET_NAMES.crossScores]: 3,
  [SHEET_NAMES.votes]: 2,
  [SHEET_NAMES.awards]: 2,
  [SHEET_NAMES.registration]: 2,
};

export class World {
  readonly host: LocalHost;
  readonly typed: TypedCell[] = [];
  readonly log: string[] = [];
  private answerNo = false;

  /**
   * `withRegister`: the head has also ranked and the owner has filled the award register from
   * the ranking and typed the decisions, so that certificates can be made from the first step.
   */
  constructor(
    readonly variant: Variant,
    withRegister = false,
  ) {
    const { owner, ...rest } = variant.people;
    this.host = newHost({
      accounts: { workspaceDomains: [...variant.workspaceDomains] },
      spreadsheet: {
        owner,
        editors: [...Object.values(rest), ...Object.values(variant.otherUnits)],
      },
    });
    seedSampleWorkbook(this.host, {
      unitRows: unitRowsOf(variant),
      settings: { ...SAMPLE_SETTINGS, useCrossScores: true },
    });
    this.host.open(owner);
    const run = this.host.clickMenu(CAPTIONS.setup, owner);
    if (run.status !== 'ok') throw new Error(`set-up: ${run.error ?? run.status}`);
    if (withRegister) {
      for (const [caption, who] of [
        [CAPTIONS.rank, variant.people.head],
        ['Lập sổ khen thưởng từ xếp hạng', owner],
      ] as const) {
        const r = this.host.clickMenu(caption, who);
        if (r.status !== 'ok') throw new Error(`${caption}: ${r.error ?? r.status}`);
      }
      const register = this.host.spreadsheet.sheet(SHEET_NAMES.awards);
      if (register === undefined) throw new Error('no register');
      const last = register.contentExtent().lastRow;
      const values = Array.from({ length: last - 1 }, (_, i) => [
        '163/QĐ-UBND',
        '19/01/2023',
        'CHỦ TỊCH',
        'Trần Văn Ký',
        String(1001 + i),
      ]);
      const a1 = `${quoteSheetName(register.name)}!${rangeA1(2, awardColumn('decisionNumber'), values.length, 5)}`;
      if (!this.host.spreadsheet.userEdit(owner, a1, values).accepted)
        throw new Error('register refused');
    }
    // The person at the keyboard answers each question; the action says whether with No.
    const ui = this.host.ui;
    const scripted = ui.nextAnswer.bind(ui);
    ui.nextAnswer = (buttons) => {
      if (ui.pendingAnswers() > 0) return scripted(buttons);
      if (this.answerNo && (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL'))
        return { button: 'NO', text: '' };
      return scripted(buttons);
    };
  }

  get model() {
    return this.host.spreadsheet;
  }

  email(who: Actor): string {
    if (who === 'otherUnit') return this.variant.otherUnits.DD;
    return this.variant.people[who];
  }

  // ---------------------------------------------------------------- resolving picks

  pickSheet(n: number): SheetModel | undefined {
    const sheets = this.model.sheets;
    const weights = sheets.map((s) => SHEET_WEIGHTS[s.name] ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    if (total === 0) return undefined;
    let k = n % total;
    for (let i = 0; i < sheets.length; i++) {
      k -= weights[i] ?? 1;
      if (k < 0) return sheets[i];
    }
    return sheets.at(-1);
  }

  /** The smallest pick that resolves to the named sheet (to write a sequence by hand). */
  pickSheetIndex(name: string): number {
    for (let n = 0; n < 1000; n++) if (this.pickSheet(n)?.name === name) return n;
    throw new Error(`no pick resolves to sheet "${name}"`);
  }

  /** A row among the used ones and a few below, mostly data rows. */
  private pickRow(sheet: SheetModel, n: number): number {
    const last = Math.max(sheet.contentExtent().lastRow, 2);
    return 1 + (n % Math.min(last + 2, sheet.maxRows));
  }

  private pickCol(sheet: SheetModel, n: number): number {
    const last = Math.max(sheet.contentExtent().lastCol, 1);
    return 1 + (n % Math.min(last + 1, sheet.maxCols));
  }

  /**
   * Mostly a cell the person may edit below the headers (people type where they are let in),
   * otherwise any cell of the used area and a little beyond.
   */
  private pickCell(
    user: string,
    sheet: SheetModel,
    rowPick: number,
    colPick: number,
  ): { row: number; col: number } {
    if (rowPick % 5 < 4) {
      const { lastRow, lastCol } = sheet.contentExtent();
      const cells: { row: number; col: number }[] = [];
      const rows = Math.min(lastRow + 1, sheet.maxRows);
      const cols = Math.min(Math.max(lastCol, 1), sheet.maxCols);
      for (let row = sheet.frozenRows + 1; row <= rows; row++)
        for (let col = 1; col <= cols; col++)
          if (this.canChange(user, { sheet, row, col, numRows: 1, numCols: 1 }))
            cells.push({ row, col });
      const cell = cells[(Math.floor(rowPick / 5) * 7919 + colPick) % Math.max(cells.length, 1)];
      if (cell) return cell;
    }
    return { row: this.pickRow(sheet, rowPick), col: this.pickCol(sheet, colPick) };
  }

  // ---------------------------------------------------------------- the step

  apply(action: Action): StepRecord {
    const description = describeAction(action);
    const user = this.email(action.who);
    const step = (refused: boolean, runs: RunResult[] = [], menu?: string): StepRecord => {
      const record: StepRecord = { description, runs, refused, menu };
      this.log.push(`${description}${refused ? ' — refused' : ''}`);
      return record;
    };
    switch (action.kind) {
      case 'type':
      case 'paste':
      case 'clear': {
        const sheet = this.pickSheet(action.sheet);
        if (!sheet) return step(true);
        const { row, col } = this.pickCell(user, sheet, action.row, action.col);
        const grid =
          action.kind === 'type'
            ? [[typedInput(action.value)]]
            : action.kind === 'paste'
              ? action.grid.map((r) => r.map(typedInput))
              : Array.from({ length: action.rows }, () => new Array<unknown>(action.cols).fill(''));
        const rows = Math.min(grid.length, sheet.maxRows - row + 1);
        const cols = Math.min(grid[0]?.length ?? 1, sheet.maxCols - col + 1);
        const block = grid.slice(0, rows).map((r) => r.slice(0, cols));
        return step(...this.userEdit(user, sheet, row, col, block));
      }
      case 'completeRegister': {
        const sheet = this.model.sheet(SHEET_NAMES.awards);
        if (!sheet) return step(true);
        const last = sheet.contentExtent().lastRow;
        if (last < AWARDS_LAYOUT.firstDataRow) return step(true);
        // The officer fills the decision's number, date, signer and register number of every row.
        const first = AWARDS_LAYOUT.firstDataRow + (action.row % (last - 1));
        const col = awardColumn('decisionNumber');
        const values = Array.from({ length: last - first + 1 }, (_, i) => [
          '163/QĐ-UBND',
          '19/01/2023',
          'CHỦ TỊCH',
          'Trần Văn Ký',
          String(1001 + i),
        ]);
        return step(...this.userEdit(user, sheet, first, col, values));
      }
      case 'menu':
        return this.menu(action, description, user);
      default:
        return step(!this.structural(action, user));
    }
  }

  private menu(action: Extract<Action, { kind: 'menu' }>, description: string, user: string) {
    const total = MENU_WEIGHTS.reduce((a, [, w]) => a + w, 0);
    let k = action.item % total;
    let caption = MENU_WEIGHTS[0]?.[0] ?? '';
    for (const [c, w] of MENU_WEIGHTS) {
      if (k < w) {
        caption = c;
        break;
      }
      k -= w;
    }
    this.answerNo = action.answerNo;
    const runs = [this.host.clickMenu(caption, user)];
    this.answerNo = false;
    // Continuations of a long job (certificates) run on their time-driven triggers.
    for (let i = 0; i < 20; i++) {
      const due = this.host.runDueTriggers(this.host.rt.nowMs + 2 * 3600 * 1000);
      runs.push(...due);
      if (due.length === 0) break;
    }
    this.log.push(`${description} → «${caption}»`);
    return { description: `${description} → «${caption}»`, runs, refused: false, menu: caption };
  }

  /** A user types or pastes a block; returns [refused, runs]. */
  private userEdit(
    user: string,
    sheet: SheetModel,
    row: number,
    col: number,
    block: unknown[][],
  ): [boolean, RunResult[]] {
    if (block.length === 0 || (block[0]?.length ?? 0) === 0) return [true, []];
    const expected = block.map((line, i) =>
      line.map((value, j) => this.model.toStored(value, sheet.cell(row + i, col + j))),
    );
    const keys = block.map((line, i) => line.map((_, j) => this.trackKey(sheet, row + i, col + j)));
    const a1 = `${quoteSheetName(sheet.name)}!${rangeA1(row, col, block.length, block[0]?.length ?? 1)}`;
    const outcome = this.host.edit(user, a1, block);
    if (!outcome.accepted) return [true, []];
    for (let i = 0; i < block.length; i++) {
      for (let j = 0; j < (block[i]?.length ?? 0); j++) {
        const r = row + i;
        const c = col + j;
        this.forget((t) => t.sheet === sheet && t.row === r && t.col === c);
        const w = expected[i]?.[j];
        const key = keys[i]?.[j];
        if (w === undefined || key === null || key === undefined) continue;
        if (w.v === '' && w.f === undefined) continue;
        this.typed.push({ sheet, row: r, col: c, v: w.v, f: w.f, by: user, key });
      }
    }
    return [false, outcome.runs];
  }

  /**
   * Whether a cell is one the product must never rewrite, and its identity: '' for cells that
   * keep their place, "unit|header" in the score tables set-up rebuilds. null: not tracked
   * (program-written areas, headers, sheets the product writes).
   */
  trackKey(sheet: SheetModel, row: number, col: number): string | null {
    const header = (r: number, c: number): string => String(sheet.cell(r, c)?.v ?? '');
    switch (sheet.name) {
      case SHEET_NAMES.settings:
        return row >= 2 && col === 2 && !PROGRAM_SETTING_LABELS.has(header(row, 1)) ? '' : null;
      case SHEET_NAMES.units:
      case SHEET_NAMES.criteria:
        return row >= 2 && header(1, col) !== '' ? '' : null;
      case SHEET_NAMES.selfScores:
      case SHEET_NAMES.verifiedScores: {
        const unit = header(row, 1);
        if (row < 3 || col < 3 || header(1, col) === '' || unit === '') return null;
        return `${unit}|${header(1, col)}`;
      }
      case SHEET_NAMES.crossScores: {
        const first = CROSS_SCORES_LAYOUT.firstDataRow;
        if (row < first || col < 4 || col > 6 || header(row, 1) === '') return null;
        return `${header(row, 1)}|${header(row, 2)}|${header(row, 3)}|${header(1, col)}`;
      }
      case SHEET_NAMES.votes:
        return row >= VOTES_LAYOUT.firstDataRow && (col === 3 || col === 4) ? '' : null;
      case SHEET_NAMES.awards: {
        const key = AWARDS_LAYOUT.columns[col - 1]?.key;
        if (row < AWARDS_LAYOUT.firstDataRow || key === undefined) return null;
        return AWARD_PROGRAM_COLUMNS.has(key) ? null : '';
      }
      case SHEET_NAMES.registration: {
        // Rows move with their unit's block, so a typed cell is found again anywhere, never lost.
        const unit = header(row, 1);
        if (row < REGISTRATION_LAYOUT.firstDataRow || col < 3 || header(1, col) === '') return null;
        return `${unit === '' ? '?' : unit}|${header(1, col)}`;
      }
      case SHEET_NAMES.guide:
      case SHEET_NAMES.ranking:
      case SHEET_NAMES.awardStatistics:
      case SHEET_NAMES.audit:
        return null;
      default:
        // Sheets the product makes on its own (validation report, vote results, parked scores)
        // are rewritten by design; a sheet a user made is the user's.
        return this.userSheets.has(sheet) ? '' : null;
    }
  }

  /** Sheets a fuzzed user inserted. */
  readonly userSheets = new Set<SheetModel>();

  private forget(pred: (t: TypedCell) => boolean): void {
    for (let i = this.typed.length - 1; i >= 0; i--) {
      const t = this.typed[i];
      if (t !== undefined && pred(t)) this.typed.splice(i, 1);
    }
  }

  // ---------------------------------------------------------------- structural actions

  /** May `user` change this area of a sheet (Sheets' protection rule)? */
  private canChange(user: string, ref: GridRef): boolean {
    return this.model.firstForbiddenCell(user, ref) === null;
  }

  private wholeSheet(sheet: SheetModel): GridRef {
    return { sheet, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  }

  /** Carries out a tab or row action as the Sheets UI would; false when refused. */
  private structural(action: Action, user: string): boolean {
    const model = this.model;
    if (!model.canEditFile(user)) return false;
    switch (action.kind) {
      case 'insertSheet': {
        if (model.nameTaken(action.name)) return false;
        this.userSheets.add(model.addSheet(action.name));
        return true;
      }
      case 'deleteSheet': {
        const sheet = this.pickSheet(action.sheet);
        if (!sheet || model.sheets.length < 2) return false;
        // A sheet holding a range one cannot edit cannot be deleted by that person.
        if (!this.canChange(user, this.wholeSheet(sheet))) return false;
        model.removeSheet(sheet);
        this.forget((t) => t.sheet === sheet);
        return true;
      }
      case 'renameSheet': {
        const sheet = this.pickSheet(action.sheet);
        if (!sheet || model.nameTaken(action.name, sheet)) return false;
        const sheetProtected = model.protections.some(
          (p) => p.type === 'SHEET' && p.range.sheet === sheet && !model.protectionAllows(p, user),
        );
        if (sheetProtected) return false;
        sheet.name = action.name;
        sheet.touch();
        return true;
      }
      case 'insertRows': {
        const sheet = this.pickSheet(action.sheet);
        if (!sheet) return false;
        const at = this.pickRow(sheet, action.row);
        // Inserting inside (or into a protected sheet) changes a protected area.
        const blocked = model.protections.some(
          (p) =>
            p.range.sheet === sheet &&
            !p.warningOnly &&
            !model.protectionAllows(p, user) &&
            (p.type === 'SHEET' || (at > p.range.row && at < p.range.row + p.range.numRows)),
        );
        if (blocked) return false;
        sheet.rows.splice(at - 1, 0, ...new Array<undefined>(action.count));
        sheet.maxRows += action.count;
        model.shiftRows(sheet, at, action.count);
        sheet.touch();
        for (const t of this.typed) if (t.sheet === sheet && t.row >= at) t.row += action.count;
        return true;
      }
      case 'deleteRows': {
        const sheet = this.pickSheet(action.sheet);
        if (!sheet) return false;
        const at = this.pickRow(sheet, action.row);
        const count = Math.min(action.count, sheet.maxRows - at + 1);
        if (sheet.maxRows - count < Math.max(1, sheet.frozenRows + 1)) return false;
        const ref = { sheet, row: at, col: 1, numRows: count, numCols: sheet.maxCols };
        if (!this.canChange(user, ref)) return false;
        sheet.rows.splice(at - 1, count);
        sheet.maxRows -= count;
        model.shiftRows(sheet, at, -count);
        sheet.touch();
        this.forget((t) => t.sheet === sheet && t.row >= at && t.row < at + count);
        for (const t of this.typed) if (t.sheet === sheet && t.row >= at + count) t.row -= count;
        return true;
      }
      case 'sort':
        return this.sort(action, user);
      default:
        return false;
    }
  }

  /** Data › Sort range on the rows below the frozen header, by one column. */
  private sort(action: Extract<Action, { kind: 'sort' }>, user: string): boolean {
    const sheet = this.pickSheet(action.sheet);
    if (!sheet) return false;
    const first = Math.max(sheet.frozenRows, 1) + 1;
    const { lastRow, lastCol } = sheet.contentExtent();
    if (lastRow <= first || lastCol === 0) return false;
    const col = 1 + (action.col % lastCol);
    const ref = { sheet, row: first, col: 1, numRows: lastRow - first + 1, numCols: lastCol };
    if (!this.canChange(user, ref)) return false;
    const rows = Array.from({ length: ref.numRows }, (_, i) => first + i);
    const value = (r: number): unknown => sheet.cell(r, col)?.v ?? '';
    const order = [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      // Blanks go last whichever the direction.
      if ((va === '') !== (vb === '')) return va === '' ? 1 : -1;
      const c = compareForSort(va, vb);
      return (action.descending ? -c : c) || a - b;
    });
    const moved = order.map((r) => (sheet.rows[r - 1] ?? []).slice(0, lastCol));
    moved.forEach((cells, i) => {
      const target = (sheet.rows[first + i - 1] ??= []);
      for (let c = 0; c < lastCol; c++) target[c] = cells[c];
    });
    sheet.touch();
    const newRowOf = new Map(order.map((old, i) => [old, first + i]));
    for (const t of this.typed) {
      if (t.sheet === sheet && t.col <= lastCol) t.row = newRowOf.get(t.row) ?? t.row;
    }
    return true;
  }

  /** Whether a protection would stop `user` typing at a cell (for the report's counts). */
  protectedFor(user: string, sheet: SheetModel, row: number, col: number): boolean {
    return this.model.protections.some(
      (p) => protectsCell(p, sheet, row, col) && !this.model.protectionAllows(p, user),
    );
  }
}

function awardColumn(key: string): number {
  return AWARDS_LAYOUT.columns.findIndex((c) => c.key === key) + 1;
}

/** Sheets' ascending order: numbers, then text, then booleans; blanks always last. */
function compareForSort(a: unknown, b: unknown): number {
  const rank = (v: unknown): number =>
    v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'boolean' ? 2 : 1;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'vi');
}
