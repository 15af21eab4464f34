/**
 * "Tạo phiếu bình xét" and "Kiểm phiếu bình xét".
 *
 * Ballots are made from the ranking the cluster saw: the ranking is recomputed from the input
 * sheets and used only when their fingerprint equals the one "Tính xếp hạng" stored, so ballots
 * never follow scores edited after Xếp hạng was written. Rows are merged with the marks already
 * entered (same voter and nominee) and the user confirms before anything is replaced; each
 * voter's block is then protected for that voter, the heads and the owner.
 *
 * Each action reads every sheet it needs once and writes each block once; the number of calls
 * does not depend on the number of units or nominees.
 */
import { emailKey, nameKey } from '../../core/text/normalize';
import { decidePlaces, type NomineeEntry } from '../../core/votes/places';
import {
  VOTE_STATE_PROPERTY,
  firstRoundPlaces,
  lastRound,
  openPlaces,
  parseNomineeLabel,
  parseVoteState,
  recordRound,
  serializeVoteState,
  type VoteState,
} from '../../core/votes/rounds';
import { SHEET_NAMES } from '../../core/layout/sheets';
import { BALLOT_MARK_LABELS, SPOILED_LABEL } from '../../core/layout/labels';
import { VOTES_LAYOUT } from '../../core/layout/tables';
import { NUMBER_FORMATS } from '../../core/layout/columns';
import { formatNumberVi } from '../../core/format/vietnamese';
import { RANKING_INPUT_SHEETS, RANKING_PROPERTY_KEYS } from '../../core/ranking/rankingSheet';
import { rankWorkbook } from '../../core/ranking/rankWorkbook';
import { readSettings } from '../../core/readers/settings';
import { readUnits } from '../../core/readers/units';
import { readBallots } from '../../core/readers/ballots';
import { minutesText, tallyVotes } from '../../core/votes/tally';
import {
  VOTE_RESULT_SHEET,
  ballotNominees,
  ballotReplaceQuestion,
  nomineeParties,
  type BallotNominee,
  type BallotPlan,
  nextRoundNominees,
  nomineesInBallots,
  planBallots,
  tallyToast,
  voteProblemLines,
  voteResultBlock,
} from '../../core/votes/ballotSheet';
import {
  BALLOTS_CHANGED_MESSAGE,
  BALLOT_PROTECTION_PREFIX,
  ballotConsentKey,
  ballotProtectionNote,
  planBallotProtections,
} from '../../core/votes/ballotProtections';
import type { Unit } from '../../core/model/unit';
import type { Ballot } from '../../core/model/ballot';
import type { Finding } from '../../core/findings';
import { createSecretBallot, readSecretBallots } from './secretBallot';
import { runLocked, runMenuAction } from '../lock';
import { alertUser, errorMessage, toast } from '../notify';
import { activeWorkbook, readGrids, sheetWithRoom } from '../workbook';
import { requirePermission } from '../permissions';
import { fitCells } from '../../core/cellText';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PREPARE = 'Tạo phiếu bình xét';
const TALLY = 'Kiểm phiếu bình xét';

type BallotDraft =
  | { readonly ok: false; readonly message: string }
  | {
      readonly ok: true;
      readonly units: readonly Unit[];
      readonly nominees: readonly BallotNominee[];
      /** 1, or the round after a tie at the last place. */
      readonly round: number;
      /** Cấu hình asks for a secret ballot in a Google Form. */
      readonly secret: boolean;
      readonly clusterName: string;
      readonly year: number;
      readonly plan: BallotPlan;
    };

/** Reads the ranking inputs and Bình xét once and plans the ballot rows; writes nothing. */
function draftBallots(workbook: Spreadsheet): BallotDraft {
  const grids = readGrids(workbook, [...RANKING_INPUT_SHEETS, SHEET_NAMES.votes]);
  const ranking = rankWorkbook(grids, 'prepareBallots');
  if (!ranking.ok) return { ok: false, message: ranking.message };
  const stored = PropertiesService.getDocumentProperties().getProperty(
    RANKING_PROPERTY_KEYS.fingerprint,
  );
  if (stored === null) {
    return {
      ok: false,
      message: `Chưa có kết quả xếp hạng. Hãy chọn «Tính xếp hạng» trước, rồi tạo phiếu bình xét theo các đề nghị trong trang "${SHEET_NAMES.ranking}".`,
    };
  }
  if (stored !== ranking.fingerprint) {
    return {
      ok: false,
      message:
        `Dữ liệu chấm điểm đã thay đổi sau lần xếp hạng gần nhất, nên trang "${SHEET_NAMES.ranking}" chưa cập nhật. ` +
        'Hãy chọn «Tính xếp hạng» lại rồi tạo phiếu bình xét.',
    };
  }
  // A tie at the last place of the round tallied last: the next ballot is of the tied only.
  const state = parseVoteState(
    PropertiesService.getDocumentProperties().getProperty(VOTE_STATE_PROPERTY),
  );
  const last = lastRound(state);
  const nextRound =
    state?.rankingFingerprint === stored && last && last.valid && last.open.length > 0
      ? last.round + 1
      : 1;
  const nominees =
    nextRound > 1 && last
      ? nextRoundNominees(last.open, nextRound)
      : ballotNominees(ranking.result);
  if (nominees.length === 0) {
    return {
      ok: false,
      message: 'Kết quả xếp hạng chưa đề nghị khen thưởng đơn vị nào, nên chưa có gì để bình xét.',
    };
  }
  const units = ranking.readout.units;
  return {
    ok: true,
    units,
    nominees,
    round: nextRound,
    secret: ranking.settings.secretVote,
    clusterName: ranking.settings.clusterName,
    year: ranking.settings.year,
    plan: planBallots(grids[SHEET_NAMES.votes], units, nominees),
  };
}

/**
 * Read and plan, ask, then take the lock and read again: a dialog suspends the script and the
 * document lock does not survive it (DESIGN §4), so nothing planned before the question is
 * written. If what the question said changed meanwhile, nothing is written at all.
 */
export function menuPrepareBallots(): void {
  if (!requirePermission('prepareBallots')) return;
  const workbook = activeWorkbook();
  let draft: BallotDraft;
  try {
    draft = draftBallots(workbook);
  } catch (error) {
    alertUser(`«${PREPARE}» không hoàn thành: ${errorMessage(error)}`, PREPARE);
    return;
  }
  if (!draft.ok) {
    alertUser(draft.message, PREPARE);
    return;
  }
  if (draft.secret) {
    runLocked(PREPARE, () => {
      const now = draftBallots(workbook);
      if (!now.ok) {
        alertUser(now.message, PREPARE);
        return;
      }
      const record = createSecretBallot(now.nominees, now.round, {
        clusterName: now.clusterName,
        year: now.year,
        members: now.units.length,
      });
      alertUser(secretBallotMessage(record.url, now.nominees.length, now.round), PREPARE);
    });
    return;
  }
  const asked = draft.plan.existingRows > 0;
  if (asked) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      PREPARE,
      (draft.round > 1 ? roundQuestionPrefix(draft.round) : '') +
        ballotReplaceQuestion(draft.plan, draft.nominees.length, draft.units.length),
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      toast(`Đã hủy: trang "${SHEET_NAMES.votes}" giữ nguyên.`);
      return;
    }
  }
  const consent = ballotConsentKey(draft.plan, draft.nominees, draft.units);
  runLocked(PREPARE, () => {
    const now = draftBallots(workbook);
    if (!now.ok) {
      alertUser(now.message, PREPARE);
      return;
    }
    if (ballotConsentKey(now.plan, now.nominees, now.units) !== consent) {
      alertUser(BALLOTS_CHANGED_MESSAGE, PREPARE);
      return;
    }
    writeBallots(workbook, now.units, now.nominees, now.plan);
  });
}

function writeBallots(
  workbook: Spreadsheet,
  units: readonly Unit[],
  nominees: readonly BallotNominee[],
  plan: BallotPlan,
): void {
  const width = VOTES_LAYOUT.columns.length;
  const height = plan.rows.length;
  const sheet = sheetWithRoom(
    workbook,
    SHEET_NAMES.votes,
    Math.max(height, plan.previousHeight),
    width,
  );
  // The old rows (however many) lose their contents and validations; the new block replaces them.
  const all = sheet.getRange(1, 1, Math.max(height, plan.previousHeight), width);
  all.clearDataValidations();
  all.clearContent();
  const block = sheet.getRange(1, 1, height, width);
  // Codes and marks are text: "001" must not become 1, and nothing typed becomes a formula.
  block.setNumberFormat(NUMBER_FORMATS.text);
  block.setValues(fitCells(plan.rows));
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(VOTES_LAYOUT.frozenRows);
  if (height > 1) {
    const markColumn = VOTES_LAYOUT.columns.findIndex((c) => c.key === 'mark') + 1;
    const spoiledColumn = VOTES_LAYOUT.columns.findIndex((c) => c.key === 'spoiled') + 1;
    sheet.getRange(2, markColumn, height - 1, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(Object.values(BALLOT_MARK_LABELS), true)
        .setAllowInvalid(false)
        .setHelpText(`Chọn ${Object.values(BALLOT_MARK_LABELS).join(' hoặc ')}, hoặc để trống.`)
        .build(),
    );
    sheet.getRange(2, spoiledColumn, height - 1, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([SPOILED_LABEL], true)
        // The tally also accepts "x" or a tick for a spoiled ballot.
        .setAllowInvalid(true)
        .build(),
    );
  }
  const blocked = protectBallots(sheet, units, nominees.length);
  toast(
    `Đã tạo ${formatNumberVi(height - 1)} dòng phiếu: ${formatNumberVi(units.length)} đơn vị × ` +
      `${formatNumberVi(nominees.length)} đề nghị (${nominees.map((n) => n.label).join(', ')})` +
      (plan.keptEntries > 0 ? `; giữ ${formatNumberVi(plan.keptEntries)} ý kiến đã ghi` : '') +
      `; mỗi đơn vị chỉ sửa được phiếu của mình.${ballotProtectionNote(blocked)}`,
    blocked.length > 0 ? 20 : 8,
  );
}

/**
 * Replaces the ballot protections the product made before with one per voter's block. Each new
 * protection follows the Protection reference's order: keep the current user, remove everyone
 * else (a new protection lists every editor of the file), turn off domain edit only where it is
 * on, then add the allowed editors. Returns the descriptions of old ones this user may not edit.
 */
function protectBallots(sheet: Sheet, units: readonly Unit[], nominees: number): string[] {
  const blocked: string[] = [];
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = p.getDescription();
    if (!description.startsWith(BALLOT_PROTECTION_PREFIX)) continue;
    if (p.canEdit()) p.remove();
    else blocked.push(description);
  }
  const me = Session.getEffectiveUser().getEmail();
  for (const planned of planBallotProtections(units, nominees)) {
    const protection = sheet
      .getRange(planned.row, planned.column, planned.numRows, planned.numColumns)
      .protect()
      .setDescription(planned.description);
    if (me !== '') protection.addEditor(me);
    const others = protection
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e !== '' && emailKey(e) !== emailKey(me));
    if (others.length > 0) protection.removeEditors(others);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    if (planned.editors.length > 0) protection.addEditors([...planned.editors]);
  }
  return blocked;
}

export function menuTallyVotes(): void {
  if (!requirePermission('tallyVotes')) return;
  runMenuAction(TALLY, tally);
}

function tally(workbook: Spreadsheet): void {
  const grids = readGrids(workbook, [SHEET_NAMES.settings, SHEET_NAMES.units, SHEET_NAMES.votes]);
  const settingsGrid = grids[SHEET_NAMES.settings];
  const unitsGrid = grids[SHEET_NAMES.units];
  const votesGrid = grids[SHEET_NAMES.votes];
  const settingsRead = settingsGrid === undefined ? undefined : readSettings(settingsGrid);
  const settings = settingsRead?.value;
  if (settings === undefined) {
    alertUser(`Chưa kiểm phiếu được: trang "${SHEET_NAMES.settings}" chưa đúng.`, TALLY);
    return;
  }
  const units = unitsGrid === undefined ? [] : readUnits(unitsGrid).value;
  if (units.length === 0) {
    alertUser(`Chưa kiểm phiếu được: trang "${SHEET_NAMES.units}" chưa có đơn vị nào.`, TALLY);
    return;
  }
  let nominees: string[];
  let ballots: { value: Ballot[]; findings: readonly Finding[] };
  if (settings.secretVote) {
    const secret = readSecretBallots(PREPARE);
    if (!secret.ok) {
      alertUser(secret.message, TALLY);
      return;
    }
    nominees = secret.record.labels;
    ballots = { value: secret.ballots, findings: [] };
  } else {
    nominees = votesGrid === undefined ? [] : nomineesInBallots(votesGrid);
    if (votesGrid === undefined || nominees.length === 0) {
      alertUser(
        `Trang "${SHEET_NAMES.votes}" chưa có phiếu nào. Hãy chọn «${PREPARE}» rồi ghi ý kiến của từng đơn vị.`,
        TALLY,
      );
      return;
    }
    ballots = readBallots(votesGrid, { units, nominees });
  }
  const labelled = ballotEntries(nominees, units);
  if (!labelled.ok) {
    alertUser(labelled.message, TALLY);
    return;
  }
  const properties = PropertiesService.getDocumentProperties();
  const previous = parseVoteState(properties.getProperty(VOTE_STATE_PROPERTY));
  const round = labelled.round;
  const before = previous?.rounds.find((r) => r.round === round - 1);
  if (round > 1 && (before === undefined || before.open.length === 0)) {
    alertUser(
      `Phiếu trong trang "${SHEET_NAMES.votes}" là phiếu vòng ${String(round)}, nhưng chưa có kết quả vòng ${String(round - 1)} với đề cử bằng phiếu. ` +
        `Hãy chọn «${PREPARE}» để tạo lại phiếu.`,
      TALLY,
    );
    return;
  }
  const result = tallyVotes({
    ballots: ballots.value,
    nominees: nomineeParties(nominees, units),
    members: units.map((u) => ({ code: u.code, name: u.name })),
    rule: settings.vote,
    ...(settings.vote.attendance === undefined ? {} : { attendance: settings.vote.attendance }),
    anonymous: settings.secretVote,
  });
  const places = decidePlaces({
    tally: result,
    entries: labelled.entries,
    placesOf:
      round > 1 && before
        ? openPlaces(before.open)
        : firstRoundPlaces(settings.quotas, units.length),
  });
  const rankingFingerprint =
    round > 1 && previous
      ? previous.rankingFingerprint
      : (properties.getProperty(RANKING_PROPERTY_KEYS.fingerprint) ?? '');
  const now = new Date();
  const [year, month, day] = Utilities.formatDate(
    now,
    workbook.getSpreadsheetTimeZone(),
    'yyyy-MM-dd',
  )
    .split('-')
    .map(Number);
  const minutes = minutesText(result, {
    clusterName: settings.clusterName,
    year: settings.year,
    ...(year && month && day ? { date: { year, month, day } } : {}),
    ...(settings.place ? { place: settings.place } : {}),
    purpose: round > 1 ? `đề nghị khen thưởng, vòng ${String(round)}` : 'đề nghị khen thưởng',
  });
  const problems = voteProblemLines(ballots.findings, result);
  const block = voteResultBlock(
    result,
    problems,
    minutes,
    `KẾT QUẢ BÌNH XÉT THI ĐUA NĂM ${String(settings.year)} - ${settings.clusterName}` +
      (round > 1 ? ` (VÒNG ${String(round)})` : ''),
    places,
  );

  const height = block.values.length;
  const sheet = sheetWithRoom(workbook, VOTE_RESULT_SHEET, height, block.width);
  sheet.clear();
  const range = sheet.getRange(1, 1, height, block.width);
  range.setNumberFormats(block.numberFormats.map((r) => [...r]));
  // Every string cell is text-formatted above, so it is kept verbatim, never a formula.
  range.setValues(fitCells(block.values));
  for (const row of block.boldRows) sheet.getRange(row, 1, 1, block.width).setFontWeight('bold');
  properties.setProperty(
    VOTE_STATE_PROPERTY,
    fitVoteState(recordRound(previous, round, rankingFingerprint, places, result)),
  );
  toast(tallyToast(result, problems.length, places), 10);
}

/** Properties hold 9 KB a value: a very long count is left out (the result sheet keeps it). */
function fitVoteState(state: VoteState): string {
  const json = serializeVoteState(state);
  if (json.length <= 8000) return json;
  return serializeVoteState({
    ...state,
    rounds: state.rounds.map((r) => ({ ...r, counts: [] })),
  });
}

function secretBallotMessage(url: string, nominees: number, round: number): string {
  return (
    `Đã tạo phiếu kín${round > 1 ? ` vòng ${String(round)}` : ''} (Google Form, ${formatNumberVi(nominees)} đề cử): ${url}\n` +
    'Gửi đường dẫn này cho tài khoản của từng đơn vị thành viên. Biểu mẫu không thu địa chỉ thư, mỗi tài khoản trả lời một lần. ' +
    'Nếu Google Forms báo biểu mẫu chưa xuất bản, mở biểu mẫu và bấm «Xuất bản» trước khi gửi. ' +
    `Khi mọi thành viên đã bỏ phiếu, chọn «${TALLY}»: biểu mẫu được đóng rồi mới đếm phiếu.`
  );
}

function roundQuestionPrefix(round: number): string {
  return (
    `Vòng trước có đề cử bằng phiếu ở suất cuối: tạo phiếu vòng ${String(round)} chỉ gồm các đề cử này. ` +
    `Kết quả vòng trước đã ghi trong trang "${VOTE_RESULT_SHEET}".\n`
  );
}

type LabelledBallot =
  | { readonly ok: true; readonly round: number; readonly entries: readonly NomineeEntry[] }
  | { readonly ok: false; readonly message: string };

/** The unit, form and round each ballot label names; all labels must be of one round. */
function ballotEntries(labels: readonly string[], units: readonly Unit[]): LabelledBallot {
  const byName = new Map<string, Unit>();
  for (const u of units) {
    byName.set(nameKey(u.name, { ignoreDiacritics: true }), u);
    byName.set(nameKey(u.code, { ignoreDiacritics: true }), u);
  }
  const entries: NomineeEntry[] = [];
  const rounds = new Set<number>();
  const unknown: string[] = [];
  for (const label of labels) {
    const parsed = parseNomineeLabel(label);
    const unit = parsed && byName.get(nameKey(parsed.unitName, { ignoreDiacritics: true }));
    if (!parsed || !unit) {
      unknown.push(label);
      continue;
    }
    rounds.add(parsed.round);
    entries.push({ label, unitCode: unit.code, unitName: unit.name, form: parsed.form });
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      message:
        `Chưa kiểm phiếu được: đề cử ${unknown.map((u) => `"${u}"`).join(', ')} trong trang "${SHEET_NAMES.votes}" ` +
        'không ghi đúng dạng "Tên đơn vị (Hình thức)" của một đơn vị trong trang Đơn vị. ' +
        `Hãy chọn «${PREPARE}» để tạo lại phiếu.`,
    };
  }
  if (rounds.size > 1) {
    return {
      ok: false,
      message: `Chưa kiểm phiếu được: trang "${SHEET_NAMES.votes}" có phiếu của nhiều vòng. Hãy chọn «${PREPARE}» để tạo lại phiếu.`,
    };
  }
  return { ok: true, round: [...rounds][0] ?? 1, entries };
}
