import {
  DEFAULT_BUDGET_MS,
  EXECUTION_LIMIT_MS,
  MAX_STALLED_EXECUTIONS,
  nextChunkSize,
  stallVerdict,
  stalledKey,
} from '../../../src/core/jobs';

const budgetMs = DEFAULT_BUDGET_MS;

describe('stallVerdict: an item that cannot finish within one execution', () => {
  it('goes on after one stall (a kill may be bad luck), not after two', () => {
    expect(stallVerdict({ stalls: 0, weight: 100, msPerUnit: 0, budgetMs })).toEqual({
      kind: 'go',
    });
    expect(stallVerdict({ stalls: 1, weight: 100, msPerUnit: 0, budgetMs })).toEqual({
      kind: 'go',
    });
    expect(MAX_STALLED_EXECUTIONS).toBe(2);
    expect(stallVerdict({ stalls: 2, weight: 100, msPerUnit: 0, budgetMs }).kind).toBe('split');
  });

  it('halves a print file stalled twice and says so in Vietnamese', () => {
    const v = stallVerdict({ stalls: 2, weight: 120, msPerUnit: 0, budgetMs });
    expect(v).toEqual({
      kind: 'split',
      maxWeight: 60,
      message:
        'Tệp in 120 giấy không làm xong trong 2 lần chạy liên tiếp (mỗi lần Apps Script cho tối đa 6 phút), nên được chia thành các tệp tối đa 60 giấy.',
    });
  });

  it('cuts a print file whose measured cost exceeds a whole budget to what fits, without waiting for stalls', () => {
    // 3 s a page, estimated at 4.5 s: 60 pages ≈ 4.5 min > 4.5 min budget? 270 s = budget → 60 fits.
    expect(stallVerdict({ stalls: 0, weight: 60, msPerUnit: 3000, budgetMs }).kind).toBe('go');
    const v = stallVerdict({ stalls: 0, weight: 100, msPerUnit: 3000, budgetMs });
    expect(v.kind).toBe('split');
    if (v.kind === 'split') {
      expect(v.maxWeight).toBe(60);
      expect(v.message).toContain('ước tính cần 7,5 phút, quá 4,5 phút');
    }
  });

  it('marks a single item failed after two stalls, with what to do', () => {
    const v = stallVerdict({ stalls: 2, weight: 1, msPerUnit: 5000, budgetMs });
    expect(v.kind).toBe('fail');
    if (v.kind === 'fail') {
      expect(v.message).toMatch(/^Dòng này không làm xong trong 2 lần chạy liên tiếp/);
      expect(v.message).toContain('Hãy kiểm tra mẫu và dữ liệu của dòng rồi chạy lại.');
    }
  });

  it('never splits below one row', () => {
    const v = stallVerdict({ stalls: 3, weight: 2, msPerUnit: 400_000, budgetMs });
    expect(v.kind === 'split' && v.maxWeight).toBe(1);
  });
});

describe('stalledKey', () => {
  it('is the first key left in flight that is still pending (earlier ones were adopted)', () => {
    expect(stalledKey(['a', 'b', 'c'], new Set(['b', 'c', 'z']))).toBe('b');
    expect(stalledKey(['a', 'b'], new Set(['z']))).toBeNull();
    expect(stalledKey([], new Set(['z']))).toBeNull();
  });
});

describe('nextChunkSize: the first item of an execution', () => {
  const base = { startedMs: 0, budgetMs, maxChunk: 25 };
  it('is taken once measured when its estimate still fits the 6 minutes', () => {
    // 60 s used by the start; a 200-s item (estimated 300 s) does not fit 210 s of budget left
    // but fits the 300 s left of the execution.
    expect(nextChunkSize({ ...base, weights: [1], nowMs: 60_000, msPerUnit: 200_000 })).toBe(1);
    expect(EXECUTION_LIMIT_MS - 60_000).toBe(300_000);
  });
  it('is not taken when it would pass the 6 minutes, after other items, or late in the execution', () => {
    // 269 s used: a 9-s item would fit the 6 minutes, but more than set-up spent the budget.
    expect(nextChunkSize({ ...base, weights: [1], nowMs: 269_000, msPerUnit: 6000 })).toBe(0);
    expect(nextChunkSize({ ...base, weights: [1], nowMs: 61_000, msPerUnit: 200_000 })).toBe(0);
    expect(
      nextChunkSize({
        ...base,
        weights: [1],
        nowMs: 60_000,
        msPerUnit: 200_000,
        doneThisExecution: 1,
      }),
    ).toBe(0);
  });
});
