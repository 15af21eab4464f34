/**
 * The ranking from the input sheets' grids as read (one grid per sheet): read, locate, compute,
 * fingerprint. Used by "Tính xếp hạng" and by "Tạo phiếu bình xét", which must see exactly the
 * ranking the first one wrote.
 */
import { gridsFingerprint } from '../fingerprint';
import { SETTING_ROWS } from '../layout/settings';
import { labelKey } from '../readers/cells';
import type { Finding } from '../findings';
import { SHEET_NAMES } from '../layout/sheets';
import type { ClusterSettings } from '../model/settings';
import { readWorkbook, type WorkbookGrids, type WorkbookReadout } from '../validation/workbook';
import { checkInputs, type InputAction } from '../validation/inputs';
import { computeRanking, type RankingResult } from './computeRanking';
import { RANKING_INPUT_SHEETS, matrixLocator } from './rankingSheet';

export type WorkbookRanking =
  | {
      readonly ok: true;
      readonly settings: ClusterSettings;
      readonly readout: WorkbookReadout;
      readonly result: RankingResult;
      readonly fingerprint: string;
    }
  | {
      readonly ok: false;
      /** Vietnamese: why nothing can be ranked, with the first problems found. */
      readonly message: string;
      readonly findings: readonly Finding[];
      readonly fingerprint: string;
    };

const MAX_LISTED = 5;

function listed(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const shown = (errors.length > 0 ? errors : findings).slice(0, MAX_LISTED);
  return shown.map((f) => `• ${f.message}`).join('\n');
}

/**
 * The Cấu hình rows a ranking depends on. Rows such as template ids, the output folder or the
 * links a pledge writes back say where documents go, not how units are scored: they are left out
 * of the fingerprint, so making a pledge does not make the ranking look stale. A new scoring
 * setting must be listed here (it has to be wired into the ranking anyway).
 */
const RANKING_SETTING_KEYS: ReadonlySet<string> = new Set([
  'clusterName',
  'year',
  'bandExcellent',
  'bandGood',
  'bandFair',
  'fallbackClassification',
  'flagCount',
  'flagClassification',
  'certificateCount',
  'certificateShare',
  'certificateClassifications',
  'tieBreak',
  'rankingMethod',
  'useCrossScores',
  'crossAggregation',
  'missingScorePolicy',
]);

const NON_RANKING_LABELS: ReadonlySet<string> = new Set(
  SETTING_ROWS.filter((row) => !RANKING_SETTING_KEYS.has(row.key)).map((row) =>
    labelKey(row.label),
  ),
);

/** False for a Cấu hình row that says where documents go (template, folder, certificate mode…). */
export function settingRowAffectsRanking(row: readonly unknown[]): boolean {
  return !row.some((cell) => NON_RANKING_LABELS.has(labelKey(cell)));
}

/** The inputs with Cấu hình reduced to the rows that can change a ranking. */
export function rankingRelevant(inputs: WorkbookGrids): WorkbookGrids {
  const settings = inputs[SHEET_NAMES.settings];
  if (settings === undefined) return inputs;
  const kept = settings.filter((row) => !(Array.isArray(row) && !settingRowAffectsRanking(row)));
  return { ...inputs, [SHEET_NAMES.settings]: kept };
}

function rankingInputs(grids: WorkbookGrids): WorkbookGrids {
  const inputs: WorkbookGrids = {};
  for (const name of RANKING_INPUT_SHEETS) {
    const grid = grids[name];
    if (grid !== undefined) inputs[name] = grid;
  }
  return inputs;
}

/** The fingerprint of what a ranking depends on, as rankWorkbook computes it. */
export function rankingFingerprint(grids: WorkbookGrids): string {
  return gridsFingerprint(rankingRelevant(rankingInputs(grids)), RANKING_INPUT_SHEETS);
}

const TIE_BREAK_LABEL = labelKey(SETTING_ROWS.find((r) => r.key === 'tieBreak')?.label ?? '');

/**
 * Whether Cấu hình has the tie-break row with a blank value. An empty chain means no tie-break
 * (issue 14, rule 5): ties stay ties and go to the vote. The settings reader leaves a blank
 * value to the schema's default chain (set-up's prefill), so the blank is looked for here.
 */
export function tieBreakLeftBlank(grid: readonly unknown[] | undefined): boolean {
  for (const row of grid ?? []) {
    if (!Array.isArray(row)) continue;
    const cells = row as readonly unknown[];
    if (labelKey(cells[0]) !== TIE_BREAK_LABEL) continue;
    const v = cells[1];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  }
  return false;
}

/**
 * Only the input sheets count: Bình xét or Xếp hạng in `grids` are ignored. `action` is the menu
 * item asking (ballots and the register fill rank too), named in a refusal.
 */
export function rankWorkbook(grids: WorkbookGrids, action: InputAction = 'rank'): WorkbookRanking {
  const inputs = rankingInputs(grids);
  const fingerprint = rankingFingerprint(inputs);
  const readout = readWorkbook(inputs);
  // Missing sheets, headers, units, criteria or duplicated codes: refuse, never rank zeros.
  const check = checkInputs(action, inputs, readout);
  if (!check.ok) {
    return { ok: false, message: check.message, findings: check.findings, fingerprint };
  }
  const settings =
    readout.settings && tieBreakLeftBlank(inputs[SHEET_NAMES.settings])
      ? { ...readout.settings, tieBreak: [] }
      : readout.settings;
  if (settings === undefined) {
    return {
      ok: false,
      message: `Chưa xếp hạng được: trang "${SHEET_NAMES.settings}" chưa đúng.\n${listed(readout.findings)}`,
      findings: readout.findings,
      fingerprint,
    };
  }
  if (readout.units.length === 0) {
    return {
      ok: false,
      message: `Chưa xếp hạng được: trang "${SHEET_NAMES.units}" chưa có đơn vị nào.${readout.findings.length > 0 ? `\n${listed(readout.findings)}` : ''}`,
      findings: readout.findings,
      fingerprint,
    };
  }
  const locate = matrixLocator(
    inputs[SHEET_NAMES.selfScores],
    SHEET_NAMES.selfScores,
    readout.units,
    readout.tree,
  );
  const result = computeRanking({
    settings,
    units: readout.units,
    tree: readout.tree,
    entries: [...readout.selfScores, ...readout.verifiedScores, ...readout.crossScores],
    locate,
  });
  return { ok: true, settings, readout: { ...readout, settings }, result, fingerprint };
}
