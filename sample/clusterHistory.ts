/**
 * Three years (2020, 2021, 2022) of Lịch sử thi đua, khen thưởng for the sample cluster
 * (sample/cluster1.ts: Cụm thi đua số 1 of Hanoi's Fatherland Front, seeds 001 and 002).
 *
 * From the seeds: the six district committees; Đống Đa was the cluster head and Hoàn Kiếm its
 * deputy in 2020 (seed 001); Ba Đình hosted the 2022 pledge (seed 002). Everything else is
 * invented: ratings, titles, forms, decision numbers and dates, and the people (staff of the Ba
 * Đình and Hoàn Kiếm committees).
 *
 * 2022's collective awards are not here: they are the cluster's 2022 register (the demo's vote
 * puts Cờ thi đua to Ba Đình, Bằng khen to Hoàn Kiếm and Hoàng Mai), recorded into history from
 * the register. 2022 holds the ratings and the individuals' titles, which that register lacks.
 *
 * Built for eligibility rules to both pass and fail (2022 proposals judged on 2020–2022):
 * - Nguyễn Thị Hà: Chiến sĩ thi đua cơ sở 2020, 2021, 2022 (three consecutive: passes Chiến sĩ
 *   thi đua cấp tỉnh's condition) and HTXSNV each year;
 * - Trần Văn Minh: HTXSNV 2021 and 2022 with an initiative each year (passes Bằng khen's "two
 *   consecutive HTXSNV"), Chiến sĩ thi đua cơ sở 2021 only (fails the three consecutive);
 * - Lê Thị Lan: HTXSNV 2020 and 2022, HTTNV 2021 (no two consecutive: fails);
 * - Chiến sĩ thi đua cơ sở over Lao động tiên tiến, in Ba Đình and in the cluster: 2020 1/8 and
 *   1/11, 2021 2/8 and 2/11, 2022 1/8 and 1/12; under a 15 % cap 2020 and 2022 pass, 2021 fails.
 */
import type { CalendarDateValue } from '../src/core/model/calendarDate';
import {
  AWARD_LEVEL_LABELS,
  RECIPIENT_TYPE_LABELS,
  type AwardLevel,
} from '../src/core/model/award';
import { HistoryEntrySchema, type HistoryEntry } from '../src/core/model/history';
import { HISTORY_LAYOUT, type HistoryColumnKey } from '../src/core/layout/historyTables';
import { headerValues } from '../src/core/layout/columns';

export const HISTORY_YEARS = [2020, 2021, 2022] as const;

const FRONT = 'Ủy ban MTTQ Việt Nam quận';
const BA_DINH = `${FRONT} Ba Đình`;
const HOAN_KIEM = `${FRONT} Hoàn Kiếm`;

/** The six committees by the sample's unit code, full names as Đơn vị's "Tên đầy đủ". */
export const HISTORY_UNITS: Readonly<Record<string, string>> = {
  BD: BA_DINH,
  HM: `${FRONT} Hoàng Mai`,
  HK: HOAN_KIEM,
  DD: `${FRONT} Đống Đa`,
  HBT: `${FRONT} Hai Bà Trưng`,
  LB: `${FRONT} Long Biên`,
};

const date = (day: number, month: number, year: number): CalendarDateValue => ({
  year,
  month,
  day,
});

/** One decision: its number and date (invented). */
interface Decision {
  readonly number: string;
  readonly date: CalendarDateValue;
}

/** The City Front's year-end decisions on the cluster (invented numbers and dates). */
const CITY_FRONT: Readonly<Record<number, Decision>> = {
  2020: { number: '98/QĐ-MTTQ-BTT', date: date(28, 12, 2020) },
  2021: { number: '112/QĐ-MTTQ-BTT', date: date(29, 12, 2021) },
};
/** The Central Committee's Presidium (Bằng khen of Ủy ban Trung ương MTTQ Việt Nam). */
const CENTRAL_FRONT: Decision = { number: '1650/QĐ-MTTW-ĐCT', date: date(15, 1, 2022) };
/** The President's order for Hoàn Kiếm (state level). */
const PRESIDENT_2020: Decision = { number: '1245/QĐ-CTN', date: date(20, 11, 2020) };

/** Each district committee's own year-end decision on its staff (base level). */
function districtDecision(code: string, year: number): Decision {
  const serial = { BD: 45, HK: 52 }[code] ?? 40;
  return { number: `${String(serial + year - 2020)}/QĐ-MTTQ`, date: date(25, 12, year) };
}

type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV';

/** Collectives' ratings by unit code, for 2020, 2021, 2022 (2022 follows the sample's scores). */
const COLLECTIVE_RATINGS: Readonly<Record<string, readonly [Rating, Rating, Rating]>> = {
  BD: ['HTXSNV', 'HTXSNV', 'HTXSNV'],
  HM: ['HTTNV', 'HTXSNV', 'HTXSNV'],
  HK: ['HTXSNV', 'HTXSNV', 'HTXSNV'],
  DD: ['HTXSNV', 'HTTNV', 'HTTNV'],
  HBT: ['HTXSNV', 'HTXSNV', 'HTXSNV'],
  LB: ['HTTNV', 'HTNV', 'HTNV'],
};

/** Collectives' titles and forms of 2020 and 2021: [year, unit code, item, level, decision]. */
const COLLECTIVE_AWARDS: readonly (readonly [number, string, string, AwardLevel, Decision])[] = [
  [
    2020,
    'DD',
    'Cờ thi đua của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2020] as Decision,
  ],
  [
    2020,
    'HK',
    'Bằng khen của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2020] as Decision,
  ],
  [
    2020,
    'BD',
    'Bằng khen của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2020] as Decision,
  ],
  [2020, 'HK', 'Huân chương Lao động hạng Ba', 'state', PRESIDENT_2020],
  [2020, 'BD', 'Tập thể lao động xuất sắc', 'ministryProvince', CITY_FRONT[2020] as Decision],
  [2020, 'HBT', 'Tập thể lao động xuất sắc', 'ministryProvince', CITY_FRONT[2020] as Decision],
  [
    2021,
    'HK',
    'Cờ thi đua của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2021] as Decision,
  ],
  [
    2021,
    'BD',
    'Bằng khen của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2021] as Decision,
  ],
  [
    2021,
    'HBT',
    'Bằng khen của Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    'ministryProvince',
    CITY_FRONT[2021] as Decision,
  ],
  [2021, 'BD', 'Tập thể lao động xuất sắc', 'ministryProvince', CITY_FRONT[2021] as Decision],
  [2021, 'HM', 'Tập thể lao động xuất sắc', 'ministryProvince', CITY_FRONT[2021] as Decision],
  [2021, 'DD', 'Giấy khen', 'base', { number: '30/QĐ-UBND', date: date(30, 12, 2021) }],
];

/** What a person achieved in one year: rating, titles (base level), an initiative. */
interface PersonYear {
  readonly rating: Rating;
  /** Lao động tiên tiến. */
  readonly ldtt?: boolean;
  /** Chiến sĩ thi đua cơ sở (always with Lao động tiên tiến, which it requires). */
  readonly cstdcs?: boolean;
  readonly initiative?: string;
}

interface Person {
  readonly name: string;
  readonly unit: string;
  readonly position: string;
  readonly years: readonly [PersonYear, PersonYear, PersonYear];
}

const LDTT_HTTNV: PersonYear = { rating: 'HTTNV', ldtt: true };
const LDTT_HTXSNV: PersonYear = { rating: 'HTXSNV', ldtt: true };

/** The people (invented), with 2020, 2021, 2022. */
export const HISTORY_PEOPLE: readonly Person[] = [
  {
    name: 'Nguyễn Thị Hà',
    unit: BA_DINH,
    position: 'Phó Chủ tịch',
    years: [
      { rating: 'HTXSNV', ldtt: true, cstdcs: true },
      {
        rating: 'HTXSNV',
        ldtt: true,
        cstdcs: true,
        initiative: 'Sáng kiến "Sổ tay số Mặt trận khu dân cư"',
      },
      {
        rating: 'HTXSNV',
        ldtt: true,
        cstdcs: true,
        initiative: 'Sáng kiến "Giám sát đầu tư cộng đồng bằng ứng dụng"',
      },
    ],
  },
  {
    name: 'Trần Văn Minh',
    unit: BA_DINH,
    position: 'Ủy viên Ban Thường trực',
    years: [
      LDTT_HTTNV,
      {
        rating: 'HTXSNV',
        ldtt: true,
        cstdcs: true,
        initiative: 'Sáng kiến "Quy trình tiếp nhận ý kiến cử tri trực tuyến"',
      },
      {
        rating: 'HTXSNV',
        ldtt: true,
        initiative: 'Sáng kiến "Bản đồ hộ nghèo, cận nghèo của quận"',
      },
    ],
  },
  {
    name: 'Lê Thị Lan',
    unit: BA_DINH,
    position: 'Chuyên viên',
    years: [LDTT_HTXSNV, LDTT_HTTNV, LDTT_HTXSNV],
  },
  {
    name: 'Phạm Quang Huy',
    unit: BA_DINH,
    position: 'Chuyên viên',
    years: [LDTT_HTTNV, LDTT_HTTNV, LDTT_HTTNV],
  },
  {
    name: 'Vũ Thị Thu',
    unit: BA_DINH,
    position: 'Chuyên viên',
    years: [LDTT_HTTNV, LDTT_HTXSNV, LDTT_HTTNV],
  },
  {
    name: 'Đặng Văn Long',
    unit: BA_DINH,
    position: 'Chuyên viên',
    years: [LDTT_HTTNV, LDTT_HTTNV, LDTT_HTTNV],
  },
  {
    name: 'Bùi Thị Ngọc',
    unit: BA_DINH,
    position: 'Kế toán',
    years: [LDTT_HTTNV, LDTT_HTTNV, LDTT_HTTNV],
  },
  {
    name: 'Hoàng Minh Đức',
    unit: BA_DINH,
    position: 'Văn thư',
    years: [LDTT_HTTNV, LDTT_HTTNV, LDTT_HTTNV],
  },
  {
    name: 'Ngô Thị Mai',
    unit: HOAN_KIEM,
    position: 'Phó Chủ tịch',
    years: [LDTT_HTXSNV, LDTT_HTXSNV, LDTT_HTXSNV],
  },
  {
    name: 'Đỗ Văn Khánh',
    unit: HOAN_KIEM,
    position: 'Chuyên viên',
    years: [LDTT_HTTNV, { rating: 'HTNV' }, LDTT_HTTNV],
  },
  {
    name: 'Trịnh Thị Yến',
    unit: HOAN_KIEM,
    position: 'Chuyên viên',
    years: [LDTT_HTTNV, LDTT_HTTNV, LDTT_HTTNV],
  },
  {
    name: 'Lý Văn Sơn',
    unit: HOAN_KIEM,
    position: 'Chuyên viên',
    years: [{ rating: 'HTNV' }, LDTT_HTTNV, LDTT_HTTNV],
  },
];

const TITLE_LDTT = 'Lao động tiên tiến';
const TITLE_CSTDCS = 'Chiến sĩ thi đua cơ sở';

function entry(fields: Partial<HistoryEntry> & Pick<HistoryEntry, 'year' | 'name' | 'item'>) {
  return HistoryEntrySchema.parse({ subjectType: 'collective', ...fields });
}

function collectiveEntries(): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const [code, ratings] of Object.entries(COLLECTIVE_RATINGS)) {
    ratings.forEach((rating, i) =>
      out.push(
        entry({ year: HISTORY_YEARS[i] ?? 2020, name: HISTORY_UNITS[code] ?? code, item: rating }),
      ),
    );
  }
  for (const [year, code, item, level, decision] of COLLECTIVE_AWARDS) {
    out.push(
      entry({
        year,
        name: HISTORY_UNITS[code] ?? code,
        item,
        level,
        decisionNumber: decision.number,
        decisionDate: decision.date,
      }),
    );
  }
  return out;
}

function individualEntries(): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const codeOf = (unit: string): string =>
    Object.entries(HISTORY_UNITS).find(([, name]) => name === unit)?.[0] ?? '';
  for (const person of HISTORY_PEOPLE) {
    const base = { subjectType: 'individual' as const, name: person.name, unit: person.unit };
    person.years.forEach((y, i) => {
      const year = HISTORY_YEARS[i] ?? 2020;
      const decision = districtDecision(codeOf(person.unit), year);
      const titled = {
        level: 'base' as const,
        decisionNumber: decision.number,
        decisionDate: decision.date,
      };
      out.push(entry({ ...base, year, item: y.rating, note: person.position }));
      if (y.ldtt === true || y.cstdcs === true)
        out.push(entry({ ...base, year, item: TITLE_LDTT, ...titled }));
      if (y.cstdcs === true) out.push(entry({ ...base, year, item: TITLE_CSTDCS, ...titled }));
      if (y.initiative !== undefined)
        out.push(
          entry({ ...base, year, item: y.initiative, note: 'Hội đồng sáng kiến quận công nhận' }),
        );
    });
  }
  // Nguyễn Thị Hà's two consecutive Chiến sĩ thi đua cơ sở earned the Central Committee's
  // Bằng khen for 2021.
  out.push(
    entry({
      subjectType: 'individual',
      year: 2021,
      name: 'Nguyễn Thị Hà',
      unit: BA_DINH,
      item: 'Bằng khen của Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam',
      level: 'ministryProvince',
      decisionNumber: CENTRAL_FRONT.number,
      decisionDate: CENTRAL_FRONT.date,
    }),
  );
  return out;
}

/** The sample's history, year by year: collectives, then individuals. */
export function clusterHistory(): HistoryEntry[] {
  const all = [...collectiveEntries(), ...individualEntries()];
  return HISTORY_YEARS.flatMap((year) => all.filter((e) => e.year === year));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A history entry's cell in a column, as a user types it (dates as dd/mm/yyyy). */
function cellOf(e: HistoryEntry, key: HistoryColumnKey): string | number {
  switch (key) {
    case 'year':
      return e.year;
    case 'subjectType':
      return RECIPIENT_TYPE_LABELS[e.subjectType];
    case 'level':
      return e.level === undefined ? '' : AWARD_LEVEL_LABELS[e.level];
    case 'decisionDate':
      return e.decisionDate === undefined
        ? ''
        : `${pad(e.decisionDate.day)}/${pad(e.decisionDate.month)}/${String(e.decisionDate.year)}`;
    default:
      return e[key];
  }
}

/** Rows to paste below Lịch sử's header, in HISTORY_LAYOUT's column order. */
export function historySheetRows(
  entries: readonly HistoryEntry[] = clusterHistory(),
): (string | number)[][] {
  return entries.map((e) => HISTORY_LAYOUT.columns.map((c) => cellOf(e, c.key)));
}

/** The whole sheet: the header row, then the entries (for a sheet set-up has not laid out). */
export function historySheetGrid(
  entries: readonly HistoryEntry[] = clusterHistory(),
): (string | number)[][] {
  return [headerValues(HISTORY_LAYOUT), ...historySheetRows(entries)];
}
