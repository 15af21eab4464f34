/**
 * What must hold after every fuzzed step. Each check returns violations named by their defect
 * class (the part before the colon), so a campaign reports each kind of defect once, with the
 * first sequence that showed it.
 */
import { AUTHORIZATION_REQUIRED } from '../../local/host';
import type { CellData, SheetModel } from '../../local/host/spreadsheet/model';
import { CELL_CHARACTER_LIMIT } from '../../local/host/spreadsheet/limits';
import { MIME } from '../../local/host/drive';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AWARDS_LAYOUT } from '../../src/core/layout/tables';
import { oracleRanking, readInputs, type OracleRow } from './oracle';
import type { StepRecord, TypedCell, World } from './world';

export interface Violation {
  /** Defect class: "invariant: what", stable across sequences. */
  readonly kind: string;
  readonly detail: string;
}

/** Counts of what the checks could judge, for the campaign's report. */
export interface Coverage {
  rankingsWritten: number;
  rankingsJudged: number;
  rankingsRefused: number;
  typedChecked: number;
  editsRefused: number;
  menuRuns: number;
  certificatesMade: number;
  /** Wall-clock milliseconds spent making workbooks, acting, and checking. */
  msWorkbooks: number;
  msActions: number;
  msChecks: number;
}

export function emptyCoverage(): Coverage {
  return {
    rankingsWritten: 0,
    rankingsJudged: 0,
    rankingsRefused: 0,
    typedChecked: 0,
    editsRefused: 0,
    menuRuns: 0,
    certificatesMade: 0,
    msWorkbooks: 0,
    msActions: 0,
    msChecks: 0,
  };
}

// ------------------------------------------------------------------ 1. Vietnamese messages only

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** Words of English (and of JavaScript's own errors) that never belong in a Vietnamese message. */
const ENGLISH =
  /\b(error|exception|undefined|null|NaN|cannot|failed|invalid|the|is not|of undefined|Exceeded|Service|Range not found|coordinates|permission|protected|Please|TypeError|ReferenceError|RangeError)\b/;

export function englishIn(message: string): string | null {
  // User data quoted in a message ("«x»", "\"x\"") may be anything; judge the product's words.
  // (Bounded e-mail pattern: an unbounded \S+@\S+ backtracks quadratically on a 50,000-character name.)
  const own = message.replace(/"[^"]*"|«[^»]*»|'[^']*'|[^\s@"'«»]{1,64}@[^\s@"'«»]{1,255}/g, ' ');
  if (ENGLISH.test(own)) return `English words: ${message.slice(0, 160)}`;
  if (own.trim() !== '' && !VIETNAMESE.test(message))
    return `not Vietnamese: ${message.slice(0, 160)}`;
  return null;
}

export function checkMessages(
  world: World,
  step: StepRecord,
  since: { toasts: number; shown: number },
): Violation[] {
  const out: Violation[] = [];
  for (const run of step.runs) {
    const fn = run.execution.functionName;
    if (run.status !== 'ok') {
      // Google's refusal of an account that cannot authorise the script, before the script runs.
      if (run.calls === 0 && (run.error ?? '').includes(AUTHORIZATION_REQUIRED)) continue;
      out.push({
        kind: `uncaught error: ${fn}: ${normalise(run.error ?? run.status)}`,
        detail: run.error ?? run.status,
      });
    }
  }
  const toasts = world.model.toasts.slice(since.toasts);
  const shown = world.host.ui.shown.slice(since.shown);
  for (const text of [
    ...toasts.flatMap((t) => [t.msg, t.title]),
    ...shown.flatMap((d) => [d.prompt, d.title ?? '']),
  ]) {
    if (text === '') continue;
    const bad = englishIn(text);
    if (bad) out.push({ kind: `english message: ${normalise(text)}`, detail: bad });
  }
  return out;
}

/** A message with its variable parts (numbers, quoted data) folded, to name a defect class. */
function normalise(text: string): string {
  return text
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, '#')
    .slice(0, 90);
}

// ------------------------------------------------------------------ 2. typed values kept

function same(cell: CellData | undefined, t: TypedCell): boolean {
  const v = cell?.v ?? '';
  return v === t.v && cell?.f === t.f;
}

/** Where a score-table cell's identity ("unit|header", "scorer|unit|criterion|header") is now. */
function relocate(sheet: SheetModel, key: string): { row: number; col: number } | null {
  const parts = key.split('|');
  const { lastRow, lastCol } = sheet.contentExtent();
  const headerCol = (h: string): number => {
    for (let c = 1; c <= lastCol; c++) if (String(sheet.cell(1, c)?.v ?? '') === h) return c;
    return 0;
  };
  const rowWhere = (cols: readonly string[]): number => {
    let found = 0;
    for (let r = 2; r <= lastRow; r++) {
      if (cols.every((v, i) => String(sheet.cell(r, i + 1)?.v ?? '') === v)) {
        if (found !== 0) return 0; // ambiguous
        found = r;
      }
    }
    return found;
  };
  const header = parts.at(-1) ?? '';
  const col = headerCol(header);
  const row = rowWhere(parts.slice(0, -1));
  return col === 0 || row === 0 ? null : { row, col };
}

function foundAnywhere(world: World, t: TypedCell): boolean {
  for (const sheet of world.model.sheets)
    for (const line of sheet.rows)
      for (const cell of line ?? []) if (cell && same(cell, t)) return true;
  return false;
}

export function checkTyped(
  world: World,
  step: StepRecord,
  coverage: Coverage,
  askedAndYes: boolean,
): Violation[] {
  const out: Violation[] = [];
  const setupRan = step.menu === 'Khởi tạo / cập nhật bảng tính';
  const sheets = new Set(world.model.sheets);
  for (let i = world.typed.length - 1; i >= 0; i--) {
    const t = world.typed[i] as TypedCell;
    coverage.typedChecked++;
    if (step.menu === 'Tạo phiếu bình xét' && askedAndYes && t.sheet.name === SHEET_NAMES.votes) {
      // The head was asked and chose to make the ballots again: the old marks go by their choice.
      world.typed.splice(i, 1);
      continue;
    }
    if (!sheets.has(t.sheet)) {
      out.push({
        kind: `typed value lost: sheet removed by «${step.menu ?? step.description}»`,
        detail: `${t.sheet.name}!R${String(t.row)}C${String(t.col)} typed by ${t.by}`,
      });
      world.typed.splice(i, 1);
      continue;
    }
    if (same(t.sheet.cell(t.row, t.col), t)) continue;
    if (setupRan && t.key !== undefined && t.key !== '') {
      const at = relocate(t.sheet, t.key);
      if (at && same(t.sheet.cell(at.row, at.col), t)) {
        t.row = at.row;
        t.col = at.col;
        continue;
      }
      if (foundAnywhere(world, t)) {
        // Parked by set-up (a unit or criterion left the tables): kept, no longer placed.
        world.typed.splice(i, 1);
        continue;
      }
    }
    const now = t.sheet.cell(t.row, t.col);
    out.push({
      kind: `typed value changed: ${t.sheet.name} by «${step.menu ?? step.description.split(' ')[1] ?? ''}»`,
      detail: `${t.sheet.name}!R${String(t.row)}C${String(t.col)}: typed ${JSON.stringify(
        [t.v, t.f].filter((x) => x !== undefined),
      ).slice(
        0,
        80,
      )} by ${t.by}, now ${JSON.stringify([now?.v, now?.f].filter((x) => x !== undefined)).slice(0, 80)}`,
    });
    world.typed.splice(i, 1);
  }
  return out;
}

// ------------------------------------------------------------------ 3. the ranking

const CURRENT = 'Đã cập nhật: kết quả khớp với dữ liệu chấm điểm lúc tính.';
const SAMPLE_UNITS = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'];

export interface Baseline {
  /** Cấu hình's ranking rows, Đơn vị and Tiêu chí right after set-up. */
  readonly settings: string;
  readonly units: string;
  readonly criteria: string;
}

/** Rows of Cấu hình that decide a ranking (bands … missing-score policy). */
function rankingSettings(world: World): string {
  const sheet = world.model.sheet(SHEET_NAMES.settings);
  if (!sheet) return '';
  const lines: string[] = [];
  let on = false;
  for (let r = 1; r <= sheet.contentExtent().lastRow; r++) {
    const label = String(sheet.cell(r, 1)?.v ?? '');
    if (label.startsWith('Ngưỡng xếp loại Xuất sắc')) on = true;
    if (on) lines.push(`${label}=${String(sheet.cell(r, 2)?.v ?? '')}`);
    if (label === 'Khi thiếu điểm') on = false;
  }
  return lines.join('\n');
}

function sheetText(world: World, name: string): string {
  const sheet = world.model.sheet(name);
  if (!sheet) return '';
  const { lastRow, lastCol } = sheet.contentExtent();
  return JSON.stringify(
    world.model.valuesAt(`'${name}'!A1:${colLetter(lastCol)}${String(lastRow)}`),
  );
}

const colLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + Math.max(n, 1)) : `A${String.fromCharCode(64 + n - 26)}`;

export function baseline(world: World): Baseline {
  return {
    settings: rankingSettings(world),
    units: sheetText(world, SHEET_NAMES.units),
    criteria: sheetText(world, SHEET_NAMES.criteria),
  };
}

const h = (x: unknown): number => (typeof x === 'number' ? Math.round(x * 100) : NaN);

export function checkRanking(
  world: World,
  step: StepRecord,
  base: Baseline,
  coverage: Coverage,
): Violation[] {
  if (!step.runs.some((r) => r.execution.functionName === 'menuRank' && r.status === 'ok'))
    return [];
  const sheet = world.model.sheet(SHEET_NAMES.ranking);
  const status = sheet?.cell(3, 3)?.v;
  if (!sheet || status !== CURRENT) {
    coverage.rankingsRefused++;
    return [];
  }
  coverage.rankingsWritten++;
  const out: Violation[] = [];
  const header = world.model.valuesAt(`'${SHEET_NAMES.ranking}'!A5:N5`)[0] ?? [];
  const table: unknown[][] = [];
  for (let r = 6; r <= sheet.contentExtent().lastRow; r++) {
    const row =
      world.model.valuesAt(`'${SHEET_NAMES.ranking}'!A${String(r)}:N${String(r)}`)[0] ?? [];
    if (row[1] === '' || row[1] === undefined) break;
    table.push(row);
  }
  const col = (name: string): number => header.indexOf(name);
  const [cRank, cTotal] = [col('Hạng'), col('Tổng điểm')];
  // Internal consistency whatever the inputs: ranks in order, equal rank ⇔ equal total at least.
  let lastRank = 0;
  let lastTotal = Infinity;
  let unrankedSeen = false;
  for (const row of table) {
    const rank = row[cRank];
    if (rank === '') {
      unrankedSeen = true;
      continue;
    }
    if (unrankedSeen || typeof rank !== 'number' || rank < lastRank)
      out.push({ kind: 'ranking: rows out of rank order', detail: JSON.stringify(row) });
    const total = h(row[cTotal]);
    if (total > lastTotal)
      out.push({ kind: 'ranking: a higher total ranked lower', detail: JSON.stringify(row) });
    lastRank = typeof rank === 'number' ? rank : lastRank;
    lastTotal = total;
  }

  const unchanged =
    rankingSettings(world) === base.settings &&
    sheetText(world, SHEET_NAMES.units) === base.units &&
    sheetText(world, SHEET_NAMES.criteria) === base.criteria;
  if (!unchanged) return out;
  const inputs = readInputs(world.model);
  if (typeof inputs === 'string') return out;
  const answer = oracleRanking(inputs, SAMPLE_UNITS);
  if (!answer.judged) return out;
  coverage.rankingsJudged++;
  const written = new Map(table.map((row) => [String(row[1]), row]));
  for (const want of answer.rows) {
    const row = written.get(want.unit);
    if (!row) {
      out.push({ kind: 'ranking: unit missing from Xếp hạng', detail: want.unit });
      continue;
    }
    const got: Partial<Record<keyof OracleRow, unknown>> = {
      rank: row[cRank],
      groupI: h(row[col('Nhóm I')]),
      groupII: h(row[col('Nhóm II')]),
      bonus: h(row[col('Điểm thưởng')]),
      penalty: h(row[col('Điểm trừ')]),
      total: h(row[cTotal]),
      classification: row[col('Xếp loại')],
      proposal: row[col('Đề nghị khen thưởng')],
    };
    for (const [k, v] of Object.entries(want) as [keyof OracleRow, unknown][]) {
      if (k === 'unit' || v === undefined) continue;
      if (got[k] !== v)
        out.push({
          kind: `ranking differs from the oracle: ${k}`,
          detail: `${want.unit}: ${k} written ${JSON.stringify(got[k])}, oracle ${JSON.stringify(v)}`,
        });
    }
  }
  if (written.size !== answer.rows.length)
    out.push({ kind: 'ranking: extra rows', detail: [...written.keys()].join(',') });
  return out;
}

// ------------------------------------------------------------------ 4. Sheets' cell limit

export function checkCellLimits(world: World): Violation[] {
  const out: Violation[] = [];
  for (const sheet of world.model.sheets) {
    sheet.rows.forEach((line, r) => {
      (line ?? []).forEach((cell, c) => {
        if (!cell) return;
        const long =
          (typeof cell.v === 'string' && cell.v.length > CELL_CHARACTER_LIMIT) ||
          (cell.f?.length ?? 0) > CELL_CHARACTER_LIMIT;
        if (long)
          out.push({
            kind: `cell over ${String(CELL_CHARACTER_LIMIT)} characters: ${sheet.name}`,
            detail: `R${String(r + 1)}C${String(c + 1)}`,
          });
      });
    });
  }
  return out;
}

// ------------------------------------------------------------------ 5. one certificate per row

export function checkCertificates(world: World, coverage: Coverage): Violation[] {
  const out: Violation[] = [];
  const perRow = new Map<string, number>();
  let made = 0;
  for (const item of world.host.drive.items.values()) {
    if (item.mimeType === MIME.folder || world.host.drive.isTrashed(item)) continue;
    const manifest = parseManifest(item.description);
    if (!manifest) continue;
    if (item.mimeType === MIME.pdf) made++;
    for (const row of manifest.rows) {
      const k = `${row}|${item.mimeType}`;
      perRow.set(k, (perRow.get(k) ?? 0) + 1);
    }
  }
  coverage.certificatesMade = Math.max(coverage.certificatesMade, made);
  for (const [k, n] of perRow)
    if (n > 1)
      out.push({ kind: 'certificate made twice', detail: `${k}: ${String(n)} live files` });
  const sheet = world.model.sheet(SHEET_NAMES.awards);
  const keyCol = AWARDS_LAYOUT.columns.findIndex((c) => c.key === 'key') + 1;
  if (sheet && keyCol > 0) {
    const seen = new Set<string>();
    for (let r = 2; r <= sheet.contentExtent().lastRow; r++) {
      const key = String(sheet.cell(r, keyCol)?.v ?? '');
      if (!key.startsWith('KT')) continue;
      if (seen.has(key))
        out.push({
          kind: 'register row made twice',
          detail: `Khen thưởng row ${String(r)}: ${key}`,
        });
      seen.add(key);
    }
  }
  return out;
}

function parseManifest(text: string | null): { rows: string[] } | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { key?: unknown; rows?: unknown };
    if (typeof v.key !== 'string' || !Array.isArray(v.rows)) return null;
    return { rows: v.rows.filter((r): r is string => typeof r === 'string') };
  } catch {
    return null;
  }
}
