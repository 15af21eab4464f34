import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { AWARDS_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import { ClusterSettingsSchema, type ClusterSettingsInput } from '../../../src/core/model/settings';
import { documentNumber, prepareDossier } from '../../../src/core/documents/dossierPrepare';
import type { VoteState } from '../../../src/core/votes/rounds';
import { SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

const MEETING: ClusterSettingsInput = {
  ...SAMPLE_SETTINGS,
  meetingDate: { year: 2022, month: 12, day: 15 },
  meetingSecretary: 'Trần Văn Thư',
  ballotCounters: ['Lê Thị Kiểm'],
  signerTitle: 'Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội',
};

function awardRow(name: string, form: string, decisionNumber = '', year = 2022): unknown[] {
  const values: Record<string, unknown> = {
    recipientType: 'Tập thể',
    name,
    form,
    level: 'Bộ, ngành, tỉnh / thành phố',
    issuingBody: 'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI',
    achievement: 'Đã có thành tích xuất sắc',
    decisionNumber,
    year,
  };
  return AWARDS_LAYOUT.columns.map((c) => values[c.key] ?? '');
}

const ROUND = {
  round: 1,
  valid: true,
  members: 6,
  present: 6,
  cast: 6,
  valid_ballots: 6,
  spoiled: 0,
  threshold: 'trên 50 %',
  counts: [],
  elected: [
    { label: 'Ba Đình (Cờ thi đua)', unitCode: 'BD', unitName: 'Ba Đình', form: 'Cờ thi đua' },
  ],
  open: [],
};
const VOTED: VoteState = { rankingFingerprint: 'x', rounds: [ROUND] };

function grids(
  settings: ClusterSettingsInput,
  awards: unknown[][],
): Parameters<typeof prepareDossier>[0] {
  return {
    [SHEET_NAMES.settings]: settingsGrid(ClusterSettingsSchema.parse(settings)),
    [SHEET_NAMES.units]: [headerValues(UNITS_LAYOUT), ...SAMPLE_UNIT_ROWS],
    [SHEET_NAMES.awards]: [headerValues(AWARDS_LAYOUT), ...awards],
  };
}

const cellOf = (key: string): string =>
  `B${String(SETTING_ROWS.findIndex((r) => r.key === key) + 2)}`;

const REGISTER = [
  awardRow('Ủy ban MTTQ Việt Nam quận Ba Đình', 'Cờ thi đua'),
  awardRow('Ủy ban MTTQ Việt Nam quận Hoàn Kiếm', 'Bằng khen', '125/QĐ-MTTQ-BTT'),
  awardRow('Ủy ban MTTQ Việt Nam quận Hoàng Mai', 'Bằng khen', '125/QĐ-MTTQ-BTT'),
  awardRow('Ủy ban MTTQ Việt Nam quận Đống Đa', 'Bằng khen', '', 2021),
];

describe('prepareDossier', () => {
  it('lists the rows of the year still without a decision when no number is set', () => {
    const prep = prepareDossier(grids(MEETING, REGISTER), VOTED);
    expect(prep.problems).toEqual([]);
    expect(prep.input?.decision.rows.map((r) => r.name)).toEqual([
      'Ủy ban MTTQ Việt Nam quận Ba Đình',
    ]);
    expect(prep.input?.numbers.draftDecision).toBe('\u00a0'.repeat(8) + '/QĐ');
    expect(prep.input?.decision.issuer).toBe('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
    // Kính gửi left blank: the body the rows name as issuer.
    expect(prep.input?.addressee).toBe('ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI');
  });

  it('lists exactly the rows of the decision Cấu hình names', () => {
    const prep = prepareDossier(
      grids({ ...MEETING, draftDecisionNumber: '125/qđ-mttq-btt' }, REGISTER),
      VOTED,
    );
    expect(prep.problems).toEqual([]);
    expect(prep.input?.decision.rows.map((r) => r.name)).toEqual([
      'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
      'Ủy ban MTTQ Việt Nam quận Hoàng Mai',
    ]);
    expect(prep.records?.draftDecision['so_qd']).toBe('125/qđ-mttq-btt');
  });

  it('refuses, naming the Cấu hình cells, a missing meeting date, secretary and signer', () => {
    const prep = prepareDossier(grids({ ...SAMPLE_SETTINGS }, REGISTER), VOTED);
    expect(prep.records).toBeUndefined();
    const text = prep.problems.join('\n');
    expect(text).toContain(`ô ${cellOf('meetingDate')}`);
    expect(text).toContain(`ô ${cellOf('meetingSecretary')}`);
    expect(text).toContain(`ô ${cellOf('signerTitle')}`);
    expect(prep.problems).toHaveLength(3);
  });

  it('refuses before a vote is held, and while a tie waits for another round', () => {
    expect(prepareDossier(grids(MEETING, REGISTER), undefined).problems.join()).toContain(
      'chưa kiểm phiếu bình xét',
    );
    const tied: VoteState = {
      rankingFingerprint: 'x',
      rounds: [
        {
          ...ROUND,
          open: [
            {
              form: 'Bằng khen',
              places: 1,
              nominees: [
                { label: 'a', unitCode: 'HBT', unitName: 'Hai Bà Trưng', form: 'Bằng khen' },
                { label: 'b', unitCode: 'HM', unitName: 'Hoàng Mai', form: 'Bằng khen' },
              ],
            },
          ],
        },
      ],
    };
    expect(prepareDossier(grids(MEETING, REGISTER), tied).problems).toEqual([
      `Trang "${SHEET_NAMES.votes}": vòng 1 còn bằng phiếu ở suất cuối (Hai Bà Trưng (Bằng khen), Hoàng Mai (Bằng khen)). Hãy bỏ phiếu vòng 2 rồi kiểm phiếu trước khi lập hồ sơ.`,
    ]);
  });

  it('refuses a decision number no register row carries', () => {
    const prep = prepareDossier(
      grids({ ...MEETING, draftDecisionNumber: '9/QĐ' }, REGISTER),
      VOTED,
    );
    expect(prep.problems).toEqual([
      `Trang "${SHEET_NAMES.settings}", ô ${cellOf('draftDecisionNumber')}: không có dòng nào của năm 2022 ở trang "${SHEET_NAMES.awards}" có số quyết định "9/QĐ".`,
    ]);
  });
});

describe('documentNumber (Decree 30/2020, Appendix I)', () => {
  it.each([
    ['1', 'BB', '01/BB'],
    ['1/BB-CTĐ1', 'BB', '01/BB-CTĐ1'],
    ['12 / TTr-CTĐ1', 'TTr', '12/TTr-CTĐ1'],
    ['', 'TB', `${'\u00a0'.repeat(8)}/TB`],
  ])('%s with symbol %s prints %s', (typed, symbol, printed) => {
    expect(documentNumber(typed, symbol)).toBe(printed);
  });
});
