import fc from 'fast-check';
import { parsePassFail } from '../../../src/core/parse/passFail';

describe('parsePassFail', () => {
  it.each<unknown>([
    'Đạt',
    'đạt',
    'ĐẠT',
    ' Đạt ',
    'Đạt'.normalize('NFD'),
    'dat',
    'x',
    'X',
    '✓',
    true,
    1,
    'Có',
    'có',
    '1',
  ])('%p passes', (v) => {
    expect(parsePassFail(v)).toEqual({ kind: 'ok', value: true });
  });

  it.each<unknown>([
    'Không đạt',
    'không đạt'.normalize('NFD'),
    'KHÔNG ĐẠT',
    'Chưa đạt',
    'Không',
    'khong',
    '-',
    false,
    0,
    '0',
  ])('%p fails', (v) => {
    expect(parsePassFail(v)).toEqual({ kind: 'ok', value: false });
  });

  it.each<unknown>(['', '  ', null, undefined])('%p is empty, not a fail', (v) => {
    expect(parsePassFail(v)).toEqual({ kind: 'empty' });
  });

  it.each<unknown>(['abc', 'Đạt yêu cầu', 2, 0.5, NaN, new Date(), {}, 'xx'])(
    '%p is invalid',
    (v) => {
      expect(parsePassFail(v)).toMatchObject({ kind: 'invalid', code: 'not-pass-fail' });
    },
  );

  it('never throws for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.date()), (v) => {
        const r = parsePassFail(v);
        expect(['empty', 'ok', 'invalid']).toContain(r.kind);
        if (r.kind === 'ok') expect(typeof r.value).toBe('boolean');
        if (r.kind === 'invalid') expect(r.code).toBe('not-pass-fail');
      }),
      { numRuns: 1000 },
    );
  });
});
