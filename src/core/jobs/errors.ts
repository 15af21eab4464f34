/**
 * What to do about an error thrown by a service call, decided from its message (Apps Script's
 * errors carry no codes). The lists are patterns of messages seen in Apps Script:
 *
 * - quota: "Service invoked too many times for one day: …" (daily quotas: docs create, driveapp
 *   conversions, email …) and "Service using too much computer time for one day". Nothing helps
 *   until the quota returns, per user, 24 hours after its first counted request: the job pauses and
 *   probes again every hour or two (nextQuotaProbeMs).
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
 * Google restores a daily quota 24 hours after the first request that counted, per user
 * (https://developers.google.com/apps-script/guides/services/quotas: "Quotas are set at different
 * levels … reset 24 hours after the first request"), not at a fixed hour. The job cannot know when
 * its user's first request of the window was (other scripts of the same user count too), so after
 * a quota error it probes: one try every QUOTA_PROBE_MS, and at the latest when a full window has
 * surely passed since the pause began. A failed probe costs one item's first call.
 */
export const QUOTA_PROBE_MS = 90 * 60_000;
export const QUOTA_WINDOW_MS = 24 * 3600_000;
/** Past the window's end, so the last probe lands after the reset even with trigger jitter. */
export const QUOTA_MARGIN_MS = 15 * 60_000;

/**
 * When to try again after a quota error at `nowMs`, for a pause that began at `pausedSinceMs`
 * (the first quota error of this pause; equal to nowMs on the first).
 */
export function nextQuotaProbeMs(nowMs: number, pausedSinceMs: number): number {
  const since = pausedSinceMs > 0 && pausedSinceMs <= nowMs ? pausedSinceMs : nowMs;
  const surelyReset = since + QUOTA_WINDOW_MS + QUOTA_MARGIN_MS;
  // Still out after a full window: spent again (other scripts of the user count too); keep probing.
  if (nowMs >= surelyReset - 60_000) return nowMs + QUOTA_PROBE_MS;
  return Math.min(nowMs + QUOTA_PROBE_MS, surelyReset);
}
