/**
 * What to do about an error thrown by a service call, decided from its message (Apps Script's
 * errors carry no codes). The lists are patterns of messages seen in Apps Script:
 *
 * - quota: "Service invoked too many times for one day: …" (daily quotas: docs create, driveapp
 *   conversions, email …) and "Service using too much computer time for one day". Nothing helps
 *   until the quota resets: the job pauses until the next day.
 * - transient: "Service error: …", "We're sorry, a server error occurred. Please wait a bit and try
 *   again.", "Service unavailable", "Timed out", "Server not available", "Internal error",
 *   "Service invoked too many times in a short time" (rate limit; rateMax), "Too many changes
 *   applied before saving document" (the product saves in batches, but a retry from scratch
 *   succeeds), "Address unavailable", "Lock timeout". Retried with backoff.
 * - timeout: "Exceeded maximum execution time" cannot be caught in practice (the execution ends);
 *   when it is seen (e.g. a nested call) the job stops and lets the continuation go on.
 * - permanent: anything else (invalid e-mail, missing field, no access, not found …): the row is
 *   marked with the message and the rest goes on.
 */
export type ErrorClass = 'quota' | 'transient' | 'timeout' | 'permanent';

export const QUOTA_PATTERNS: readonly RegExp[] = [
  /too many times for one day/i,
  /too much computer time for one day/i,
];
export const TRANSIENT_PATTERNS: readonly RegExp[] = [
  /service error/i,
  /server error occurred/i,
  /service unavailable/i,
  /server not available/i,
  /timed out/i,
  /internal error/i,
  /too many times in a short time/i,
  /too many changes applied before saving/i,
  /address unavailable/i,
  /lock timeout/i,
  /try again/i,
];
export const TIMEOUT_PATTERNS: readonly RegExp[] = [/exceeded maximum execution time/i];

export function classifyError(message: string): ErrorClass {
  if (TIMEOUT_PATTERNS.some((p) => p.test(message))) return 'timeout';
  if (QUOTA_PATTERNS.some((p) => p.test(message))) return 'quota';
  if (TRANSIENT_PATTERNS.some((p) => p.test(message))) return 'transient';
  return 'permanent';
}

/** The message of anything thrown. */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}

/** Tries of one item within one execution before it is left for a later execution. */
export const MAX_TRIES_PER_EXECUTION = 3;
/** Executions in a row that failed transiently before the item is marked failed for good. */
export const MAX_TRANSIENT_EXECUTIONS = 5;

/**
 * Wait before try `attempt` (1-based; the first try waits 0): exponential from 1 s, capped at
 * 8 s, so three tries cost at most 3 s of the 6-minute budget.
 */
export function backoffMs(attempt: number): number {
  if (attempt <= 1) return 0;
  return Math.min(8000, 1000 * 2 ** (attempt - 2));
}

/** Delay of the continuation after an execution that ended on transient errors (1, 2, 4 … 30 min). */
export function continuationDelayMs(transientStreak: number): number {
  if (transientStreak <= 0) return CONTINUE_AFTER_MS;
  return Math.min(30 * 60_000, 60_000 * 2 ** (transientStreak - 1));
}

/** The continuation of a job that ran out of time starts this soon (Apps Script's minimum is ~1 min). */
export const CONTINUE_AFTER_MS = 60_000;

/**
 * When daily quotas reset. Google does not publish the hour; the host (and, as widely observed,
 * Google) resets at midnight Pacific time. Resume a quarter of an hour after it, to be safe.
 * ASSUMPTION: UTC-8 all year (no daylight saving), as the host counts days.
 */
export function nextQuotaResetMs(nowMs: number): number {
  const offset = 8 * 3600 * 1000;
  const day = 24 * 3600 * 1000;
  const pacific = nowMs - offset;
  const nextMidnight = (Math.floor(pacific / day) + 1) * day + offset;
  return nextMidnight + 15 * 60 * 1000;
}
