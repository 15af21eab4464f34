/**
 * Nomination vote tally (kiểm phiếu bình xét): secret ballots of the member units, each marking
 * every nominee yes, no or blank; a nominee is elected when the yes votes pass the cluster's
 * threshold (by default more than 50 % of all members), and only when the quorum is met.
 */
import {
  formatDayMonthYear,
  formatNumberVi,
  formatPercentVi,
  formatPlaceDate,
} from '../format/vietnamese';
import type { Ballot } from '../model/ballot';
import { isValidCalendarDate } from '../parse/date';
import type { CalendarDateValue } from '../model/calendarDate';
import type { VoteRule } from '../model/settings';
import { quantize } from '../scoring/criterionPoints';
import { compareVietnamese } from '../text/collation';

export interface Party {
  readonly code: string;
  readonly name: string;
}

export interface TallyInput {
  readonly ballots: readonly Ballot[];
  readonly nominees: readonly Party[];
  /** The member units entitled to vote. */
  readonly members: readonly Party[];
  readonly rule: VoteRule;
  /** Members present at the meeting (số thành viên có mặt); undefined: the ballots cast. */
  readonly attendance?: number;
  /**
   * A secret ballot (bỏ phiếu kín): ballots carry no voter, so membership and repeats cannot be
   * checked per ballot; more ballots than members present (or than members) voids the vote.
   */
  readonly anonymous?: boolean;
}

export type VoteProblemCode =
  'non-member' | 'duplicate-ballot' | 'unknown-nominee' | 'duplicate-mark';

/** A problem in the ballots, like a finding but about a ballot rather than a cell. */
export interface VoteProblem {
  readonly code: VoteProblemCode;
  /** Position of the ballot in the input (0-based), so the caller can point at its row. */
  readonly ballotIndex: number;
  readonly voter: string;
  readonly nominee?: string;
  /** Vietnamese. */
  readonly message: string;
}

export interface NomineeResult {
  readonly code: string;
  readonly name: string;
  readonly yes: number;
  readonly no: number;
  /** Valid ballots that left this nominee unmarked or marked blank. */
  readonly blank: number;
  /** yes / base; 0 when the base is 0. */
  readonly yesShare: number;
  /** Competition rank by yes votes (1, 2, 2, 4). */
  readonly rank: number;
  readonly elected: boolean;
  /** Vietnamese, e.g. "5/6 phiếu đồng ý (83,3 % tổng số thành viên), trên 50 %: đạt". */
  readonly reason: string;
}

export interface TallyResult {
  readonly rule: VoteRule;
  readonly members: number;
  /** Ballots counted: one per member, spoiled ones included. */
  readonly cast: number;
  readonly valid: number;
  readonly spoiled: number;
  /** The number the threshold is a share of: members or valid ballots, by the rule. */
  readonly base: number;
  /** Members present: the attendance given, else the ballots cast. */
  readonly present: number;
  /** More ballots than may be cast (attendance, or members in a secret vote): the vote is void. */
  readonly overCast: boolean;
  /** The most ballots that may be cast, when it is known. */
  readonly maxBallots: number | undefined;
  readonly quorumMet: boolean;
  /** In order of yes votes, then Vietnamese order of names. */
  readonly nominees: readonly NomineeResult[];
  /** Groups of two or more nominees with the same number of yes votes (and at least one). */
  readonly ties: readonly { readonly yes: number; readonly nominees: readonly string[] }[];
  readonly problems: readonly VoteProblem[];
}

function baseLabel(rule: VoteRule): string {
  return rule.base === 'members' ? 'tổng số thành viên' : 'số phiếu hợp lệ';
}

/** "trên 50 % tổng số thành viên đồng ý": the rule the count applied, for the minutes. */
export function thresholdWords(result: Pick<TallyResult, 'rule'>): string {
  return `${thresholdText(result.rule)} ${baseLabel(result.rule)} đồng ý`;
}

function thresholdText(rule: VoteRule): string {
  return `${rule.comparison === 'greaterThan' ? 'trên' : 'từ'} ${formatPercentVi(rule.share)}`;
}

/** yes / base against the threshold, at a fixed precision so 2/3 ≥ 66,666…% holds. */
export function passes(yes: number, base: number, rule: VoteRule): boolean {
  if (base <= 0 || yes <= 0) return false;
  const lhs = quantize(yes);
  const rhs = quantize(rule.share * base);
  return rule.comparison === 'greaterThan' ? lhs > rhs : lhs >= rhs;
}

export function tallyVotes(input: TallyInput): TallyResult {
  const { ballots, nominees, members, rule } = input;
  const problems: VoteProblem[] = [];
  const memberCodes = new Set(members.map((m) => m.code));
  const nomineeIndex = new Map<string, number>();
  const uniqueNominees: Party[] = [];
  for (const n of nominees) {
    if (nomineeIndex.has(n.code)) continue;
    nomineeIndex.set(n.code, uniqueNominees.length);
    uniqueNominees.push(n);
  }
  const yes = new Array<number>(uniqueNominees.length).fill(0);
  const no = new Array<number>(uniqueNominees.length).fill(0);
  const voted = new Set<string>();
  let cast = 0;
  let spoiled = 0;

  ballots.forEach((ballot, ballotIndex) => {
    const voter = ballot.voter;
    if (input.anonymous) {
      cast++;
      if (ballot.spoiled) spoiled++;
      else countMarks(ballot, ballotIndex);
      return;
    }
    if (!memberCodes.has(voter)) {
      problems.push({
        code: 'non-member',
        ballotIndex,
        voter,
        message: `Phiếu của "${voter}": không phải thành viên của cụm, không được tính.`,
      });
      return;
    }
    if (voted.has(voter)) {
      problems.push({
        code: 'duplicate-ballot',
        ballotIndex,
        voter,
        message: `Phiếu thứ hai của "${voter}": mỗi thành viên chỉ có một phiếu, chỉ tính phiếu đầu tiên.`,
      });
      return;
    }
    voted.add(voter);
    cast++;
    if (ballot.spoiled) {
      spoiled++;
      return;
    }
    countMarks(ballot, ballotIndex);
  });

  function countMarks(ballot: Ballot, ballotIndex: number): void {
    const voter = ballot.voter;
    const marked = new Set<string>();
    for (const { nominee, mark } of ballot.marks) {
      const i = nomineeIndex.get(nominee);
      if (i === undefined) {
        problems.push({
          code: 'unknown-nominee',
          ballotIndex,
          voter,
          nominee,
          message: `Phiếu của "${voter}": "${nominee}" không có trong danh sách đề cử, không được tính.`,
        });
        continue;
      }
      if (marked.has(nominee)) {
        problems.push({
          code: 'duplicate-mark',
          ballotIndex,
          voter,
          nominee,
          message: `Phiếu của "${voter}": "${nominee}" được đánh dấu hai lần, chỉ tính lần đầu.`,
        });
        continue;
      }
      marked.add(nominee);
      if (mark === 'yes') yes[i] = (yes[i] ?? 0) + 1;
      else if (mark === 'no') no[i] = (no[i] ?? 0) + 1;
    }
  }

  const valid = cast - spoiled;
  const base = rule.base === 'members' ? members.length : valid;
  const present = input.attendance ?? cast;
  const ceiling = input.attendance ?? (input.anonymous ? members.length : undefined);
  const overCast = ceiling !== undefined && cast > ceiling;
  const quorumMet =
    members.length > 0 &&
    !overCast &&
    quantize(present) >= quantize(rule.quorumShare * members.length);

  const unsorted = uniqueNominees.map((n, i) => {
    const y = yes[i] ?? 0;
    const against = no[i] ?? 0;
    const share = base > 0 ? y / base : 0;
    const ok = quorumMet && passes(y, base, rule);
    const counted = `${formatNumberVi(y)}/${formatNumberVi(base)} phiếu đồng ý (${formatPercentVi(share)} ${baseLabel(rule)})`;
    let reason: string;
    if (overCast) {
      reason = `${counted}; số phiếu nhiều hơn số thành viên có mặt: không đạt`;
    } else if (!quorumMet) {
      reason = `${counted}; không đủ số thành viên tham gia bỏ phiếu: không đạt`;
    } else if (ok) {
      reason = `${counted}, ${thresholdText(rule)}: đạt`;
    } else {
      reason = `${counted}, chưa ${thresholdText(rule)}: không đạt`;
    }
    return {
      code: n.code,
      name: n.name,
      yes: y,
      no: against,
      blank: valid - y - against,
      yesShare: share,
      elected: ok,
      reason,
    };
  });
  unsorted.sort(
    (a, b) =>
      b.yes - a.yes ||
      compareVietnamese(a.name, b.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const results: NomineeResult[] = [];
  const ties: { yes: number; nominees: string[] }[] = [];
  unsorted.forEach((r, i) => {
    const prev = results[i - 1];
    const rank = prev && prev.yes === r.yes ? prev.rank : i + 1;
    results.push({ ...r, rank });
    if (prev && prev.yes === r.yes && r.yes > 0) {
      const last = ties[ties.length - 1];
      if (last && last.yes === r.yes) last.nominees.push(r.code);
      else ties.push({ yes: r.yes, nominees: [prev.code, r.code] });
    }
  });

  return {
    rule,
    members: members.length,
    cast,
    valid,
    spoiled,
    base,
    present,
    overCast,
    maxBallots: ceiling,
    quorumMet,
    nominees: results,
    ties,
    problems,
  };
}

export interface MinutesContext {
  readonly clusterName: string;
  readonly year: number;
  readonly date?: CalendarDateValue;
  readonly place?: string;
  /** What the vote is for, e.g. "đề nghị tặng Cờ thi đua"; optional. */
  readonly purpose?: string;
}

/**
 * The text block of the minutes (biên bản kiểm phiếu): members, ballots, each nominee's votes
 * with percentages in decimal commas, who is elected. Plain lines, for a Doc or a sheet cell.
 */
export function minutesText(result: TallyResult, context: MinutesContext): string {
  const lines: string[] = [];
  lines.push('BIÊN BẢN KIỂM PHIẾU');
  lines.push(
    `Bình xét thi đua năm ${String(context.year)}` +
      (context.purpose ? ` (${context.purpose})` : '') +
      ` - ${context.clusterName}`,
  );
  // An impossible date (31/02) is left out rather than thrown: the tally itself is still right.
  if (context.date && isValidCalendarDate(context.date)) {
    const day = formatDayMonthYear(context.date);
    lines.push(context.place ? formatPlaceDate(context.place, context.date) : `N${day.slice(1)}`);
  }
  lines.push('');
  lines.push(`Tổng số thành viên: ${formatNumberVi(result.members)}.`);
  lines.push(
    `Số phiếu thu vào: ${formatNumberVi(result.cast)}; số phiếu hợp lệ: ${formatNumberVi(result.valid)}; ` +
      `số phiếu không hợp lệ: ${formatNumberVi(result.spoiled)}.`,
  );
  if (result.present !== result.cast || result.overCast) {
    lines.push(`Số thành viên có mặt: ${formatNumberVi(result.present)}.`);
  }
  if (result.overCast) {
    lines.push('Số phiếu thu vào nhiều hơn số thành viên có mặt: cuộc bỏ phiếu không hợp lệ.');
  }
  if (result.rule.quorumShare > 0) {
    const attendance = result.members > 0 ? result.present / result.members : 0;
    lines.push(
      `Tỷ lệ thành viên tham gia bỏ phiếu: ${formatPercentVi(attendance)} ` +
        `(yêu cầu tối thiểu ${formatPercentVi(result.rule.quorumShare)}): ` +
        (result.quorumMet
          ? 'đủ điều kiện.'
          : 'không đủ điều kiện, kết quả bỏ phiếu không có giá trị.'),
    );
  }
  lines.push(
    `Ngưỡng trúng: ${thresholdText(result.rule)} ${baseLabel(result.rule)} đồng ý ` +
      `(${formatNumberVi(result.base)} ${result.rule.base === 'members' ? 'thành viên' : 'phiếu'}).`,
  );
  lines.push('');
  lines.push('Kết quả kiểm phiếu:');
  result.nominees.forEach((n, i) => {
    lines.push(
      `${String(i + 1)}. ${n.name}: ${formatNumberVi(n.yes)} phiếu đồng ý (${formatPercentVi(n.yesShare)}), ` +
        `${formatNumberVi(n.no)} phiếu không đồng ý, ${formatNumberVi(n.blank)} phiếu để trống` +
        ` - ${n.elected ? 'đạt' : 'không đạt'}.`,
    );
  });
  if (result.ties.length > 0) {
    const byCode = new Map(result.nominees.map((n) => [n.code, n.name]));
    for (const t of result.ties) {
      lines.push(
        `Bằng số phiếu (${formatNumberVi(t.yes)} phiếu đồng ý): ${t.nominees.map((c) => byCode.get(c) ?? c).join(', ')}.`,
      );
    }
  }
  lines.push('');
  const elected = result.nominees.filter((n) => n.elected).map((n) => n.name);
  lines.push(
    elected.length > 0
      ? `Các đề cử đạt số phiếu theo quy định: ${elected.join(', ')}.`
      : 'Không có đề cử nào đạt số phiếu theo quy định.',
  );
  return lines.join('\n');
}
