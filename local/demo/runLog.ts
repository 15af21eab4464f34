/**
 * The demo's bookkeeping, apart from its story (run.ts): a session per workbook (menu clicks and
 * typing through its own host, each recorded as a step with its executions) and the run log that
 * describes every workbook's steps, host report and the totals.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalHost, RunResult } from '../host';
import type { ButtonName, ScriptedAnswer } from '../host/ui';
import { MENU } from '../../src/gas/menuDefinition';
import { quoteSheetName, rangeA1 } from '../../src/core/a1';

export interface StepLog {
  step: string;
  detail: string;
  runs: Array<{
    functionName: string;
    status: string;
    calls: number;
    virtualMs: number;
    error?: string;
  }>;
}

export const menuCaptions = MENU.items.flatMap((item) =>
  item === 'separator' ? [] : [item.caption],
);
const captionOf = (functionName: string): string => {
  const item = MENU.items.find((i) => i !== 'separator' && i.functionName === functionName);
  if (!item || item === 'separator') throw new Error(`no menu item calls ${functionName}`);
  return item.caption;
};

/** One workbook's run: its host (spreadsheet, Drive, triggers), the steps taken, its files. */
export interface WorkbookRun {
  title: string;
  host: LocalHost;
  steps: StepLog[];
  /** The saved .xlsx. */
  workbook: string;
  files: string[];
}

/** The menu, the keyboard and the log of one workbook's host. */
export interface Session {
  readonly host: LocalHost;
  readonly steps: StepLog[];
  readonly record: (step: string, detail: string, runs: RunResult[]) => void;
  readonly click: (
    functionName: string,
    detail: string,
    answers?: readonly (ScriptedAnswer | ButtonName)[],
    user?: string,
  ) => void;
  /** A person typing or pasting a block; simple and installable edit triggers run. */
  readonly type: (
    user: string,
    sheet: string,
    row: number,
    column: number,
    rows: unknown[][],
    detail: string,
  ) => void;
}

export function session(host: LocalHost): Session {
  const steps: StepLog[] = [];
  const record = (step: string, detail: string, runs: RunResult[]): void => {
    steps.push({
      step,
      detail,
      runs: runs.map((r) => ({
        functionName: r.execution.functionName,
        status: r.status,
        calls: r.calls,
        virtualMs: r.virtualMs,
        error: r.error,
      })),
    });
  };
  return {
    host,
    steps,
    record,
    click: (functionName, detail, answers = [], user = host.owner) => {
      for (const answer of answers) host.ui.answer(answer);
      record(`Thi đua › ${captionOf(functionName)}`, detail, [
        host.clickMenu(captionOf(functionName), user),
      ]);
    },
    type: (user, sheet, row, column, rows, detail) => {
      const a1 = `${quoteSheetName(sheet)}!${rangeA1(row, column, rows.length, rows[0]?.length ?? 1)}`;
      const outcome = host.edit(user, a1, rows);
      record(
        `${user} nhập ${a1}`,
        outcome.accepted ? detail : `${detail} — bị từ chối: ${outcome.reason ?? ''}`,
        outcome.runs,
      );
    },
  };
}

/** Executions, calls and virtual time of both workbooks together. */
export function demoTotals(runs: readonly WorkbookRun[]): {
  executions: number;
  calls: number;
  virtualMs: number;
  failed: { workbook: string; functionName: string; status: string; error?: string }[];
} {
  let executions = 0;
  let calls = 0;
  let virtualMs = 0;
  const failed: { workbook: string; functionName: string; status: string; error?: string }[] = [];
  for (const run of runs) {
    const r = run.host.report();
    executions += r.executions.length;
    calls += r.totalCalls;
    virtualMs += r.virtualMs;
    for (const e of r.executions)
      if (e.status !== 'ok')
        failed.push({
          workbook: run.title,
          functionName: e.functionName,
          status: e.status,
          error: e.error,
        });
  }
  return { executions, calls, virtualMs, failed };
}

function stepText(s: StepLog): string {
  return `${s.step}: ${s.detail}\n${s.runs
    .map(
      (r) =>
        `    ${r.functionName}: ${r.status}, ${r.calls} calls, ${(r.virtualMs / 1000).toFixed(2)} s${r.error ? ` — ${r.error}` : ''}`,
    )
    .join('\n')}`;
}

/** run-log.json and run-log.txt: each workbook's steps and host report, then the totals. */
export function writeRunLog(outDir: string, runs: readonly WorkbookRun[]): string[] {
  const totals = demoTotals(runs);
  const logJson = join(outDir, 'run-log.json');
  const logText = join(outDir, 'run-log.txt');
  writeFileSync(
    logJson,
    JSON.stringify(
      {
        workbooks: runs.map((run) => ({
          title: run.title,
          file: run.workbook,
          owner: run.host.owner,
          steps: run.steps,
          report: run.host.report(),
        })),
        totals,
      },
      null,
      2,
    ),
  );
  writeFileSync(
    logText,
    [
      'thidua demo — two workbooks in the local Apps Script host, each with its own bound script',
      ...runs.map((run, i) => `  ${String(i + 1)}. ${run.title}: ${run.workbook}`),
      `total: ${String(totals.executions)} executions, ${String(totals.calls)} calls, ${(totals.virtualMs / 1000).toFixed(1)} s virtual time`,
      ...runs.flatMap((run, i) => [
        '',
        `=== ${String(i + 1)}. ${run.title} ===`,
        '',
        ...run.steps.map(stepText),
        '',
        run.host.reportText(),
      ]),
    ].join('\n'),
  );
  return [logJson, logText];
}
