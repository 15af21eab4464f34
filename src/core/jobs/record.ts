/**
 * The job record: what a long action (e.g. certificate generation) has done so far, small enough
 * for one PropertiesService value (Apps Script: 9 KB a value, DESIGN §4). The sheet's status
 * column is the queue (rows marked "Đang chờ"); the record only holds the job's state, counts and
 * the output keys of the chunk in flight, so a killed execution can be healed without duplicates.
 */
import * as z from 'zod/mini';

export const JOB_STATUSES = ['running', 'paused-quota', 'done', 'cancelled'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Apps Script's limit for one property value; records are kept well under it. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

export const JobRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
  status: JobStatusSchema,
  createdMs: z.number(),
  updatedMs: z.number(),
  /** Items handled so far (in the order they were taken), for the progress line. */
  cursor: z._default(z.int(), 0),
  /** Items in the job when it started (for "x / total"). */
  total: z._default(z.int(), 0),
  done: z._default(z.int(), 0),
  failed: z._default(z.int(), 0),
  skipped: z._default(z.int(), 0),
  /** Executions that worked on the job. */
  attempts: z._default(z.int(), 0),
  /** Transient failures in a row (reset by any success); drives the continuation backoff. */
  transientStreak: z._default(z.int(), 0),
  /** When a paused job may go on (ms since epoch); 0 when not paused. */
  resumeAfterMs: z._default(z.number(), 0),
  /** When the current quota pause began (first quota error of it); 0 when not in one. */
  quotaSinceMs: z._default(z.number(), 0),
  lastError: z._default(z.string(), ''),
  /** Output keys of the chunk being processed: looked up before anything is made again. */
  inflight: z._default(z.array(z.string()), []),
  /** Executions in which an item failed transiently (by output key); bounded by the chunk size. */
  retries: z._default(z.record(z.string(), z.int()), {}),
  /** Executions that ended with the item unfinished (by output key; see stall.ts). */
  stalls: z._default(z.record(z.string(), z.int()), {}),
  /** Rows an item may stand for at most (a print file split after stalls); 0 = no cap. */
  maxWeight: z._default(z.int(), 0),
  /** What the job decided on its own (a split), in Vietnamese, told with its progress. */
  notice: z._default(z.string(), ''),
  /** Sequence number of the last output file (combined print files are numbered). */
  fileSeq: z._default(z.int(), 0),
  /** Average virtual ms an item took so far (chunk planning). */
  msPerItem: z._default(z.number(), 0),
  /** Small job options (mode, per-file count, e-mail …), as strings. */
  params: z._default(z.record(z.string(), z.string()), {}),
  /** Who started it (for messages in trigger runs). */
  startedBy: z._default(z.string(), ''),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export function newJobRecord(
  id: string,
  kind: string,
  nowMs: number,
  params: Readonly<Record<string, string>> = {},
  startedBy = '',
): JobRecord {
  return JobRecordSchema.parse({
    id,
    kind,
    status: 'running',
    createdMs: nowMs,
    updatedMs: nowMs,
    params: { ...params },
    startedBy,
  });
}

/** The record as stored; throws if it would not fit one property value. */
export function serializeJob(record: JobRecord): string {
  const text = JSON.stringify(record);
  if (text.length > PROPERTY_VALUE_LIMIT) {
    throw new Error(`job record ${record.id} is ${String(text.length)} characters, over 9 KB`);
  }
  return text;
}

/** A stored record, or null when absent or unreadable (a damaged record starts a new job). */
export function parseJob(text: string | null | undefined): JobRecord | null {
  if (text === null || text === undefined || text === '') return null;
  try {
    const parsed = JobRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a job still has work to do (running, or paused until a quota resets). */
export function isActive(record: JobRecord | null): boolean {
  return record !== null && (record.status === 'running' || record.status === 'paused-quota');
}

/** A short, unique-enough job id from the start time (base 36) and a counter. */
export function jobId(nowMs: number, previous: string | null): string {
  const base = `j${Math.floor(nowMs / 1000).toString(36)}`;
  return previous === base ? `${base}b` : base;
}
