import {
  PROPERTY_VALUE_LIMIT,
  backoffMs,
  classifyError,
  continuationDelayMs,
  isActive,
  keyQuery,
  keyedName,
  nameHasKey,
  newJobRecord,
  nextChunkSize,
  QUOTA_PROBE_MS,
  QUOTA_WINDOW_MS,
  nextQuotaProbeMs,
  outputKey,
  parseJob,
  printFileKey,
  serializeJob,
  timeLeftMs,
} from '../../../src/core/jobs';

describe('job record', () => {
  it('round-trips through one property value and rejects damaged text', () => {
    const job = newJobRecord('jabc', 'certificates', 1000, { mode: 'combined' }, 'a@b.vn');
    const text = serializeJob({
      ...job,
      inflight: Array.from({ length: 100 }, (_, i) => outputKey('jabc', `HS${String(i)}`)),
    });
    expect(text.length).toBeLessThan(PROPERTY_VALUE_LIMIT);
    const back = parseJob(text);
    expect(back?.params.mode).toBe('combined');
    expect(back?.inflight).toHaveLength(100);
    expect(parseJob('{"id":')).toBeNull();
    expect(parseJob(null)).toBeNull();
    expect(isActive(back)).toBe(true);
    expect(isActive({ ...job, status: 'done' })).toBe(false);
  });

  it('refuses a record over 9 KB', () => {
    const job = newJobRecord('j', 'k', 0);
    expect(() => serializeJob({ ...job, lastError: 'x'.repeat(10_000) })).toThrow(/9 KB/);
  });
});

describe('error policy', () => {
  it.each([
    ['Service invoked too many times for one day: docs create.', 'quota'],
    ['Service using too much computer time for one day', 'quota'],
    ['Exceeded maximum execution time', 'timeout'],
    ['Service error: Drive', 'transient'],
    ["We're sorry, a server error occurred. Please wait a bit and try again.", 'transient'],
    ['Service unavailable: Docs', 'transient'],
    ['Timed out waiting for lock', 'transient'],
    ['Invalid email: abc', 'permanent'],
    ['Trường {{ten}} trống', 'permanent'],
  ])('%s → %s', (message, kind) => {
    expect(classifyError(message)).toBe(kind);
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4, 9].map(backoffMs)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(continuationDelayMs(0)).toBe(60_000);
    expect(continuationDelayMs(3)).toBe(240_000);
    expect(continuationDelayMs(20)).toBe(30 * 60_000);
  });

  // Quotas reset 24 h after the first counted request, per user, not at Pacific midnight:
  // https://developers.google.com/apps-script/guides/services/quotas
  it('after a quota error probes every 1.5 h and at the latest just after a full 24-h window', () => {
    const h = 3600_000;
    const start = Date.parse('2026-01-15T08:00:00+07:00');
    expect(QUOTA_PROBE_MS).toBeGreaterThanOrEqual(h);
    expect(QUOTA_PROBE_MS).toBeLessThanOrEqual(2 * h);
    expect(nextQuotaProbeMs(start, start)).toBe(start + QUOTA_PROBE_MS);
    // The whole schedule of one pause: never a gap over 2 h, and a probe after the window closed.
    const probes: number[] = [];
    for (let t = start; t < start + QUOTA_WINDOW_MS + 3 * h; t = nextQuotaProbeMs(t, start)) {
      probes.push(t);
      if (probes.length > 100) break;
    }
    const gaps = probes.slice(1).map((t, i) => t - (probes[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * h);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60_000);
    expect(
      probes.some((t) => t > start + QUOTA_WINDOW_MS && t <= start + QUOTA_WINDOW_MS + h),
    ).toBe(true);
    expect(probes.length).toBeLessThanOrEqual(20);
    // Near the end of the window the probe lands just after it, not 1.5 h later.
    const late = start + QUOTA_WINDOW_MS - 10 * 60_000;
    expect(nextQuotaProbeMs(late, start)).toBe(start + QUOTA_WINDOW_MS + 15 * 60_000);
    // Nothing is ever promised for Pacific midnight: the first probe does not depend on the hour.
    expect(nextQuotaProbeMs(start + 5 * h, start + 5 * h) - (start + 5 * h)).toBe(QUOTA_PROBE_MS);
  });
});

describe('chunks', () => {
  it('takes what fits in the time left, pessimistically, and nothing past the budget', () => {
    const ones = Array<number>(100).fill(1);
    expect(nextChunkSize({ weights: ones, startedMs: 0, nowMs: 0, msPerUnit: 6000 })).toBe(25);
    expect(nextChunkSize({ weights: ones, startedMs: 0, nowMs: 250_000, msPerUnit: 6000 })).toBe(2);
    expect(nextChunkSize({ weights: ones, startedMs: 0, nowMs: 269_000, msPerUnit: 6000 })).toBe(0);
    expect(nextChunkSize({ weights: [1, 1, 1], startedMs: 0, nowMs: 0 })).toBe(3);
    expect(nextChunkSize({ weights: [], startedMs: 0, nowMs: 0 })).toBe(0);
    // A print file of 100 certificates: unmeasured, the first is taken; measured, what fits.
    expect(nextChunkSize({ weights: [100, 100, 100], startedMs: 0, nowMs: 0 })).toBe(1);
    expect(
      nextChunkSize({ weights: [100, 100, 100], startedMs: 0, nowMs: 0, msPerUnit: 800 }),
    ).toBe(2);
    expect(
      nextChunkSize({
        weights: [100, 100],
        startedMs: 0,
        nowMs: 0,
        doneThisExecution: 1,
        msPerUnit: 0,
      }),
    ).toBe(0);
    expect(timeLeftMs(0, 300_000)).toBe(0);
  });
});

describe('output keys', () => {
  it('are whole words of file names, found by a title query', () => {
    const key = outputKey('jab12', 'HS-0042');
    expect(key).toBe('thidua-jab12-HS-0042');
    expect(printFileKey('jab12', 3)).toBe('thidua-jab12-in003');
    const name = keyedName('Giấy khen - Nguyễn Văn A', key);
    expect(nameHasKey(name, key)).toBe(true);
    expect(nameHasKey(`${name}.pdf`, key)).toBe(true);
    expect(nameHasKey(`${name}1`, key)).toBe(false);
    expect(nameHasKey('Giấy khen', key)).toBe(false);
    expect(keyQuery(key)).toBe("title contains 'thidua-jab12-HS-0042' and trashed = false");
  });
});
