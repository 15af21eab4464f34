/**
 * The sample cluster of the tests and the demo: Cụm thi đua số 1 of Ủy ban MTTQ Việt Nam thành
 * phố Hà Nội, 2022 (seed 002: six districts signed a pledge of 8 criteria on 22/02/2022 in Ba
 * Đình). The criteria are worded from that report; the scores are invented, chosen so that the
 * ranking shows a tie on total broken by penalty points, every classification band, a verified
 * score overriding a self score, sub-criteria, and a target-based criterion below, at and above
 * target.
 *
 * Hand computation (maximum total 100 = 30 + 15 + 15 + 10 + 20 + 10; bonus and penalty apart):
 *
 * Criterion 3 (target, 15 points, +0,5 per full percent above target, extra capped at 3):
 *   BD 1200/1000 = 120 %: 15 + min(20 × 0,5; 3) = 18      (above, extra capped)
 *   HM  840/800  = 105 %: 15 + 5 × 0,5          = 17,5    (above)
 *   HK  500/500  = 100 %: 15                             (at target)
 *   DD  720/900  =  80 %: 15 × 0,8              = 12      (below)
 *   HBT 606/600  = 101 %: 15 + 1 × 0,5          = 15,5    (above by one percent)
 *   LB  350/700  =  50 %: 15 × 0,5              = 7,5     (below)
 *
 *        1     2 (=2.1+2.2)  3     | I     4    5    6    | II    bonus penalty | total  share class
 *   BD   27    14 (9+5)      18    | 59    10   18   9    | 37    1     0       | 97     97 %  Xuất sắc
 *   HM   28*   14 (10+4)     17,5  | 59,5  10   18   9,5  | 37,5  1     1       | 97     97 %  Xuất sắc
 *   HBT  27    13 (9+4)      15,5  | 55,5  10   17   8,5  | 35,5  0,5   0       | 91,5   91,5% Tốt
 *   HK   26    12 (8+4)      15    | 53    10   17   8    | 35    0     0       | 88     88 %  Tốt
 *   DD   25    11 (8+3)      12    | 48    0**  16   8    | 24    0     2       | 70     70 %  Khá (at the band)
 *   LB   22    10 (7+3)      7,5   | 39,5  10   14   7    | 31    0     3       | 67,5   67,5% Trung bình
 *
 *   * HM scored itself 29 on criterion 1; the verified score 28 replaces it.
 *   ** DD marked criterion 4 as passed; the verified mark "Không đạt" replaces it.
 *
 * Ranking (competition, tie-break fewerPenalty then moreCriteriaAtMax):
 *   1 BD (97, penalty 0), 2 HM (97, penalty 1: "xếp dưới … do nhiều điểm trừ hơn"), 3 HBT,
 *   4 HK, 5 DD, 6 LB.
 * Proposals (1 flag for Xuất sắc, 2 Bằng khen for Xuất sắc or Tốt): BD Cờ thi đua; HM and HBT
 * Bằng khen; HK, DD, LB outside the quota.
 */
import type { CriteriaTree } from '../../src/core/model/criteria';
import type { ScoreEntry, ScoreValue } from '../../src/core/model/scores';
import { ClusterSettingsSchema, type ClusterSettings } from '../../src/core/model/settings';
import { UnitSchema, type Unit } from '../../src/core/model/unit';

export const sampleSettings: ClusterSettings = ClusterSettingsSchema.parse({
  clusterName: 'Cụm thi đua số 1 - Ủy ban MTTQ Việt Nam thành phố Hà Nội',
  year: 2022,
  issuingBody: 'ỦY BAN MTTQ VIỆT NAM QUẬN BA ĐÌNH',
  place: 'Hà Nội',
});

export const sampleUnits: Unit[] = [
  { code: 'BD', name: 'Ba Đình', role: 'head' },
  { code: 'HM', name: 'Hoàng Mai', role: 'deputy' },
  { code: 'HK', name: 'Hoàn Kiếm' },
  { code: 'DD', name: 'Đống Đa' },
  { code: 'HBT', name: 'Hai Bà Trưng' },
  { code: 'LB', name: 'Long Biên' },
].map((u) => UnitSchema.parse({ type: 'Quận', ...u }));

export const sampleTree: CriteriaTree = {
  groups: [
    { code: 'I', name: 'Thực hiện nhiệm vụ chính trị', maxPoints: 60 },
    { code: 'II', name: 'Xây dựng cơ quan, đội ngũ cán bộ', maxPoints: 40 },
    { code: 'III', name: 'Điểm thưởng', maxPoints: 5 },
    { code: 'IV', name: 'Điểm trừ', maxPoints: 10 },
  ],
  criteria: [
    {
      code: '1',
      group: 'I',
      text: 'Hoàn thành xuất sắc các nhiệm vụ do Cấp ủy, Ủy ban MTTQ Việt Nam Thành phố Hà Nội giao',
      type: 'scored',
      maxPoints: 30,
      evidenceRequired: true,
    },
    {
      code: '2',
      group: 'I',
      text: 'Triển khai, xây dựng và ban hành đầy đủ các văn bản thực hiện chỉ đạo của Trung ương, Thành phố và Quận ủy',
      type: 'scored',
      maxPoints: 15,
      evidenceRequired: false,
    },
    {
      code: '2.1',
      group: 'I',
      parent: '2',
      text: 'Ban hành đầy đủ các văn bản thực hiện chỉ đạo của Trung ương, Thành phố và Quận ủy',
      type: 'scored',
      maxPoints: 10,
      evidenceRequired: true,
    },
    {
      code: '2.2',
      group: 'I',
      parent: '2',
      text: 'Triển khai kịp thời, đúng thời hạn các văn bản đã ban hành',
      type: 'scored',
      maxPoints: 5,
      evidenceRequired: false,
    },
    {
      code: '3',
      group: 'I',
      text: 'Kết quả thực hiện các chỉ tiêu, mức vận động của đơn vị đạt và vượt kế hoạch đề ra',
      type: 'target',
      maxPoints: 15,
      targetFormula: { kind: 'proportionalWithExtra', extraPerPercent: 0.5, extraCap: 3 },
      evidenceRequired: true,
    },
    {
      code: '4',
      group: 'II',
      text: 'Cán bộ, công chức chấp hành nghiêm quy chế, quy định, kỷ cương',
      type: 'passFail',
      maxPoints: 10,
      evidenceRequired: false,
    },
    {
      code: '5',
      group: 'II',
      text: 'Gương mẫu thực hiện chuẩn mực ứng xử, có phẩm chất đạo đức tốt, hoàn thành tốt nhiệm vụ',
      type: 'scored',
      maxPoints: 20,
      evidenceRequired: false,
    },
    {
      code: '6',
      group: 'II',
      text: 'Tiết kiệm, nâng cao hiệu quả, hiệu suất thời gian, phương tiện, thiết bị trong quá trình thực hiện nhiệm vụ',
      type: 'scored',
      maxPoints: 10,
      evidenceRequired: false,
    },
    {
      code: '7',
      group: 'III',
      text: 'Có mô hình mới, cách làm hay được Ủy ban MTTQ Việt Nam Thành phố biểu dương',
      type: 'bonus',
      maxPoints: 5,
      evidenceRequired: true,
    },
    {
      code: '8',
      group: 'IV',
      text: 'Chậm gửi báo cáo hoặc bị phê bình trong thực hiện nhiệm vụ',
      type: 'penalty',
      maxPoints: 10,
      evidenceRequired: true,
    },
  ],
};

/** The leaf criteria in the column order of the score matrices. */
export const sampleLeafColumns = ['1', '2.1', '2.2', '3', '4', '5', '6', '7', '8'] as const;

type Row = readonly [
  c1: number,
  c21: number,
  c22: number,
  c3: { target: number; actual: number },
  c4: boolean,
  c5: number,
  c6: number,
  bonus: number | undefined,
  penalty: number | undefined,
];

/** Self scores (tự chấm), one row per unit as in the sheet; undefined is a blank cell. */
export const sampleSelfRows: Readonly<Record<string, Row>> = {
  BD: [27, 9, 5, { target: 1000, actual: 1200 }, true, 18, 9, 1, undefined],
  HM: [29, 10, 4, { target: 800, actual: 840 }, true, 18, 9.5, 1, 1],
  HK: [26, 8, 4, { target: 500, actual: 500 }, true, 17, 8, undefined, undefined],
  DD: [25, 8, 3, { target: 900, actual: 720 }, true, 16, 8, undefined, 2],
  HBT: [27, 9, 4, { target: 600, actual: 606 }, true, 17, 8.5, 0.5, undefined],
  LB: [22, 7, 3, { target: 700, actual: 350 }, true, 14, 7, undefined, 3],
};

/** A1 cell of a unit's score in the self-score matrix: units from row 4, criteria from column C. */
export function sampleCell(unit: string, criterion: string): string | undefined {
  const row = sampleUnits.findIndex((u) => u.code === unit);
  const col = (sampleLeafColumns as readonly string[]).indexOf(criterion);
  if (row < 0 || col < 0) return undefined;
  return `${String.fromCharCode(67 + col)}${String(row + 4)}`;
}

export const SELF_SHEET = 'Tự chấm';
export const VERIFIED_SHEET = 'Thẩm định';

export function sampleLocate(
  unit: string,
  criterion: string,
): { sheet: string; cell: string } | undefined {
  const cell = sampleCell(unit, criterion);
  return cell === undefined ? undefined : { sheet: SELF_SHEET, cell };
}

function entry(
  unit: string,
  criterion: string,
  source: 'self' | 'verified',
  value: ScoreValue,
): ScoreEntry {
  return {
    unit,
    criterion,
    source,
    value,
    at: {
      sheet: source === 'self' ? SELF_SHEET : VERIFIED_SHEET,
      cell: sampleCell(unit, criterion) ?? 'A1',
    },
  };
}

export const sampleSelfEntries: ScoreEntry[] = Object.entries(sampleSelfRows).flatMap(
  ([unit, row]) =>
    sampleLeafColumns.flatMap((criterion, i) => {
      const value = row[i];
      return value === undefined ? [] : [entry(unit, criterion, 'self', value)];
    }),
);

/** Verified scores (thẩm định) where the verifier changed something. */
export const sampleVerifiedEntries: ScoreEntry[] = [
  entry('HM', '1', 'verified', 28),
  entry('DD', '4', 'verified', false),
];

export const sampleEntries: ScoreEntry[] = [...sampleSelfEntries, ...sampleVerifiedEntries];

/** The hand-computed results above, for the tests. */
export const sampleExpected = {
  maxTotal: 100,
  totals: { BD: 97, HM: 97, HBT: 91.5, HK: 88, DD: 70, LB: 67.5 },
  groupI: { BD: 59, HM: 59.5, HBT: 55.5, HK: 53, DD: 48, LB: 39.5 },
  groupII: { BD: 37, HM: 37.5, HBT: 35.5, HK: 35, DD: 24, LB: 31 },
  criterion3: { BD: 18, HM: 17.5, HBT: 15.5, HK: 15, DD: 12, LB: 7.5 },
  order: ['BD', 'HM', 'HBT', 'HK', 'DD', 'LB'],
  classification: {
    BD: 'Xuất sắc',
    HM: 'Xuất sắc',
    HBT: 'Tốt',
    HK: 'Tốt',
    DD: 'Khá',
    LB: 'Trung bình',
  },
} as const;
