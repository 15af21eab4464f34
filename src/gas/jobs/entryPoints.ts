/**
 * Entry points of the job runner: the continuation trigger's handler and "Hủy tác vụ". Every job
 * kind's handler is registered here (the composition root), so the runner itself stays generic.
 */
import { CERTIFICATE_HANDLER, CERTIFICATES_CAPTION } from '../certificates/action';
import { PLEDGE_CAPTION, PLEDGE_HANDLER } from '../docs/pledgeJob';
import { DOSSIER_CAPTION, DOSSIER_HANDLER } from '../docs/dossierJob';
import type { JobHandler, JobItem } from './runner';
import { cancelJob, continueJob } from './start';
import { requirePermission } from '../permissions';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of different contexts share one registry
type AnyHandler = JobHandler<any, JobItem>;

const HANDLERS: ReadonlyMap<string, AnyHandler> = new Map<string, AnyHandler>([
  [CERTIFICATE_HANDLER.kind, CERTIFICATE_HANDLER as AnyHandler],
  [PLEDGE_HANDLER.kind, PLEDGE_HANDLER as AnyHandler],
  [DOSSIER_HANDLER.kind, DOSSIER_HANDLER as AnyHandler],
]);

const CAPTIONS: ReadonlyMap<string, string> = new Map([
  [CERTIFICATE_HANDLER.kind, CERTIFICATES_CAPTION],
  [PLEDGE_HANDLER.kind, PLEDGE_CAPTION],
  [DOSSIER_HANDLER.kind, DOSSIER_CAPTION],
]);

/** Time-driven trigger made by the runner: continues the current job. */
export function jobContinue(): void {
  // The budget counts from the execution's start, before the lock wait.
  continueJob(HANDLERS, { startedMs: Date.now() });
}

/** "Hủy tác vụ". */
export function menuCancelJob(): void {
  if (!requirePermission('cancelJob')) return;
  cancelJob((kind) => CAPTIONS.get(kind) ?? kind);
}
