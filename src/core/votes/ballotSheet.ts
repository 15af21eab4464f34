/**
 * The Bình xét sheet as "Tạo phiếu bình xét" fills it, and the "Kết quả bình xét" sheet as
 * "Kiểm phiếu bình xét" writes it. Pure: the adapter reads the sheets once, calls these, and
 * writes each block once.
 *
 * Ballot rows are one per member unit × nominee. Rebuilding them keeps every mark already
 * entered for the same voter and nominee (merged by key), so a second click never loses a vote.
 */
import type { Finding } from '../findings';
import { formatNumberVi, formatPercentVi } from '../format/vietnamese';
import { NUMBER_FORMATS as F, headerValues } from '../layout/columns';
import { SHEET_NAMES } from '../layout/sheets';
import { VOTES_LAYOUT } from '../layout/tables';
import type { Unit } from '../model/unit';
import { cellAt, isBlank, isBlankRow, rowAt } from '../readers/cells';
import { locateTable } from '../readers/headers';
import { parseText } from '../parse/text';
import type { RankingResult } from '../ranking/computeRanking';
import { nameKey } from '../text/normalize';
import type { Party, TallyResult } from './tally';
import { nomineeLabel } from './rounds';
import { PLACE_OUTCOME_LABELS, type OpenPlaces, type PlacesResult } from './places';

/** Name of the sheet "Kiểm phiếu bình xét" writes; not an input, so not in SHEET_NAMES. */
export const VOTE_RESULT_SHEET = 'Kết quả bình xét';

/** A unit up for the vote, as the ballot rows name it: "Ba Đình (Cờ thi đua)". */
export interface BallotNominee {
  readonly unit: string;
  readonly form: string;
  readonly label: string;
}

/**
 * Who goes on the ballot: every unit the ranking proposes, and every unit whose place at a quota
 * boundary the ranking leaves to a vote; in rank order. The form is part of the label, so a
 * mark given for one proposal is never carried over to a different one.
 */
export function ballotNominees(result: RankingResult): BallotNominee[] {
  const out: BallotNominee[] = [];
  for (const r of result.rows) {
    const form = r.proposal !== '' ? r.proposal : r.voteNeededFor;
    if (form === '') continue;
    out.push({ unit: r.unitCode, form, label: nomineeLabel(r.unitName, form, 1) });
  }
  return out;
}

/** The second (or later) round's ballot: the nominees tied at the last place, only them. */
export function nextRoundNominees(open: readonly OpenPlaces[], round: number): BallotNominee[] {
  return open.flatMap((o) =>
    o.nominees.map((e) => ({
      unit: e.unitCode,
      form: e.form,
      label: nomineeLabel(e.unitName, e.form, round),
    })),
  );
}

export type BallotRow = readonly [voter: string, nominee: string, mark: unknown, spoiled: unknown];

export interface BallotPlan {
  /** Header first, then one row per voter × nominee, voters in Đơn vị order. */
  readonly rows: readonly BallotRow[];
  /** Data rows in the sheet before (non-blank). */
  readonly existingRows: number;
  /** Marks or spoiled flags carried over to the new rows. */
  readonly keptEntries: number;
  /** Existing rows that have no place among the new ones (old nominees, unknown voters, repeats). */
  readonly droppedRows: number;
  /** Of those, rows holding a mark or a spoiled flag: what would be lost. */
  readonly droppedEntries: number;
  /** Number of rows (header included) the sheet's table had, so the adapter clears leftovers. */
  readonly previousHeight: number;
}

function key(voter: string, nominee: string): string {
  return `${nameKey(voter, { ignoreDiacritics: true })}\u0000${nameKey(nominee, { ignoreDiacritics: true })}`;
}

function text(value: unknown): string {
  const t = parseText(value);
  return t.kind === 'ok' ? t.value : '';
}

/**
 * The new ballot rows, merged with what the sheet holds. Voters are written by code (the
 * column's dropdown lists codes); an existing row whose voter cell holds the unit's name still
 * matches. Marks are carried over as typed, even unreadable ones: the tally reports those.
 */
export function planBallots(
  grid: readonly unknown[] | undefined,
  units: readonly Unit[],
  nominees: readonly BallotNominee[],
): BallotPlan {
  const voterAliases = new Map<string, string>();
  for (const u of units) {
    voterAliases.set(nameKey(u.code, { ignoreDiacritics: true }), u.code);
    voterAliases.set(nameKey(u.name, { ignoreDiacritics: true }), u.code);
  }
  const existing = new Map<string, { mark: unknown; spoiled: unknown }>();
  let existingRows = 0;
  let droppedRows = 0;
  let droppedEntries = 0;
  const cells = grid ?? [];
  const located = locateTable(cells, VOTES_LAYOUT);
  const col = (k: 'voter' | 'nominee' | 'mark' | 'spoiled'): number => located.columns.get(k) ?? -1;
  const wanted = new Set<string>();
  for (const u of units) for (const n of nominees) wanted.add(key(u.code, n.label));

  for (let r = located.headerRow0 + 1; r < cells.length; r++) {
    if (isBlankRow(rowAt(cells, r))) continue;
    existingRows++;
    const voterText = text(cellAt(cells, r, col('voter')));
    const voter = voterAliases.get(nameKey(voterText, { ignoreDiacritics: true })) ?? voterText;
    const nominee = text(cellAt(cells, r, col('nominee')));
    const mark = cellAt(cells, r, col('mark'));
    const spoiled = cellAt(cells, r, col('spoiled'));
    const hasEntry = !isBlank(mark) || !isBlank(spoiled);
    const k = key(voter, nominee);
    if (!wanted.has(k) || existing.has(k)) {
      droppedRows++;
      if (hasEntry) droppedEntries++;
      continue;
    }
    existing.set(k, { mark, spoiled });
  }

  const header = headerValues(VOTES_LAYOUT);
  const rows: BallotRow[] = [[header[0] ?? '', header[1] ?? '', header[2] ?? '', header[3] ?? '']];
  let keptEntries = 0;
  for (const u of units) {
    for (const n of nominees) {
      const old = existing.get(key(u.code, n.label));
      if (old && (!isBlank(old.mark) || !isBlank(old.spoiled))) keptEntries++;
      rows.push([u.code, n.label, old?.mark ?? '', old?.spoiled ?? '']);
    }
  }
  let previousHeight = 0;
  for (let r = cells.length - 1; r >= 0; r--) {
    if (!isBlankRow(rowAt(cells, r))) {
      previousHeight = r + 1;
      break;
    }
  }
  return { rows, existingRows, keptEntries, droppedRows, droppedEntries, previousHeight };
}

/** The YES/NO question asked before rebuilding a sheet that already has ballot rows. */
export function ballotReplaceQuestion(plan: BallotPlan, nominees: number, voters: number): string {
  const parts = [
    `Trang "${SHEET_NAMES.votes}" đã có ${formatNumberVi(plan.existingRows)} dòng phiếu.`,
    `Tạo lại ${formatNumberVi(voters * nominees)} dòng (${formatNumberVi(voters)} đơn vị × ${formatNumberVi(nominees)} đề nghị).`,
    `Giữ nguyên ${formatNumberVi(plan.keptEntries)} ý kiến đã ghi cho cùng đơn vị và đề nghị.`,
  ];
  if (plan.droppedRows > 0) {
    parts.push(
      `${formatNumberVi(plan.droppedRows)} dòng không còn trong danh sách đề nghị sẽ bị xóa` +
        (plan.droppedEntries > 0
          ? `, trong đó có ${formatNumberVi(plan.droppedEntries)} ý kiến đã ghi.`
          : '.'),
    );
  }
  parts.push('Tiếp tục?');
  return parts.join('\n');
}

/**
 * Nominees as the ballot rows name them, in order of first appearance; spellings that differ
 * only by case, spaces or diacritics are one nominee (the first spelling is kept).
 */
export function nomineesInBallots(grid: readonly unknown[]): string[] {
  const located = locateTable(grid, VOTES_LAYOUT);
  const c = located.columns.get('nominee');
  if (c === undefined) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let r = located.headerRow0 + 1; r < grid.length; r++) {
    const t = text(cellAt(grid, r, c));
    if (t === '') continue;
    const k = nameKey(t, { ignoreDiacritics: true });
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** Nominees for tallyVotes: a nominee named by a unit's code or name shows the unit's name. */
export function nomineeParties(nominees: readonly string[], units: readonly Unit[]): Party[] {
  const byKey = new Map<string, Unit>();
  for (const u of units) {
    byKey.set(nameKey(u.code, { ignoreDiacritics: true }), u);
    byKey.set(nameKey(u.name, { ignoreDiacritics: true }), u);
  }
  return nominees.map((n) => {
    const unit = byKey.get(nameKey(n, { ignoreDiacritics: true }));
    return { code: n, name: unit ? unit.name : n };
  });
}

export interface VoteResultBlock {
  readonly values: readonly (readonly (string | number)[])[];
  readonly numberFormats: readonly (readonly string[])[];
  readonly width: number;
  readonly boldRows: readonly number[];
}

const RESULT_HEADER = [
  'STT',
  'Đề nghị',
  'Đồng ý',
  'Không đồng ý',
  'Để trống',
  'Tỷ lệ đồng ý',
  'Kết quả',
  'Lý do',
] as const;

/** A problem of the ballots for the result sheet: where, and what. */
export interface VoteProblemLine {
  readonly where: string;
  readonly message: string;
}

/** Reader findings and tally problems as lines; a tally problem points at its voter's rows. */
export function voteProblemLines(
  findings: readonly Finding[],
  tally: TallyResult,
): VoteProblemLine[] {
  return [
    ...findings.map((f) => ({ where: `${f.sheet}!${f.cell}`, message: f.message })),
    ...tally.problems.map((p) => ({
      where: `${SHEET_NAMES.votes}: ${p.voter}`,
      message: p.message,
    })),
  ];
}

function ruleText(tally: TallyResult): string {
  const r = tally.rule;
  const base = r.base === 'members' ? 'tổng số thành viên' : 'số phiếu hợp lệ';
  return `${r.comparison === 'greaterThan' ? 'Trên' : 'Từ'} ${formatPercentVi(r.share)} ${base} đồng ý`;
}

/**
 * "Kết quả bình xét": a title, one row per nominee (shares as text with a decimal comma, so
 * they read the same whatever the spreadsheet's locale), the ballot counts, ties, problems,
 * then the minutes, one line per row.
 */
export function voteResultBlock(
  tally: TallyResult,
  problems: readonly VoteProblemLine[],
  minutes: string,
  title: string,
  places?: PlacesResult,
): VoteResultBlock {
  const width = RESULT_HEADER.length;
  const rows: (string | number)[][] = [];
  const formats: string[][] = [];
  const bold: number[] = [];
  const push = (cells: readonly (string | number)[], numeric: readonly number[] = []): number => {
    const row = [...cells];
    while (row.length < width) row.push('');
    rows.push(row);
    formats.push(row.map((_, i) => (numeric.includes(i) ? F.integer : F.text)));
    return rows.length;
  };
  bold.push(push([title]));
  push([]);
  bold.push(push([...RESULT_HEADER]));
  const placedByLabel = new Map((places?.nominees ?? []).map((p) => [p.label, p]));
  tally.nominees.forEach((n, i) => {
    const placed = placedByLabel.get(n.code);
    push(
      [
        i + 1,
        n.name,
        n.yes,
        n.no,
        n.blank,
        formatPercentVi(n.yesShare),
        placed ? PLACE_OUTCOME_LABELS[placed.outcome] : n.elected ? 'Đạt' : 'Không đạt',
        placed ? placed.reason : n.reason,
      ],
      [0, 2, 3, 4],
    );
  });
  push([]);
  push(['Tổng số thành viên', '', tally.members], [2]);
  push(['Số phiếu thu vào', '', tally.cast], [2]);
  push(['Số phiếu hợp lệ', '', tally.valid], [2]);
  push(['Số phiếu không hợp lệ', '', tally.spoiled], [2]);
  if (tally.present !== tally.cast || tally.overCast) {
    push(['Số thành viên có mặt', '', tally.present], [2]);
  }
  push(['Ngưỡng trúng', '', ruleText(tally)]);
  push(['Số thành viên tham gia', '', tally.quorumMet ? 'Đủ' : 'Không đủ']);
  const names = new Map(tally.nominees.map((n) => [n.code, n.name]));
  push([
    'Bằng số phiếu',
    '',
    tally.ties.length === 0
      ? 'Không'
      : tally.ties
          .map(
            (t) =>
              `${t.nominees.map((c) => names.get(c) ?? c).join(', ')} (${formatNumberVi(t.yes)} phiếu đồng ý)`,
          )
          .join('; '),
  ]);
  if (places) {
    push([]);
    bold.push(push(['Kết quả theo suất khen thưởng']));
    if (!places.valid) push([places.invalidReason]);
    for (const f of places.forms) push([f.form, '', placesLine(f)]);
  }
  push([]);
  bold.push(
    push([
      problems.length === 0
        ? 'Phiếu không có vấn đề.'
        : `Vấn đề trong phiếu (${formatNumberVi(problems.length)}):`,
    ]),
  );
  for (const p of problems) push([p.where, '', p.message]);
  push([]);
  for (const line of minutes.split('\n')) push([line]);
  return { values: rows, numberFormats: formats, width, boldRows: bold };
}

function placesLine(f: PlacesResult['forms'][number]): string {
  const names = f.elected.map((e) => e.unitName);
  const parts = [
    `${formatNumberVi(f.places)} suất: ` +
      (names.length > 0 ? names.join(', ') : 'không có đề cử nào trúng'),
  ];
  if (f.open) {
    parts.push(
      `còn ${formatNumberVi(f.open.places)} suất bằng phiếu giữa ${f.open.nominees.map((e) => e.unitName).join(', ')}: ` +
        'chọn «Tạo phiếu bình xét» để bỏ phiếu vòng sau giữa các đề cử này',
    );
  }
  return parts.join('; ');
}

/** One line for the toast after the tally. */
export function tallyToast(tally: TallyResult, problems: number, places?: PlacesResult): string {
  const elected = places
    ? places.forms.flatMap((f) => f.elected.map((e) => `${e.unitName} (${e.form})`))
    : tally.nominees.filter((n) => n.elected).map((n) => n.name);
  const parts = [
    `Đã kiểm ${formatNumberVi(tally.cast)}/${formatNumberVi(tally.members)} phiếu` +
      (tally.spoiled > 0 ? ` (${formatNumberVi(tally.spoiled)} không hợp lệ)` : ''),
    elected.length > 0 ? `đạt: ${elected.join(', ')}` : 'không có đề nghị nào đạt',
  ];
  if (tally.overCast) parts.push('số phiếu nhiều hơn số thành viên có mặt');
  else if (!tally.quorumMet) parts.push('không đủ số thành viên tham gia');
  const open = places?.forms.flatMap((f) => (f.open ? [f.open] : [])) ?? [];
  for (const o of open) {
    parts.push(
      `bằng phiếu ở ${formatNumberVi(o.places)} suất ${o.form} cuối: ${o.nominees.map((e) => e.unitName).join(', ')} (cần bỏ phiếu vòng sau)`,
    );
  }
  if (problems > 0) parts.push(`${formatNumberVi(problems)} vấn đề trong phiếu`);
  return `${parts.join('; ')}. Xem trang "${VOTE_RESULT_SHEET}".`;
}
