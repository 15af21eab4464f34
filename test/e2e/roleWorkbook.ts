/**
 * The sample cluster (sample/cluster1.ts) shared with one account per role of the roles table
 * (src/core/roles.ts), set up by the owner through the real menu, with a ranking and ballots
 * prepared by the head: the starting point of the role matrix and the concurrency tests.
 *
 * Two variants, as clusters have them: consumer accounts of different domains (gmail.com, a
 * district's own domain, yahoo.com.vn, outlook.com), and every account inside one Google
 * Workspace domain (where a protection's "domain edit" would let the whole domain in).
 */
import { ANONYMOUS_USER, type LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { quoteSheetName } from '../../src/core/a1';
import { headerValues } from '../../src/core/layout/columns';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../src/core/layout/tables';
import { readUnits } from '../../src/core/readers/units';
import { readCriteria } from '../../src/core/readers/criteria';
import type { Unit } from '../../src/core/model/unit';
import type { CriteriaTree } from '../../src/core/model/criteria';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, seedSampleWorkbook } from './workbookFixture';

/** The people of DESIGN §8, plus the link editor Google never names. */
export type Person = 'owner' | 'head' | 'deputy' | 'member' | 'editor' | 'anonymous';
export const PEOPLE: readonly Person[] = [
  'owner',
  'head',
  'deputy',
  'member',
  'editor',
  'anonymous',
];

/** The unit each person types for (sample codes); the owner and the editors have none. */
export const UNIT_OF: Partial<Record<Person, string>> = { head: 'BD', deputy: 'HM', member: 'HK' };

export interface Variant {
  readonly name: string;
  readonly workspaceDomains: readonly string[];
  readonly people: Readonly<Record<Person, string>>;
  /** E-mails of the units nobody in PEOPLE stands for. */
  readonly otherUnits: Readonly<Record<'DD' | 'HBT' | 'LB', string>>;
}

export const CONSUMER: Variant = {
  name: 'consumer accounts of different domains',
  workspaceDomains: [],
  people: {
    owner: 'vanphong.mttq.hanoi@gmail.com',
    head: 'badinh.mttq@gmail.com',
    deputy: 'hoangmai@mttq-hoangmai.gov.vn',
    member: 'hoankiem.mttq@yahoo.com.vn',
    editor: 'thuky.cum1@outlook.com',
    anonymous: ANONYMOUS_USER,
  },
  otherUnits: {
    DD: 'dongda.mttq@gmail.com',
    HBT: 'haibatrung@mttq-haibatrung.gov.vn',
    LB: 'longbien.mttq@outlook.com',
  },
};

const WS = 'mttq.hanoi.gov.vn';
export const WORKSPACE: Variant = {
  name: `one Workspace domain (${WS})`,
  workspaceDomains: [WS],
  people: {
    owner: `vanphong@${WS}`,
    head: `badinh@${WS}`,
    deputy: `hoangmai@${WS}`,
    member: `hoankiem@${WS}`,
    editor: `thuky.cum1@${WS}`,
    anonymous: ANONYMOUS_USER,
  },
  otherUnits: { DD: `dongda@${WS}`, HBT: `haibatrung@${WS}`, LB: `longbien@${WS}` },
};

export const VARIANTS: readonly Variant[] = [CONSUMER, WORKSPACE];

export const CAPTIONS = {
  setup: 'Khởi tạo / cập nhật bảng tính',
  rank: 'Tính xếp hạng',
  prepareBallots: 'Tạo phiếu bình xét',
  toggleScoring: 'Khóa / mở chấm điểm',
} as const;

/** The sample's Đơn vị rows with each unit's e-mail replaced by the variant's account. */
export function unitRowsOf(variant: Variant): string[][] {
  const emailOf: Record<string, string> = {
    BD: variant.people.head,
    HM: variant.people.deputy,
    HK: variant.people.member,
    ...variant.otherUnits,
  };
  const column = UNITS_LAYOUT.columns.findIndex((c) => c.key === 'email');
  return SAMPLE_UNIT_ROWS.map((row) => {
    const out = [...row];
    const code = row[0] ?? '';
    out[column] = emailOf[code] ?? '';
    return out;
  });
}

export function unitsOf(variant: Variant): Unit[] {
  return readUnits([headerValues(UNITS_LAYOUT), ...unitRowsOf(variant)]).value;
}

export function sampleTree(): CriteriaTree {
  return readCriteria([headerValues(CRITERIA_LAYOUT), ...SAMPLE_CRITERIA_ROWS]).value;
}

export const at = (sheet: string, a1: string): string => `${quoteSheetName(sheet)}!${a1}`;

/**
 * Shared with every account (the anonymous link editor too: "anyone with the link can edit"), set
 * up by the owner with "Dùng điểm chấm chéo" = Có, ranked and ballots prepared by the head.
 */
export function preparedHost(variant: Variant): LocalHost {
  const { owner, ...rest } = variant.people;
  const host = newHost({
    accounts: { workspaceDomains: [...variant.workspaceDomains] },
    spreadsheet: { owner, editors: [...Object.values(rest), ...Object.values(variant.otherUnits)] },
  });
  seedSampleWorkbook(host, {
    unitRows: unitRowsOf(variant),
    settings: { ...SAMPLE_SETTINGS, useCrossScores: true },
  });
  host.open(owner);
  const steps: Array<[string, string]> = [
    [CAPTIONS.setup, owner],
    [CAPTIONS.rank, variant.people.head],
    [CAPTIONS.prepareBallots, variant.people.head],
  ];
  for (const [caption, user] of steps) {
    const run = host.clickMenu(caption, user);
    if (run.status !== 'ok') throw new Error(`${caption} by ${user}: ${run.error ?? run.status}`);
  }
  if (host.spreadsheet.sheet(SHEET_NAMES.votes) === undefined)
    throw new Error(`no ballots after set-up: ${host.ui.shown.at(-1)?.prompt ?? ''}`);
  return host;
}

/** Everything a refused action must leave alone: values, notes, protections, properties, triggers. */
export function snapshot(host: LocalHost): string {
  const m = host.spreadsheet;
  return JSON.stringify({
    sheets: m.sheets.map((s) => ({
      name: s.name,
      cells: s.rows.map((row) =>
        (row ?? []).map((c) => (c === undefined ? null : [c.v, c.f, c.note])),
      ),
    })),
    protections: m.protections.length,
    properties: [...host.properties.document].sort(),
    triggers: host.triggers.triggers.map((t) => [t.handler, t.owner]),
  });
}
