/**
 * The job runner (core plans, this file executes): one long action split over as many executions
 * as Apps Script's 6-minute limit and daily quotas need.
 *
 * Each execution: takes the document lock (bounded wait), loads the job record from the document
 * properties, makes sure a continuation trigger exists before doing anything (so even a killed
 * execution is continued), heals the chunk a killed execution left in flight, then takes chunks
 * while the time budget allows. Before a chunk the record lists the chunk's output keys; after it,
 * the handler writes the rows' statuses in one write and the record is saved (the checkpoint).
 * At the end: done or cancelled → the trigger is deleted; out of time → continued in a minute;
 * a daily quota → paused and probed every 1.5 h until Google restores it (24 h after the user's
 * first counted request, not at a fixed hour), said in a toast/alert; transient errors → continued
 * later with backoff. "Hủy tác vụ" marks the record cancelled and deletes the trigger; a running
 * execution sees it before its next chunk. An item that two executions left unfinished (killed at
 * 6 minutes) is split or marked failed, never taken for ever (src/core/jobs/stall.ts). Where
 * executions begin (menu start, trigger, cancel): ./start.ts.
 */
import {
  CONTINUE_AFTER_MS,
  DEFAULT_BUDGET_MS,
  DEFAULT_MAX_CHUNK,
  MAX_STALLED_EXECUTIONS,
  MAX_TRANSIENT_EXECUTIONS,
  MAX_TRIES_PER_EXECUTION,
  QUOTA_PROBE_MS,
  backoffMs,
  classifyError,
  continuationDelayMs,
  errorText,
  nextChunkSize,
  nextQuotaProbeMs,
  parseJob,
  stallVerdict,
  stalledKey,
  serializeJob,
  updatedMsPerItem,
  type JobRecord,
} from '../../core/jobs';
import { toast } from '../notify';

/** The document property holding the current (or last) job's record. */
export const JOB_PROPERTY = 'thidua.job';
/** The trigger handler that continues a job (exported by src/main.ts). */
export const CONTINUE_HANDLER = 'jobContinue';

export type ItemOutcome =
  | { readonly kind: 'done'; readonly link?: string; readonly note?: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'skipped'; readonly message: string }
  /** Left pending (transient failure): a later execution tries again. */
  | { readonly kind: 'retry'; readonly message: string };

export type ItemResult<Item> = { readonly item: Item; readonly outcome: ItemOutcome };

export interface JobItem {
  /** Deterministic output key (src/core/jobs/keys.ts). */
  readonly outputKey: string;
  /** How many rows the item stands for (a combined print file stands for many). */
  readonly weight?: number;
}

export type Prepared<Ctx, Item> =
  | {
      readonly ok: true;
      readonly ctx: Ctx;
      readonly items: readonly Item[];
      /** Rows adopted from a killed execution's outputs (already written to the sheet). */
      readonly healed?: {
        readonly done: number;
        readonly failed: number;
        readonly skipped: number;
      };
    }
  | { readonly ok: false; readonly message: string };

export interface JobHandler<Ctx, Item extends JobItem> {
  readonly kind: string;
  /** Vietnamese caption of the action, for messages. */
  readonly caption: string;
  /**
   * Reads what this execution needs (once) and returns the items still to do, in order. When
   * job.inflight lists output keys a killed execution left in flight, it first looks them up:
   * finished outputs are adopted (rows written, counted in `healed`), half-made ones cleaned up
   * so their rows are made again. Keys of earlier (cancelled) jobs may be among them.
   */
  prepare(job: JobRecord): Prepared<Ctx, Item>;
  /** Makes one item; throws on failure (the runner classifies and retries). */
  process(item: Item, ctx: Ctx, job: JobRecord): ItemOutcome;
  /** Records a chunk's outcomes in the sheet in one write (and the progress line). */
  checkpoint(results: readonly ItemResult<Item>[], ctx: Ctx, job: JobRecord): void;
  /** Shows the job's final state (done, cancelled, paused at a quota) where its progress shows. */
  settled?(ctx: Ctx, job: JobRecord): void;
  /**
   * The pending items regrouped so none stands for more than `maxWeight` rows (an item that could
   * not finish within one execution is split; stall.ts). Later executions' prepare sees the cap
   * in job.maxWeight and the reason in job.notice. Without it, such an item is marked failed.
   */
  split?(items: readonly Item[], maxWeight: number, ctx: Ctx, job: JobRecord): Item[];
}

export type RunOptions = {
  readonly budgetMs?: number;
  readonly maxChunk?: number;
  /**
   * When the execution began (its entry point): the budget counts from here, so the time the
   * lock wait and a menu's checks took is not granted again. Default: when the runner was called.
   */
  readonly startedMs?: number;
};

// ------------------------------------------------------------------ record and trigger

export function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function loadJob(): JobRecord | null {
  return parseJob(properties().getProperty(JOB_PROPERTY));
}

/** Saves the record; a cancel that came in meanwhile (another execution) wins. */
export function saveJob(job: JobRecord, now = Date.now()): JobRecord {
  const props = properties();
  const stored = parseJob(props.getProperty(JOB_PROPERTY));
  const next: JobRecord =
    stored !== null &&
    stored.id === job.id &&
    stored.status === 'cancelled' &&
    job.status !== 'cancelled'
      ? { ...job, status: 'cancelled', inflight: [], updatedMs: now }
      : { ...job, updatedMs: now };
  props.setProperty(JOB_PROPERTY, serializeJob(next));
  return next;
}

export function deleteContinuations(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
}

/** Replaces any continuation trigger by one that fires after `ms` (one trigger at most). */
export function scheduleContinuation(ms: number): void {
  deleteContinuations();
  ScriptApp.newTrigger(CONTINUE_HANDLER)
    .timeBased()
    .after(Math.max(1000, Math.round(ms)))
    .create();
}

// ------------------------------------------------------------------ messages

/** Times are told in the file's time zone (set-up sets Asia/Ho_Chi_Minh), not the script's. */
function timeText(ms: number): string {
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return Utilities.formatDate(new Date(ms), zone, 'HH:mm dd/MM/yyyy');
}

export function progressText(job: JobRecord, caption: string): string {
  const counts = `${String(job.done)} đã xong, ${String(job.failed)} lỗi, ${String(job.skipped)} bỏ qua`;
  const total = job.total > 0 ? ` / ${String(job.total)}` : '';
  switch (job.status) {
    case 'running':
      return `«${caption}» đang chạy: ${String(job.done + job.failed + job.skipped)}${total} (${counts}).`;
    case 'paused-quota':
      return (
        `«${caption}» tạm dừng vì đã hết hạn mức hằng ngày của Google; sẽ thử lại lúc ${timeText(job.resumeAfterMs)}. ` +
        'Hạn mức của Google được cấp lại 24 giờ sau lần dùng đầu tiên (không phải lúc nửa đêm), nên ' +
        `chương trình thử lại khoảng ${String(QUOTA_PROBE_MS / 60_000)} phút một lần và tự chạy tiếp khi được. Hiện có ${counts}.`
      );
    case 'done':
      return `«${caption}» đã hoàn thành: ${counts}.${job.notice === '' ? '' : ` ${job.notice}`}`;
    case 'cancelled':
      return `«${caption}» đã hủy: ${counts}; các dòng chưa làm vẫn ở trạng thái chờ.`;
  }
}

// ------------------------------------------------------------------ running

export type Report = { job: JobRecord; message: string };

/** One item with retries inside this execution; never throws except for a timeout. */
function runItem<Ctx, Item extends JobItem>(
  handler: JobHandler<Ctx, Item>,
  item: Item,
  ctx: Ctx,
  job: JobRecord,
): { outcome: ItemOutcome; quota: string | null } {
  let last = '';
  for (let attempt = 1; attempt <= MAX_TRIES_PER_EXECUTION; attempt++) {
    const wait = backoffMs(attempt);
    if (wait > 0) Utilities.sleep(wait);
    try {
      return { outcome: handler.process(item, ctx, job), quota: null };
    } catch (error) {
      last = errorText(error);
      const kind = classifyError(last);
      if (kind === 'timeout') throw error;
      if (kind === 'quota') return { outcome: { kind: 'retry', message: last }, quota: last };
      if (kind === 'permanent') return { outcome: { kind: 'failed', message: last }, quota: null };
    }
  }
  return { outcome: { kind: 'retry', message: last }, quota: null };
}

/** One execution of a job: heals, settles stalled items, takes chunks while the budget allows. */
export function execute<Ctx, Item extends JobItem>(
  handler: JobHandler<Ctx, Item>,
  start: JobRecord,
  options: RunOptions,
): Report {
  const startedMs = options.startedMs ?? Date.now();
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  let job: JobRecord = { ...start, attempts: start.attempts + 1 };
  // A trigger exists before any work, so a killed execution is still continued.
  scheduleContinuation(7 * 60_000);
  const prepared = handler.prepare(job);
  if (!prepared.ok) {
    job = saveJob({ ...job, status: 'cancelled', lastError: prepared.message, inflight: [] });
    deleteContinuations();
    return { job, message: `«${handler.caption}» dừng: ${prepared.message}` };
  }
  if (prepared.healed !== undefined) {
    const h = prepared.healed;
    job = {
      ...job,
      done: job.done + h.done,
      failed: job.failed + h.failed,
      skipped: job.skipped + h.skipped,
    };
  }
  if (job.inflight.length > 0) job = saveJob({ ...job, inflight: [] });
  const { ctx } = prepared;
  let items = [...prepared.items];
  if (job.total === 0) {
    job = {
      ...job,
      total: job.done + job.failed + job.skipped + items.reduce((n, i) => n + (i.weight ?? 1), 0),
    };
  }

  // The item the previous execution was making when it ended: one more stall for it.
  const stalls = new Map(Object.entries(job.stalls));
  const stalled = stalledKey(start.inflight, new Set(items.map((i) => i.outputKey)));
  if (stalled !== null) {
    stalls.set(stalled, (stalls.get(stalled) ?? 0) + 1);
    // Saved before the item is taken again: a second kill must still count.
    job = saveJob({ ...job, stalls: Object.fromEntries(stalls) });
  }

  /** Splits or fails the next item while it cannot finish within one execution. */
  const settleHead = (): void => {
    for (let head = items[0]; head !== undefined; head = items[0]) {
      const weight = head.weight ?? 1;
      const stallCount = stalls.get(head.outputKey) ?? 0;
      const verdict = stallVerdict({
        stalls: stallCount,
        weight,
        msPerUnit: job.msPerItem,
        budgetMs,
      });
      if (verdict.kind === 'go') return;
      stalls.delete(head.outputKey);
      if (verdict.kind === 'split' && handler.split !== undefined) {
        const capped: JobRecord = { ...job, maxWeight: verdict.maxWeight, notice: verdict.message };
        const regrouped = handler.split(items, verdict.maxWeight, ctx, capped);
        if ((regrouped[0]?.weight ?? 1) < weight) {
          items = regrouped;
          job = saveJob({ ...capped, stalls: Object.fromEntries(stalls) });
          toast(verdict.message, 10);
          continue;
        }
      }
      // No split possible: the item fails, with why (as a single item would).
      const single = stallVerdict({
        stalls: Math.max(stallCount, MAX_STALLED_EXECUTIONS),
        weight: 1,
        msPerUnit: 0,
        budgetMs,
      });
      const message =
        verdict.kind === 'fail' || single.kind === 'go' ? verdict.message : single.message;
      const failed: ItemResult<Item>[] = [{ item: head, outcome: { kind: 'failed', message } }];
      handler.checkpoint(failed, ctx, job);
      job = count(job, failed);
      job = saveJob({
        ...job,
        cursor: job.cursor + 1,
        lastError: message,
        stalls: Object.fromEntries(stalls),
      });
      items = items.slice(1);
    }
  };

  let quota: string | null = null;
  let transient = false;
  let doneThisExecution = 0;
  while (items.length > 0) {
    settleHead();
    if (items.length === 0) break;
    const stored = loadJob();
    if (stored !== null && stored.id === job.id && stored.status === 'cancelled') {
      job = { ...job, status: 'cancelled' };
      break;
    }
    const size = nextChunkSize({
      weights: items.slice(0, options.maxChunk ?? DEFAULT_MAX_CHUNK).map((i) => i.weight ?? 1),
      startedMs,
      nowMs: Date.now(),
      budgetMs,
      msPerUnit: job.msPerItem,
      maxChunk: options.maxChunk,
      doneThisExecution,
    });
    if (size === 0) {
      // Nothing fitted a whole execution: counts as a stall of the next item, so an item that
      // never fits is split or failed (stall.ts) instead of continued for ever.
      const head = items[0];
      if (doneThisExecution === 0 && head !== undefined) {
        stalls.set(head.outputKey, (stalls.get(head.outputKey) ?? 0) + 1);
        job = saveJob({ ...job, stalls: Object.fromEntries(stalls) });
      }
      break;
    }
    const chunk = items.slice(0, size);
    job = saveJob({ ...job, inflight: chunk.map((i) => i.outputKey) });
    const chunkStart = Date.now();
    const results: ItemResult<Item>[] = [];
    for (const item of chunk) {
      const ran = runItem(handler, item, ctx, job);
      if (ran.quota !== null) {
        quota = ran.quota;
        break;
      }
      results.push({ item, outcome: ran.outcome });
      if (ran.outcome.kind === 'retry') {
        transient = true;
        break;
      }
    }
    const retries = new Map(Object.entries(job.retries));
    const recorded: ItemResult<Item>[] = results.map((r) => {
      if (r.outcome.kind !== 'retry') {
        retries.delete(r.item.outputKey);
        return r;
      }
      const n = (retries.get(r.item.outputKey) ?? 0) + 1;
      retries.set(r.item.outputKey, n);
      if (n < MAX_TRANSIENT_EXECUTIONS) return r;
      retries.delete(r.item.outputKey);
      return {
        item: r.item,
        outcome: {
          kind: 'failed',
          message: `Lỗi tạm thời của Google lặp lại ${String(n)} lần: ${r.outcome.message}`,
        },
      };
    });
    const final = recorded.filter((r) => r.outcome.kind !== 'retry');
    if (final.length > 0) handler.checkpoint(final, ctx, job);
    const made = final.filter((r) => r.outcome.kind === 'done').length;
    job = count(job, final);
    for (const r of final) stalls.delete(r.item.outputKey);
    job = {
      ...job,
      retries: Object.fromEntries(retries),
      stalls: Object.fromEntries(stalls),
      inflight: [],
      cursor: job.cursor + final.length,
      transientStreak: transient ? job.transientStreak + 1 : made > 0 ? 0 : job.transientStreak,
      msPerItem:
        final.length > 0
          ? updatedMsPerItem(
              job.msPerItem,
              results.reduce((n, r) => n + (r.item.weight ?? 1), 0),
              Date.now() - chunkStart,
            )
          : job.msPerItem,
      lastError: quota ?? (transient ? lastMessage(results) : job.lastError),
    };
    doneThisExecution += results.length;
    const handled = new Set(final.map((r) => r.item.outputKey));
    items = items.filter((i) => !handled.has(i.outputKey));
    job = saveJob(job);
    if (job.status === 'cancelled' || quota !== null || transient) break;
    toast(progressText(job, handler.caption), 5);
  }

  const settle = (settled: JobRecord): Report => {
    handler.settled?.(ctx, settled);
    return { job: settled, message: progressText(settled, handler.caption) };
  };
  if (job.status === 'cancelled') {
    deleteContinuations();
    return settle(saveJob({ ...job, inflight: [] }));
  }
  if (quota !== null) {
    const now = Date.now();
    // A pause goes on from its first quota error, however many probes failed since.
    const since = start.quotaSinceMs > 0 && doneThisExecution === 0 ? start.quotaSinceMs : now;
    const resume = nextQuotaProbeMs(now, since);
    job = saveJob({
      ...job,
      status: 'paused-quota',
      resumeAfterMs: resume,
      quotaSinceMs: since,
      lastError: quota,
    });
    scheduleContinuation(resume - Date.now());
    return settle(job);
  }
  if (items.length === 0) {
    job = saveJob({ ...job, status: 'done', resumeAfterMs: 0, quotaSinceMs: 0 });
    deleteContinuations();
    return settle(job);
  }
  const delay = transient ? continuationDelayMs(job.transientStreak) : CONTINUE_AFTER_MS;
  job = saveJob({ ...job, status: 'running', resumeAfterMs: Date.now() + delay, quotaSinceMs: 0 });
  scheduleContinuation(delay);
  const why = transient
    ? ` Google báo lỗi tạm thời (${job.lastError}); sẽ thử lại lúc ${timeText(job.resumeAfterMs)}.`
    : ` Sẽ tự chạy tiếp lúc ${timeText(job.resumeAfterMs)} (mỗi lần chạy của Apps Script tối đa 6 phút).`;
  return { job, message: progressText(job, handler.caption) + why };
}

function lastMessage<Item>(results: readonly ItemResult<Item>[]): string {
  const last = results[results.length - 1]?.outcome;
  return last !== undefined && last.kind !== 'done' ? last.message : '';
}

function count<Item>(job: JobRecord, results: readonly ItemResult<Item & JobItem>[]): JobRecord {
  let { done, failed, skipped } = job;
  for (const r of results) {
    const w = r.item.weight ?? 1;
    if (r.outcome.kind === 'done') done += w;
    else if (r.outcome.kind === 'failed') failed += w;
    else if (r.outcome.kind === 'skipped') skipped += w;
  }
  return { ...job, done, failed, skipped };
}
