/**
 * Where executions of a job begin: the menu's start (under the lock, after the action's own
 * checks), the continuation trigger, and "Hủy tác vụ". Each passes the execution's start time to
 * the runner, so its budget counts from the entry point.
 */
import {
  CONTINUE_AFTER_MS,
  isActive,
  jobId,
  newJobRecord,
  serializeJob,
  type JobRecord,
} from '../../core/jobs';
import { LOCK_WAIT_MS, busyMessage } from '../lock';
import { alertUser, toast } from '../notify';
import {
  JOB_PROPERTY,
  deleteContinuations,
  execute,
  loadJob,
  progressText,
  properties,
  saveJob,
  scheduleContinuation,
  type JobHandler,
  type JobItem,
  type RunOptions,
} from './runner';

/** Runs `work` holding the document lock, or tells the user why not. */
function withLock<T>(
  caption: string,
  work: () => T,
  tell: (message: string) => void,
): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    tell(busyMessage(caption));
    return undefined;
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

export type Began =
  | {
      readonly ok: true;
      readonly params: Record<string, string>;
      /** Rows the job will make (queued). */
      readonly total: number;
      /** Rows `begin` already marked failed or skipped: the job counts them as its own. */
      readonly failed?: number;
      readonly skipped?: number;
      /** Said before the job's report (e.g. that only the selection is made, and how to do all). */
      readonly notice?: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Starts a job from a menu. `begin` runs under the lock before the job record is made (e.g. marks
 * the chosen rows "Đang chờ"); it returns the job's params, or a message to stop with.
 */
export function startJob<Ctx, Item extends JobItem>(
  handler: JobHandler<Ctx, Item>,
  begin: (id: string) => Began,
  options: RunOptions = {},
): JobRecord | undefined {
  const started = { ...options, startedMs: options.startedMs ?? Date.now() };
  return withLock(
    handler.caption,
    () => {
      const previous = loadJob();
      if (previous !== null && isActive(previous)) {
        alertUser(
          `${progressText(previous, handler.caption)} Một tác vụ đang chạy trên bảng tính này; chờ tác vụ xong hoặc dùng «Hủy tác vụ» trước khi bắt đầu lại.`,
          handler.caption,
        );
        return undefined;
      }
      const id = jobId(Date.now(), previous?.id ?? null);
      const began = begin(id);
      if (!began.ok) {
        alertUser(began.message, handler.caption);
        return undefined;
      }
      let job = newJobRecord(
        id,
        handler.kind,
        Date.now(),
        began.params,
        Session.getActiveUser().getEmail(),
      );
      // A previous job killed mid-chunk and then cancelled: its in-flight keys are still healed.
      const failed = began.failed ?? 0;
      const skipped = began.skipped ?? 0;
      // The final message counts what the rows show: rows refused at the start are the job's too.
      job = {
        ...job,
        total: began.total + failed + skipped,
        failed,
        skipped,
        inflight: previous?.inflight ?? [],
      };
      job = saveJob(job);
      const report = execute(handler, job, started);
      alertUser(
        began.notice === undefined ? report.message : `${began.notice}\n\n${report.message}`,
        handler.caption,
      );
      return report.job;
    },
    (message) => {
      alertUser(message, handler.caption);
    },
  );
}

/** Continues the job in the record (time-driven trigger). */
export function continueJob<Ctx, Item extends JobItem>(
  handlers: ReadonlyMap<string, JobHandler<Ctx, Item>>,
  options: RunOptions = {},
): JobRecord | undefined {
  const started = { ...options, startedMs: options.startedMs ?? Date.now() };
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    // Someone else is writing: try again in a minute (the trigger that fired is replaced).
    scheduleContinuation(CONTINUE_AFTER_MS);
    return undefined;
  }
  try {
    const job = loadJob();
    if (job === null || !isActive(job)) {
      deleteContinuations();
      return job ?? undefined;
    }
    const handler = handlers.get(job.kind);
    if (handler === undefined) {
      deleteContinuations();
      return undefined;
    }
    if (job.status === 'paused-quota' && Date.now() < job.resumeAfterMs) {
      scheduleContinuation(job.resumeAfterMs - Date.now());
      return job;
    }
    const report = execute(handler, { ...job, status: 'running' }, started);
    toast(report.message, 10);
    console.log(report.message);
    return report.job;
  } finally {
    lock.releaseLock();
  }
}

/** "Hủy tác vụ": marks the job cancelled and deletes its trigger; no lock (a run may hold it). */
export function cancelJob(captionOf: (kind: string) => string): void {
  const job = loadJob();
  if (job === null || !isActive(job)) {
    deleteContinuations();
    alertUser('Không có tác vụ nào đang chạy.', 'Hủy tác vụ');
    return;
  }
  const cancelled: JobRecord = { ...job, status: 'cancelled', updatedMs: Date.now() };
  properties().setProperty(JOB_PROPERTY, serializeJob(cancelled));
  deleteContinuations();
  alertUser(progressText(cancelled, captionOf(job.kind)), 'Hủy tác vụ');
}
