/**
 * "Thống kê khen thưởng": counts of the register's valid rows by level × recipient type (the
 * table of the seed-003 report), by kind (emulation titles apart from forms of commendation, as
 * the catalogue in model/award.ts classes each name), by level and title or form, by year and by
 * unit, and the sheet block that shows them. Pure; the counts do not depend on the order of the
 * rows, and every table adds up to the number of rows counted.
 */
import { formatNumberVi } from '../format/vietnamese';
import { NUMBER_FORMATS, headerValues } from '../layout/columns';
import { AWARD_STATISTICS_LAYOUT } from '../layout/tables';
import {
  AWARD_KIND_LABELS,
  AWARD_LEVEL_LABELS,
  AwardKindSchema,
  AwardLevelSchema,
  awardKindOf,
  type AwardKind,
  type AwardLevel,
  type AwardRecord,
  type RecipientType,
} from '../model/award';
import { compareVietnamese } from '../text/collation';
import { nameKey } from '../text/normalize';

export interface AwardCount {
  readonly collective: number;
  readonly individual: number;
  readonly total: number;
}

export interface AwardStatistics {
  readonly total: AwardCount;
  /** Every level, zeros included, in the order Nhà nước, Bộ / tỉnh, Cơ sở. */
  readonly byLevel: readonly {
    readonly level: AwardLevel;
    readonly label: string;
    readonly count: AwardCount;
  }[];
  /** Emulation titles, then forms of commendation, zeros included. */
  readonly byKind: readonly {
    readonly kind: AwardKind;
    readonly label: string;
    readonly count: AwardCount;
  }[];
  /**
   * Titles first, then forms; within each, level order, then most awards first, then Vietnamese
   * order of names.
   */
  readonly byLevelForm: readonly {
    readonly kind: AwardKind;
    readonly level: AwardLevel;
    readonly form: string;
    readonly count: AwardCount;
  }[];
  readonly byYear: readonly { readonly year: number; readonly count: AwardCount }[];
  /** Most awards first, then Vietnamese order of units. */
  readonly byUnit: readonly { readonly unit: string; readonly count: AwardCount }[];
}

export type CountedAward = Pick<
  AwardRecord,
  'recipientType' | 'level' | 'form' | 'year' | 'unit' | 'name'
>;

/** Unit of an individual who has none written. */
export const NO_UNIT_LABEL = '(Chưa ghi đơn vị)';

const LEVELS: readonly AwardLevel[] = AwardLevelSchema.options;
const KINDS: readonly AwardKind[] = AwardKindSchema.options;

interface Tally {
  collective: number;
  individual: number;
}

function newTally(): Tally {
  return { collective: 0, individual: 0 };
}

function add(tally: Tally, type: RecipientType): void {
  if (type === 'collective') tally.collective++;
  else tally.individual++;
}

function countOf(tally: Tally | undefined): AwardCount {
  const t = tally ?? newTally();
  return { collective: t.collective, individual: t.individual, total: t.collective + t.individual };
}

/**
 * Tallies by a name compared without case or spacing; the name shown is the smallest spelling
 * by code units, so it does not depend on which row came first.
 */
type NamedTallies = Map<string, { shown: string; tally: Tally }>;

function addNamed(tallies: NamedTallies, name: string, type: RecipientType): void {
  const key = nameKey(name);
  let entry = tallies.get(key);
  if (entry === undefined) {
    entry = { shown: name, tally: newTally() };
    tallies.set(key, entry);
  } else if (name < entry.shown) entry.shown = name;
  add(entry.tally, type);
}

function sortedNamed(tallies: NamedTallies | undefined): { name: string; count: AwardCount }[] {
  return [...(tallies?.values() ?? [])]
    .map((e) => ({ name: e.shown, count: countOf(e.tally) }))
    .sort(
      (a, b) =>
        b.count.total - a.count.total ||
        compareVietnamese(a.name, b.name) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}

/** The unit an award is counted under: its unit, or a collective's own name. */
export function countedUnit(r: Pick<AwardRecord, 'recipientType' | 'unit' | 'name'>): string {
  if (r.unit !== '') return r.unit;
  return r.recipientType === 'collective' ? r.name : NO_UNIT_LABEL;
}

export function countAwards(rows: readonly CountedAward[]): AwardStatistics {
  const total = newTally();
  const levels = new Map(LEVELS.map((l) => [l, newTally()]));
  const kinds = new Map(KINDS.map((k) => [k, newTally()]));
  /** Kind, then level: the names of each. */
  const forms = new Map(
    KINDS.map((k) => [k, new Map<AwardLevel, NamedTallies>(LEVELS.map((l) => [l, new Map()]))]),
  );
  /** A name's kind, asked once per spelling. */
  const kindOf = new Map<string, AwardKind>();
  const years = new Map<number, Tally>();
  const units: NamedTallies = new Map();
  for (const r of rows) {
    add(total, r.recipientType);
    const level = levels.get(r.level);
    let kind = kindOf.get(r.form);
    if (kind === undefined) {
      kind = awardKindOf(r.form);
      kindOf.set(r.form, kind);
    }
    const kindTally = kinds.get(kind);
    if (kindTally !== undefined) add(kindTally, r.recipientType);
    const levelForms = forms.get(kind)?.get(r.level);
    if (level !== undefined) add(level, r.recipientType);
    if (levelForms !== undefined) addNamed(levelForms, r.form, r.recipientType);
    let year = years.get(r.year);
    if (year === undefined) {
      year = newTally();
      years.set(r.year, year);
    }
    add(year, r.recipientType);
    addNamed(units, countedUnit(r), r.recipientType);
  }
  return {
    total: countOf(total),
    byLevel: LEVELS.map((level) => ({
      level,
      label: AWARD_LEVEL_LABELS[level],
      count: countOf(levels.get(level)),
    })),
    byKind: KINDS.map((kind) => ({
      kind,
      label: AWARD_KIND_LABELS[kind],
      count: countOf(kinds.get(kind)),
    })),
    byLevelForm: KINDS.flatMap((kind) =>
      LEVELS.flatMap((level) =>
        sortedNamed(forms.get(kind)?.get(level)).map((f) => ({
          kind,
          level,
          form: f.name,
          count: f.count,
        })),
      ),
    ),
    byYear: [...years.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, tally]) => ({ year, count: countOf(tally) })),
    byUnit: sortedNamed(units).map((u) => ({ unit: u.name, count: u.count })),
  };
}

// ------------------------------------------------------------------ the sheet

export const AWARD_STATISTICS_CHART_TITLE = 'Khen thưởng theo cấp khen';
export const SECTION_LABELS = {
  level: 'Cấp khen',
  kind: 'Loại khen thưởng',
  /** One section per kind, labelled by AWARD_KIND_LABELS, listing level and name. */
  year: 'Năm',
  unit: 'Đơn vị',
} as const;
export const TOTAL_LABEL = 'Tổng cộng';
/** The subtotal of one kind's section (its rows add up to the kind's count, not to the total). */
export const SUBTOTAL_LABEL = 'Cộng';

export interface AwardStatisticsBlock {
  readonly values: readonly (readonly (string | number)[])[];
  readonly numberFormats: readonly (readonly string[])[];
  /** 1-based rows shown in bold: the header and each section's total. */
  readonly boldRows: readonly number[];
  readonly width: number;
  readonly frozenRows: number;
  /**
   * The column chart of the level table: the header row and the three level rows, columns
   * Mục, Tập thể, Cá nhân (1-based); anchored right of the table.
   */
  readonly chart: {
    readonly row: number;
    readonly column: number;
    readonly numRows: number;
    readonly numColumns: number;
    readonly anchorRow: number;
    readonly anchorColumn: number;
  };
  readonly toast: string;
}

export interface AwardStatisticsContext {
  /** When the statistics were made, as the sheet should show it ("15/01/2026 08:00"). */
  readonly time: string;
  /** Register rows left out because of errors. */
  readonly invalidRows: number;
}

function countCells(c: AwardCount): number[] {
  return [c.collective, c.individual, c.total];
}

export function awardStatisticsBlock(
  stats: AwardStatistics,
  context: AwardStatisticsContext,
): AwardStatisticsBlock {
  const layout = AWARD_STATISTICS_LAYOUT;
  const width = layout.columns.length;
  const n = (x: number): string => formatNumberVi(x);
  const years = stats.byYear.map((y) => y.year);
  const yearText =
    years.length === 0
      ? ''
      : years.length === 1
        ? ` năm ${String(years[0])}`
        : ` năm ${String(years[0])}–${String(years[years.length - 1])}`;
  const left =
    context.invalidRows > 0
      ? `; ${n(context.invalidRows)} dòng có lỗi chưa được tính (xem "Kiểm tra dữ liệu")`
      : '';
  const kinds = stats.byKind.map((k) => `${n(k.count.total)} ${k.label.toLowerCase()}`).join(', ');
  const values: (string | number)[][] = [
    [`THỐNG KÊ KHEN THƯỞNG${yearText.toUpperCase()}`, '', '', '', ''],
    [
      `Cập nhật lúc ${context.time}`,
      `${n(stats.total.total)} khen thưởng trong sổ khen thưởng (${kinds})${left}.`,
      '',
      '',
      '',
    ],
    headerValues(layout),
  ];
  const boldRows: number[] = [1, layout.headerRow];
  const section = (
    label: string,
    items: readonly { item: string; count: AwardCount }[],
    total: { label: string; count: AwardCount } = { label: TOTAL_LABEL, count: stats.total },
  ): void => {
    for (const i of items) values.push([label, i.item, ...countCells(i.count)]);
    values.push([label, total.label, ...countCells(total.count)]);
    boldRows.push(values.length);
  };
  const levelRow = values.length + 1;
  section(
    SECTION_LABELS.level,
    stats.byLevel.map((l) => ({ item: l.label, count: l.count })),
  );
  section(
    SECTION_LABELS.kind,
    stats.byKind.map((k) => ({ item: k.label, count: k.count })),
  );
  for (const k of stats.byKind) {
    section(
      k.label,
      stats.byLevelForm
        .filter((f) => f.kind === k.kind)
        .map((f) => ({ item: `${AWARD_LEVEL_LABELS[f.level]}: ${f.form}`, count: f.count })),
      { label: SUBTOTAL_LABEL, count: k.count },
    );
  }
  section(
    SECTION_LABELS.year,
    stats.byYear.map((y) => ({ item: String(y.year), count: y.count })),
  );
  section(
    SECTION_LABELS.unit,
    stats.byUnit.map((u) => ({ item: u.unit, count: u.count })),
  );

  const formats = layout.columns.map((c) => c.numberFormat);
  const numberFormats = values.map((_, r) =>
    r < layout.headerRow ? formats.map(() => NUMBER_FORMATS.text) : [...formats],
  );
  const levels = stats.byLevel
    .map(
      (l) =>
        `${l.label} ${n(l.count.total)} (${n(l.count.collective)} tập thể, ${n(l.count.individual)} cá nhân)`,
    )
    .join('; ');
  return {
    values,
    numberFormats,
    boldRows,
    width,
    frozenRows: layout.frozenRows,
    chart: {
      row: layout.headerRow,
      column: 2,
      numRows: 1 + stats.byLevel.length,
      numColumns: 3,
      anchorRow: levelRow,
      anchorColumn: width + 2,
    },
    toast:
      stats.total.total === 0
        ? 'Sổ khen thưởng chưa có dòng hợp lệ nào để thống kê.'
        : `Đã thống kê ${n(stats.total.total)} khen thưởng (${kinds}): ${levels}.` +
          (context.invalidRows > 0 ? ` ${n(context.invalidRows)} dòng có lỗi chưa được tính.` : ''),
  };
}
