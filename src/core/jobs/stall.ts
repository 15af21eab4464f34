/**
 * What to do about an item that makes no progress (src/gas/jobs/runner.ts executes it).
 *
 * Apps Script ends an execution at 6 minutes without running any catch or finally, so an item
 * that cannot finish within one execution is never seen failing: the next execution finds its
 * output key still in flight and its rows still pending. Taken again as it is, it would be killed
 * again on every continuation until the day's trigger time (90 min for a consumer account) is
 * gone. So each execution that ended while an item was unfinished counts as a stall of that item;
 * after MAX_STALLED_EXECUTIONS an item that stands for several rows (a combined print file) is
 * split in halves, and a single one is marked failed with a message the user can act on.
 */
import { EXECUTION_LIMIT_MS } from './plan';

/** Executions that ended with the item unfinished before it is split or marked failed. */
export const MAX_STALLED_EXECUTIONS = 2;

export type StallInput = {
  /** Executions that ended while this item was unfinished (this one not counted). */
  readonly stalls: number;
  /** Rows the item stands for. */
  readonly weight: number;
  /** Measured ms per row so far (0 = unknown). */
  readonly msPerUnit: number;
  /** The execution's time budget for chunks. */
  readonly budgetMs: number;
};

export type StallVerdict =
  | { readonly kind: 'go' }
  /** Items of at most `maxWeight` rows from now on; the message says why, in Vietnamese. */
  | { readonly kind: 'split'; readonly maxWeight: number; readonly message: string }
  | { readonly kind: 'fail'; readonly message: string };

const MINUTES = String(EXECUTION_LIMIT_MS / 60_000);

/** Minutes with one decimal, Vietnamese style (4,5). */
function minutes(ms: number): string {
  return (Math.round(ms / 6000) / 10).toString().replace('.', ',');
}

/**
 * The verdict for the next item. Besides stalls, an item whose measured cost (pessimistic, as
 * nextChunkSize estimates it) exceeds a whole budget would never be taken at all, and is decided
 * at once rather than after executions that do nothing.
 */
export function stallVerdict(input: StallInput): StallVerdict {
  const weight = Math.max(1, Math.floor(input.weight));
  const per = input.msPerUnit > 0 ? input.msPerUnit * 1.5 : 0;
  const neverFits = per > 0 && per * weight > input.budgetMs;
  if (input.stalls < MAX_STALLED_EXECUTIONS && !neverFits) return { kind: 'go' };
  const why = neverFits
    ? `ước tính cần ${minutes(per * weight)} phút, quá ${minutes(input.budgetMs)} phút mà mỗi lần chạy dành cho việc tạo (Apps Script cho tối đa ${MINUTES} phút)`
    : `không làm xong trong ${String(input.stalls)} lần chạy liên tiếp (mỗi lần Apps Script cho tối đa ${MINUTES} phút)`;
  if (weight > 1) {
    const fits = per > 0 ? Math.max(1, Math.floor(input.budgetMs / per)) : weight;
    // A stalled item is halved; one whose measured cost cannot fit is cut to what fits.
    const maxWeight = Math.max(1, Math.min(neverFits ? weight - 1 : Math.floor(weight / 2), fits));
    return {
      kind: 'split',
      maxWeight,
      message: `Tệp in ${String(weight)} giấy ${why}, nên được chia thành các tệp tối đa ${String(maxWeight)} giấy.`,
    };
  }
  return {
    kind: 'fail',
    message: `Dòng này ${why} nên được đánh dấu lỗi, không thử lại nữa. Hãy kiểm tra mẫu và dữ liệu của dòng rồi chạy lại.`,
  };
}

/**
 * The item that was being made when the previous execution ended: the first output key it left
 * in flight whose item is still pending (keys before it finished and were adopted; keys after it
 * were never started). Null when nothing was left unfinished.
 */
export function stalledKey(
  inflight: readonly string[],
  pending: ReadonlySet<string>,
): string | null {
  return inflight.find((key) => pending.has(key)) ?? null;
}
