/**
 * The fuzz campaign: sequences of random user actions over the built bundle, each from a freshly
 * set-up sample workbook, with every invariant checked after every step. Sequence i is generated
 * by fast-check from seed + i, so any sequence can be replayed alone (FUZZ_SEED, FUZZ_ONLY).
 * A violated invariant does not stop the campaign: each defect class is reported once, with the
 * first sequence that showed it, the steps up to it, and how many sequences showed it.
 */
import fc from 'fast-check';
import { CONSUMER, WORKSPACE } from '../e2e/roleWorkbook';
import { actionArb, type Action } from './actions';
import {
  baseline,
  checkCellLimits,
  checkCertificates,
  checkMessages,
  checkRanking,
  checkTyped,
  emptyCoverage,
  type Coverage,
  type Violation,
} from './invariants';
import { World } from './world';

export interface CampaignOptions {
  readonly runs: number;
  readonly steps: number;
  readonly seed: number;
  /** Replay only this sequence index. */
  readonly only?: number;
}

export interface Finding {
  readonly kind: string;
  readonly detail: string;
  readonly sequence: number;
  readonly step: number;
  readonly steps: readonly string[];
  count: number;
}

export interface CampaignReport {
  readonly options: CampaignOptions;
  readonly findings: Finding[];
  readonly coverage: Coverage;
  readonly stepsRun: number;
}

export function campaignOptionsFromEnv(defaults: { runs: number; steps: number }): CampaignOptions {
  const int = (name: string, fallback: number): number => {
    const v = process.env[name];
    return v === undefined || v === '' ? fallback : Number.parseInt(v, 10);
  };
  const only = process.env.FUZZ_ONLY;
  return {
    runs: int('FUZZ_RUNS', defaults.runs),
    steps: int('FUZZ_STEPS', defaults.steps),
    seed: int('FUZZ_SEED', 20261205),
    ...(only === undefined || only === '' ? {} : { only: Number.parseInt(only, 10) }),
  };
}

export function sequenceOf(options: CampaignOptions, index: number): Action[] {
  const arb = fc.array(actionArb, { minLength: options.steps, maxLength: options.steps });
  const [actions] = fc.sample(arb, { seed: options.seed + index, numRuns: 1 });
  return actions ?? [];
}

/** Runs one sequence; returns its violations with the step they appeared at. */
export function runSequence(
  index: number,
  actions: readonly Action[],
  coverage: Coverage,
): { violations: (Violation & { step: number })[]; log: string[] } {
  let t = Date.now();
  const lap = (key: 'msWorkbooks' | 'msActions' | 'msChecks'): void => {
    const now = Date.now();
    coverage[key] += now - t;
    t = now;
  };
  const world = new World(index % 3 === 2 ? WORKSPACE : CONSUMER, index % 2 === 1);
  const base = baseline(world);
  lap('msWorkbooks');
  const violations: (Violation & { step: number })[] = [];
  actions.forEach((action, step) => {
    const since = { toasts: world.model.toasts.length, shown: world.host.ui.shown.length };
    const record = world.apply(action);
    lap('msActions');
    if (record.refused && action.kind !== 'menu') coverage.editsRefused++;
    if (record.menu !== undefined) coverage.menuRuns++;
    const shown = world.host.ui.shown.slice(since.shown);
    const askedAndYes = shown.some((d) => d.buttons.startsWith('YES') && d.answer === 'YES');
    const found = [
      ...checkMessages(world, record, since),
      ...checkTyped(world, record, coverage, askedAndYes),
      ...checkRanking(world, record, base, coverage),
      ...checkCellLimits(world),
      ...checkCertificates(world, coverage),
    ];
    for (const v of found) violations.push({ ...v, step });
    lap('msChecks');
  });
  return { violations, log: world.log };
}

export function runCampaign(options: CampaignOptions): CampaignReport {
  const coverage = emptyCoverage();
  const findings = new Map<string, Finding>();
  let stepsRun = 0;
  const indices =
    options.only === undefined ? Array.from({ length: options.runs }, (_, i) => i) : [options.only];
  for (const index of indices) {
    const actions = sequenceOf(options, index);
    const { violations, log } = runSequence(index, actions, coverage);
    stepsRun += actions.length;
    // A long campaign says how far it is (stderr: jest shows it as it comes).
    if (options.runs > 50 && (index + 1) % 10 === 0)
      process.stderr.write(
        `fuzz: ${String(index + 1)}/${String(options.runs)} sequences, ${String(findings.size)} defect classes so far\n`,
      );
    const seenHere = new Set<string>();
    for (const v of violations) {
      const existing = findings.get(v.kind);
      if (existing) {
        if (!seenHere.has(v.kind)) existing.count++;
      } else {
        findings.set(v.kind, {
          kind: v.kind,
          detail: v.detail,
          sequence: index,
          step: v.step,
          steps: log.slice(0, v.step + 1),
          count: 1,
        });
      }
      seenHere.add(v.kind);
    }
  }
  return { options, findings: [...findings.values()], coverage, stepsRun };
}

export function reportText(report: CampaignReport): string {
  const { options, coverage } = report;
  const lines = [
    `fuzz campaign: ${String(options.only === undefined ? options.runs : 1)} sequences × ${String(options.steps)} steps (seed ${String(options.seed)}), ${String(report.stepsRun)} steps run`,
    `  menu runs ${String(coverage.menuRuns)}, user actions refused by Sheets ${String(coverage.editsRefused)}, typed-cell checks ${String(coverage.typedChecked)}`,
    `  rankings written ${String(coverage.rankingsWritten)} (judged by the oracle ${String(coverage.rankingsJudged)}), refused ${String(coverage.rankingsRefused)}; certificates made (max live PDFs) ${String(coverage.certificatesMade)}`,
    `  time: workbooks ${String(coverage.msWorkbooks)} ms, actions ${String(coverage.msActions)} ms, checks ${String(coverage.msChecks)} ms`,
    `  defect classes: ${String(report.findings.length)}`,
  ];
  for (const f of report.findings) {
    lines.push(
      `- ${f.kind} (${String(f.count)} sequence(s); first: sequence ${String(f.sequence)}, step ${String(f.step)})`,
      `    ${f.detail}`,
      ...f.steps.slice(-12).map((s, i, all) => `    ${String(f.step - all.length + 1 + i)}. ${s}`),
    );
  }
  return lines.join('\n');
}
