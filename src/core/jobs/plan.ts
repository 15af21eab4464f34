/**
 * Chunk planning: how many items the next chunk takes, from the time left in the execution's
 * budget and what an item has cost so far. Apps Script kills an execution at 6 minutes; the job
 * stops taking chunks at the budget (default 4.5 minutes) so the last chunk and its checkpoint
 * finish in time. Time is Date.now() in the execution (the host's virtual clock).
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const DEFAULT_BUDGET_MS = 4.5 * 60 * 1000;
/** Items per chunk at most: a checkpoint at least this often limits what a kill can lose. */
export const DEFAULT_MAX_CHUNK = 25;
/** Before anything is measured, an item is assumed to take this long (a Drive copy ≈ 4 s + merge). */
export const DEFAULT_ITEM_ESTIMATE_MS = 8000;

export type ChunkInput = {
  /** Weight of each pending item in order (rows it stands for; 1 each when not given). */
  readonly weights: readonly number[];
  readonly startedMs: number;
  readonly nowMs: number;
  readonly budgetMs?: number;
  /** Average ms one unit of weight took so far; 0 = unknown. */
  readonly msPerUnit?: number;
  readonly maxChunk?: number;
  /** Items already done in this execution: the first item of an execution is always taken. */
  readonly doneThisExecution?: number;
};

/** Time left before the budget is spent (never negative). */
export function timeLeftMs(startedMs: number, nowMs: number, budgetMs = DEFAULT_BUDGET_MS): number {
  return Math.max(0, startedMs + budgetMs - nowMs);
}

/**
 * Items the next chunk takes: as many as fit the time left when each is estimated
 * pessimistically (1.5 × its weight × the average), at most maxChunk; 0 when the next one does
 * not fit (the job then schedules its continuation). Before anything is measured, the first item
 * of an execution is taken whatever its estimate, so the average gets measured; once measured,
 * when its estimate fits what is left of the 6 minutes.
 */
export function nextChunkSize(input: ChunkInput): number {
  if (input.weights.length === 0) return 0;
  let left = timeLeftMs(input.startedMs, input.nowMs, input.budgetMs);
  const measured = (input.msPerUnit ?? 0) > 0;
  const per = measured ? (input.msPerUnit ?? 0) : DEFAULT_ITEM_ESTIMATE_MS;
  const max = input.maxChunk ?? DEFAULT_MAX_CHUNK;
  let taken = 0;
  for (const weight of input.weights) {
    if (taken >= max) break;
    const cost = per * Math.max(1, weight) * 1.5;
    if (cost > left) {
      const first = taken === 0 && (input.doneThisExecution ?? 0) === 0;
      // The first item of an execution is taken when it was never measured, or when only the
      // execution's set-up ran before it and it still fits the hard limit: an item that fits a
      // budget (stall.ts cuts those that do not) would otherwise wait for ever for an execution
      // whose set-up costs nothing.
      const slack = EXECUTION_LIMIT_MS - (input.budgetMs ?? DEFAULT_BUDGET_MS);
      const setUpOnly = input.nowMs - input.startedMs <= slack;
      if (first && left > 0 && (!measured || (setUpOnly && cost <= left + slack))) taken = 1;
      break;
    }
    left -= cost;
    taken++;
  }
  return taken;
}

/** Running average of ms per item, weighting what was just measured like the past. */
export function updatedMsPerItem(previous: number, count: number, elapsedMs: number): number {
  if (count <= 0) return previous;
  const now = elapsedMs / count;
  return previous > 0 ? (previous + now) / 2 : now;
}
