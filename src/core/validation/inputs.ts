/**
 * The one decision "may this action read these sheets?": every action that reads the workbook's
 * inputs asks it before it writes anything, so a deleted or renamed sheet, a missing header, an
 * empty unit or criteria list or a duplicated code makes the action refuse and say why (issue 10,
 * Build 1) instead of writing a result computed from nothing (all-zero totals over a correct
 * ranking). The adapters only call it and show its message.
 */
import { finding, type Finding } from '../findings';
import { SHEET_NAMES, type SheetName } from '../layout/sheets';
import {
  SETUP_CAPTION,
  compareFindings,
  missingSheetFinding,
  readWorkbook,
  type WorkbookGrids,
  type WorkbookReadout,
} from './workbook';

export { SETUP_CAPTION };

export type InputAction = 'rank' | 'prepareBallots' | 'fillAwards' | 'pledge' | 'statistics';

export const INPUT_ACTION_CAPTIONS: { readonly [A in InputAction]: string } = {
  rank: 'Tính xếp hạng',
  prepareBallots: 'Tạo phiếu bình xét',
  fillAwards: 'Lập sổ khen thưởng từ xếp hạng',
  pledge: 'Tạo bản giao ước',
  statistics: 'Thống kê khen thưởng',
};

/** What a refusal leaves as it was, said in the refusal's first line. */
const NOTHING_DONE: { readonly [A in InputAction]: string } = {
  rank: `không ghi kết quả mới; trang "${SHEET_NAMES.ranking}" cũ (nếu có) được giữ nguyên, đánh dấu chưa cập nhật`,
  prepareBallots: `chưa tạo phiếu nào; trang "${SHEET_NAMES.votes}" giữ nguyên`,
  fillAwards: `chưa ghi hàng nào; trang "${SHEET_NAMES.awards}" giữ nguyên`,
  pledge: 'chưa tạo văn bản nào',
  statistics: `trang "${SHEET_NAMES.awardStatistics}" cũ (nếu có) được giữ nguyên`,
};

const SCORING: readonly SheetName[] = [
  SHEET_NAMES.settings,
  SHEET_NAMES.units,
  SHEET_NAMES.criteria,
  SHEET_NAMES.selfScores,
  SHEET_NAMES.verifiedScores,
];

/**
 * The sheets an action reads, by name. Chấm chéo counts only when Cấu hình says cross scores
 * are used: otherwise its absence changes nothing the action computes.
 */
export function neededSheets(action: InputAction, useCrossScores: boolean): readonly SheetName[] {
  const scoring = useCrossScores ? [...SCORING, SHEET_NAMES.crossScores] : SCORING;
  switch (action) {
    // The register's own sheet and columns are checked by the fill, which names the columns.
    case 'rank':
    case 'prepareBallots':
    case 'fillAwards':
      return scoring;
    case 'pledge':
      return [SHEET_NAMES.settings, SHEET_NAMES.units, SHEET_NAMES.criteria];
    case 'statistics':
      return [SHEET_NAMES.awards];
  }
}

/** Why a problem blocks, which decides the repair the message names. */
type Repair = 'setup' | 'units' | 'criteria' | 'duplicates' | 'settings';

interface Problem {
  readonly finding: Finding;
  readonly repair: Repair;
}

/** The same words as the pledge's check: `Trang "Đơn vị", ô A2: chưa nhập các đơn vị của cụm.` */
function emptyListFinding(sheet: SheetName, field: string): Finding {
  return finding(sheet, 'A2', 'required-missing', '', { field });
}

const REPAIRS: { readonly [R in Repair]: string } = {
  setup: `chọn Thi đua › «${SETUP_CAPTION}» để khôi phục trang và tiêu đề còn thiếu (điểm đã nhập được giữ)`,
  units: `nhập các đơn vị vào trang "${SHEET_NAMES.units}", rồi chọn «${SETUP_CAPTION}» để tạo hàng chấm điểm`,
  criteria: `nhập các tiêu chí vào trang "${SHEET_NAMES.criteria}", rồi chọn «${SETUP_CAPTION}» để tạo cột chấm điểm`,
  duplicates: 'sửa các mã bị trùng để mỗi mã chỉ có ở một hàng',
  settings: `sửa các ô của trang "${SHEET_NAMES.settings}" nêu trên`,
};

const MAX_LISTED = 8;

export type InputCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** The blocking problems, in reading order (also reported by "Kiểm tra dữ liệu"). */
      readonly findings: readonly Finding[];
      /** Vietnamese: what is missing, that nothing was changed, and what repairs it. */
      readonly message: string;
    };

/** Only the sheets the action reads, so an unrelated broken sheet does not block it. */
function pick(grids: WorkbookGrids, names: readonly SheetName[]): WorkbookGrids {
  const picked: WorkbookGrids = {};
  for (const name of names) {
    const grid = grids[name];
    if (grid !== undefined) picked[name] = grid;
  }
  return picked;
}

function problemsOf(
  action: InputAction,
  grids: WorkbookGrids,
  readout: WorkbookReadout,
): Problem[] {
  const needed = neededSheets(action, readout.settings?.useCrossScores ?? false);
  const problems: Problem[] = [];
  const missing = new Set<string>();
  for (const sheet of needed) {
    if (grids[sheet] !== undefined) continue;
    missing.add(sheet);
    problems.push({ finding: missingSheetFinding(sheet), repair: 'setup' });
  }
  const neededSet = new Set<string>(needed);
  for (const f of readout.findings) {
    if (!neededSet.has(f.sheet) || missing.has(f.sheet) || f.severity !== 'error') continue;
    if (f.code === 'header-missing') problems.push({ finding: f, repair: 'setup' });
    else if (
      f.code === 'duplicate-code' &&
      (f.sheet === SHEET_NAMES.units || f.sheet === SHEET_NAMES.criteria)
    ) {
      problems.push({ finding: f, repair: 'duplicates' });
    }
  }
  if (
    neededSet.has(SHEET_NAMES.settings) &&
    !missing.has(SHEET_NAMES.settings) &&
    readout.settings === undefined
  ) {
    for (const f of readout.findings) {
      if (f.sheet === SHEET_NAMES.settings && f.severity === 'error' && f.code !== 'header-missing')
        problems.push({ finding: f, repair: 'settings' });
    }
  }
  if (neededSet.has(SHEET_NAMES.units) && !missing.has(SHEET_NAMES.units)) {
    if (readout.units.length === 0) {
      problems.push({
        finding: emptyListFinding(SHEET_NAMES.units, 'các đơn vị của cụm'),
        repair: 'units',
      });
    }
  }
  if (neededSet.has(SHEET_NAMES.criteria) && !missing.has(SHEET_NAMES.criteria)) {
    if (readout.tree.criteria.length === 0) {
      problems.push({
        finding: emptyListFinding(SHEET_NAMES.criteria, 'các tiêu chí thi đua'),
        repair: 'criteria',
      });
    }
  }
  return problems.sort((a, b) => compareFindings(a.finding, b.finding));
}

function refusalMessage(action: InputAction, problems: readonly Problem[]): string {
  const caption = INPUT_ACTION_CAPTIONS[action];
  const shown = problems.slice(0, MAX_LISTED).map((p) => `• ${p.finding.message}`);
  const more = problems.length - shown.length;
  if (more > 0) shown.push(`• … và ${String(more)} vấn đề khác (xem «Kiểm tra dữ liệu»).`);
  const repairs = [...new Set(problems.map((p) => p.repair))].map((r) => `– ${REPAIRS[r]}.`);
  return [
    `«${caption}» chưa chạy được vì dữ liệu đầu vào chưa đủ: ${NOTHING_DONE[action]}.`,
    ...shown,
    'Cách sửa:',
    ...repairs,
  ].join('\n');
}

/**
 * Checks the inputs `action` needs. `readout` is the caller's readWorkbook of the same grids when
 * it has one (the ranking reads them anyway); otherwise the needed sheets are read here.
 */
export function checkInputs(
  action: InputAction,
  grids: WorkbookGrids,
  readout?: WorkbookReadout,
): InputCheck {
  const read = readout ?? readWorkbook(pick(grids, neededSheets(action, true)));
  const problems = problemsOf(action, grids, read);
  if (problems.length === 0) return { ok: true };
  return {
    ok: false,
    findings: problems.map((p) => p.finding),
    message: refusalMessage(action, problems),
  };
}

/**
 * The structural problems the ranking would refuse on that the sheet readers do not report
 * themselves (a missing score sheet, an empty unit or criteria list), for "Kiểm tra dữ liệu", so
 * the check never says "Không phát hiện lỗi" where "Tính xếp hạng" refuses.
 */
export function structureFindings(grids: WorkbookGrids, readout: WorkbookReadout): Finding[] {
  const known = new Set(readout.findings.map((f) => `${f.sheet}!${f.cell}|${f.code}`));
  const extra: Finding[] = [];
  for (const p of problemsOf('rank', grids, readout)) {
    const f = p.finding;
    if (known.has(`${f.sheet}!${f.cell}|${f.code}`)) continue;
    extra.push(f);
  }
  return extra;
}
