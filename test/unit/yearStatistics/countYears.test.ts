import { countYears, type CountedRegisterRow } from '../../../src/core/yearStatistics/countYears';
import { countAwards } from '../../../src/core/awards/statistics';
import type { HistoryEntry } from '../../../src/core/model/history';
import { clusterHistory } from '../../../sample/clusterHistory';

const h = (e: Partial<HistoryEntry> & Pick<HistoryEntry, 'year' | 'name' | 'item'>) => ({
  subjectType: 'collective' as const,
  unit: '',
  registerKey: '',
  ...e,
});

const reg = (
  r: Partial<CountedRegisterRow> & Pick<CountedRegisterRow, 'key'>,
): CountedRegisterRow => ({
  recipientType: 'collective',
  level: 'ministryProvince',
  form: 'Bằng khen',
  year: 2022,
  unit: '',
  name: 'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
  ...r,
});

describe('countYears', () => {
  it('counts a year from the history alone, by level × recipient and titles apart from forms', () => {
    const counted = countYears({ history: clusterHistory(), register: [] });
    expect(counted.years.map((y) => y.year)).toEqual([2020, 2021, 2022]);
    const y2020 = counted.years[0];
    // Collectives: Huân chương (state); Cờ thi đua, 2 Bằng khen, 2 Tập thể lao động xuất sắc
    // (city). Individuals: 11 Lao động tiên tiến + 1 Chiến sĩ thi đua cơ sở (base).
    expect(
      y2020?.stats.byLevel.map((l) => [l.level, l.count.collective, l.count.individual]),
    ).toEqual([
      ['state', 1, 0],
      ['ministryProvince', 5, 0],
      ['base', 0, 12],
    ]);
    expect(y2020?.stats.byKind.map((k) => [k.kind, k.count.total])).toEqual([
      ['title', 15],
      ['form', 3],
    ]);
    expect(y2020?.sources).toEqual({ history: 18, register: 0, registerInHistory: 0 });
    // 2022 in the sample history: no collective award (those are the register's), individuals'
    // titles only: 12 Lao động tiên tiến and 1 Chiến sĩ thi đua cơ sở.
    expect(counted.years[2]?.stats.total).toEqual({ collective: 0, individual: 13, total: 13 });
  });

  it('leaves ratings and initiatives out of the awards and counts them apart', () => {
    const counted = countYears({
      history: [
        h({ year: 2021, name: 'A', item: 'HTXSNV' }),
        h({ year: 2021, name: 'A', item: 'Hoàn thành tốt nhiệm vụ' }),
        h({ year: 2021, name: 'B', subjectType: 'individual', item: 'Sáng kiến "X"' }),
        h({
          year: 2021,
          name: 'B',
          subjectType: 'individual',
          item: 'Lao động tiên tiến',
          level: 'base',
        }),
      ],
      register: [],
    });
    expect(counted.ratings).toBe(2);
    expect(counted.initiatives).toBe(1);
    expect(counted.years[0]?.stats.total).toEqual({ collective: 0, individual: 1, total: 1 });
    // The sample: 3 years × (6 collectives + 12 people) ratings, 4 initiatives.
    const sample = countYears({ history: clusterHistory(), register: [] });
    expect(sample.ratings).toBe(54);
    expect(sample.initiatives).toBe(4);
  });

  it('counts the current year from the register by its rows’ year', () => {
    const counted = countYears({
      history: [h({ year: 2021, name: 'A', item: 'Cờ thi đua', level: 'ministryProvince' })],
      register: [
        reg({ key: 'KT2022-1', form: 'Cờ thi đua' }),
        reg({ key: 'KT2022-2' }),
        reg({
          key: 'KT2022-3',
          recipientType: 'individual',
          level: 'base',
          form: 'Giấy khen',
          name: 'C',
        }),
      ],
    });
    const y2022 = counted.years.find((y) => y.year === 2022);
    expect(y2022?.sources).toEqual({ history: 0, register: 3, registerInHistory: 0 });
    expect(y2022?.stats).toEqual(
      countAwards([
        reg({ key: '', form: 'Cờ thi đua' }),
        reg({ key: '' }),
        reg({ key: '', recipientType: 'individual', level: 'base', form: 'Giấy khen', name: 'C' }),
      ]),
    );
  });

  it('counts a register row already recorded in history once, from the history', () => {
    const recorded = h({
      year: 2022,
      name: 'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
      item: 'Bằng khen',
      level: 'ministryProvince',
      registerKey: ' kt2022-0123456789abcdef ',
    });
    const counted = countYears({
      history: [recorded],
      register: [
        reg({ key: 'KT2022-0123456789ABCDEF' }),
        reg({ key: 'KT2022-other', name: 'Ba Đình' }),
      ],
    });
    const y = counted.years[0];
    expect(y?.stats.total.total).toBe(2);
    expect(y?.sources).toEqual({ history: 1, register: 1, registerInHistory: 1 });
    // Without the key the same row would be counted twice: the key is what decides.
    const unkeyed = countYears({
      history: [{ ...recorded, registerKey: '' }],
      register: [reg({ key: 'KT2022-0123456789ABCDEF' })],
    });
    expect(unkeyed.years[0]?.stats.total.total).toBe(2);
  });

  it('names a title or form of history with no level instead of guessing one', () => {
    const counted = countYears({
      history: [
        { ...h({ year: 2020, name: 'A', item: 'Bằng khen' }), row: 7 },
        { ...h({ year: 2020, name: 'A', item: 'HTXSNV' }), row: 5 },
      ],
      register: [],
    });
    expect(counted.withoutLevel).toEqual([7]);
    expect(counted.years[0]?.stats.total.total).toBe(0);
  });

  it('does not depend on the order of the rows', () => {
    const history = clusterHistory();
    const a = countYears({ history, register: [] });
    const b = countYears({ history: [...history].reverse(), register: [] });
    expect(b).toEqual(a);
  });
});
