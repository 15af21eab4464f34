/**
 * The bundled sample cluster: Cụm thi đua số 1 of Hanoi's Fatherland Front (seed
 * 002_13f15445bd657a25.txt): Ba Đình, Hoàng Mai, Hoàn Kiếm, Đống Đa, Hai Bà Trưng, Long Biên,
 * signing its 2022 pledge with 8 criteria worded from that report, plus a bonus and a penalty.
 * Heads' names, e-mails, plan number and scores are invented for the example.
 *
 * Rows are what a user types or pastes below the headers that set-up writes; scores are keyed by
 * unit and criterion code so they can be placed with the matrix layout wherever its columns are.
 */
import type { ClusterSettingsInput } from '../src/core/model/settings';
import type { TargetResult } from '../src/core/model/scores';

/**
 * The City Front's emulation officer, who made the cluster's workbook and owns it (invented); the
 * head and members edit it through their own accounts (Đơn vị's e-mails).
 */
export const SAMPLE_OWNER = 'thiduakhenthuong.mttq@hanoi.gov.vn';

export const SAMPLE_SETTINGS: ClusterSettingsInput = {
  clusterName: 'Cụm thi đua số 1',
  year: 2022,
  issuingBody: 'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI',
  place: 'Hà Nội',
  planNumber: '15/KH-MTTQ-BTT',
  planDate: { year: 2022, month: 1, day: 18 },
  quotas: { certificate: { count: 2 } },
  // The pledge's head and witness (seed 002: signed on 22/02/2022 in Ba Đình before the city
  // Front's standing vice-chairman; the number and the witness's name are invented).
  pledgeNumber: '01',
  pledgeSymbol: 'GƯTĐ-CTĐ1',
  signingDate: { year: 2022, month: 2, day: 22 },
  witnessTitle: 'Phó Chủ tịch Thường trực',
  witnessName: 'Nguyễn Văn Hùng',
};

/**
 * Đơn vị, in the layout's column order: code, name, type, role, head, title, e-mail, title sought
 * (a collective's emulation title: the flag for two, Tập thể lao động xuất sắc for the others;
 * invented), full name (as the seed names the committees).
 */
export const SAMPLE_UNIT_ROWS: readonly (readonly string[])[] = [
  [
    'BD',
    'Ba Đình',
    'Quận',
    'Cụm trưởng',
    'Nguyễn Văn An',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'badinh.mttq@gmail.com',
    'Cờ thi đua',
    'Ủy ban MTTQ Việt Nam quận Ba Đình',
  ],
  [
    'HM',
    'Hoàng Mai',
    'Quận',
    'Cụm phó',
    'Trần Thị Bình',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'hoangmai.mttq@hanoi.gov.vn',
    'Tập thể lao động xuất sắc',
    'Ủy ban MTTQ Việt Nam quận Hoàng Mai',
  ],
  [
    'HK',
    'Hoàn Kiếm',
    'Quận',
    'Thành viên',
    'Lê Văn Cường',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'hoankiem.mttq@gmail.com',
    'Cờ thi đua',
    'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
  ],
  [
    'DD',
    'Đống Đa',
    'Quận',
    'Thành viên',
    'Phạm Thị Dung',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'mttq@dongda.hanoi.gov.vn',
    'Tập thể lao động xuất sắc',
    'Ủy ban MTTQ Việt Nam quận Đống Đa',
  ],
  [
    'HBT',
    'Hai Bà Trưng',
    'Quận',
    'Thành viên',
    'Hoàng Văn Em',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'haibatrung.mttq@outlook.com',
    'Tập thể lao động xuất sắc',
    'Ủy ban MTTQ Việt Nam quận Hai Bà Trưng',
  ],
  [
    'LB',
    'Long Biên',
    'Quận',
    'Thành viên',
    'Đỗ Thị Giang',
    'Chủ tịch Ủy ban MTTQ Việt Nam quận',
    'longbien.mttq@gmail.com',
    'Tập thể lao động xuất sắc',
    'Ủy ban MTTQ Việt Nam quận Long Biên',
  ],
];

/**
 * Tiêu chí, in the layout's column order: group code, group name, code, parent, text, type,
 * max points, points per occurrence, target formula, extra per 1 %, extra cap, evidence.
 */
export const SAMPLE_CRITERIA_ROWS: readonly (readonly (string | number)[])[] = [
  ['I', 'Thực hiện nhiệm vụ chính trị', '', '', '', '', 60, '', '', '', '', ''],
  [
    'I',
    '',
    '1',
    '',
    'Hoàn thành xuất sắc các nhiệm vụ do Cấp ủy, Ủy ban MTTQ Việt Nam Thành phố Hà Nội giao',
    'Chấm điểm',
    20,
    '',
    '',
    '',
    '',
    'Có',
  ],
  [
    'I',
    '',
    '2',
    '',
    'Triển khai, xây dựng và ban hành đầy đủ các văn bản thực hiện chỉ đạo của Trung ương, Thành phố và Quận ủy',
    'Đạt / Không đạt',
    10,
    '',
    '',
    '',
    '',
    'Có',
  ],
  [
    'I',
    '',
    '3',
    '',
    'Kết quả thực hiện các chỉ tiêu, mức vận động của từng đơn vị đều đạt và vượt kế hoạch đề ra',
    'Định lượng',
    20,
    '',
    'Tỷ lệ thuận',
    '',
    '',
    'Có',
  ],
  [
    'I',
    '',
    '4',
    '',
    'Tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân thực hiện các cuộc vận động, phong trào thi đua yêu nước',
    'Theo lần',
    10,
    2,
    '',
    '',
    '',
    '',
  ],
  ['II', 'Xây dựng cơ quan, đơn vị', '', '', '', '', 40, '', '', '', '', ''],
  [
    'II',
    '',
    '5',
    '',
    'Cán bộ, công chức chấp hành nghiêm quy chế, quy định, kỷ cương; gương mẫu thực hiện chuẩn mực ứng xử',
    'Chấm điểm',
    15,
    '',
    '',
    '',
    '',
    '',
  ],
  [
    'II',
    '',
    '6',
    '',
    'Tiết kiệm, nâng cao hiệu quả, hiệu suất thời gian, phương tiện, thiết bị trong quá trình thực hiện nhiệm vụ',
    'Chấm điểm',
    10,
    '',
    '',
    '',
    '',
    '',
  ],
  [
    'II',
    '',
    '7',
    '',
    'Đẩy mạnh ứng dụng công nghệ thông tin của hệ thống MTTQ Việt Nam quận và cơ sở',
    'Chấm điểm',
    5,
    '',
    '',
    '',
    '',
    '',
  ],
  [
    'II',
    '',
    '8',
    '',
    'Xây dựng cơ quan văn hóa, đơn vị an toàn vững mạnh, đoàn kết, dân chủ',
    'Chấm điểm',
    10,
    '',
    '',
    '',
    '',
    '',
  ],
  ['III', 'Điểm thưởng, điểm trừ', '', '', '', '', '', '', '', '', '', ''],
  [
    'III',
    '',
    'T1',
    '',
    'Có mô hình, cách làm mới được Thành phố biểu dương',
    'Điểm thưởng',
    5,
    '',
    '',
    '',
    '',
    '',
  ],
  ['III', '', 'T2', '', 'Gửi báo cáo chậm so với quy định', 'Điểm trừ', 5, '', '', '', '', ''],
];

export type SampleScore = number | string | TargetResult;

/**
 * Self scores (tự chấm) as units type them: decimal commas, "Đạt", occurrences, target/actual.
 * Hand-computed totals (criteria 1..8 + T1 − T2; 3 = 20 × min(actual/target, 1); 4 = min(2 × n, 10)):
 *   BD  19,5 + 10 + 20 + 10 + 14,5 + 9,5 + 5 + 10 + 3 − 0 = 101,5  (max 100: bonus may lift it)
 *   HM  19 + 10 + 18 + 8 + 14 + 9 + 4,5 + 9,5 + 2 − 1 = 93
 *   HK  19,5 + 10 + 20 + 10 + 14 + 9,5 + 5 + 9,5 + 0 − 0 = 97,5
 *   DD  18 + 10 + 16 + 6 + 13 + 8,5 + 4 + 9 + 0 − 0 = 84,5
 *   HBT 19 + 10 + 18 + 8 + 14 + 9 + 4,5 + 9,5 + 2 − 1 = 93   (ties with HM)
 *   LB  17 + 0 + 14 + 4 + 12 + 8 + 4 + 8 + 0 − 2 = 65
 */
export const SAMPLE_SELF_SCORES: Readonly<Record<string, Readonly<Record<string, SampleScore>>>> = {
  BD: {
    '1': '19,5',
    '2': 'Đạt',
    '3': { target: 1000, actual: 1100 },
    '4': 5,
    '5': '14,5',
    '6': '9,5',
    '7': 5,
    '8': 10,
    T1: 3,
    T2: 0,
  },
  HM: {
    '1': 19,
    '2': 'Đạt',
    '3': { target: 1000, actual: 900 },
    '4': 4,
    '5': 14,
    '6': 9,
    '7': '4,5',
    '8': '9,5',
    T1: 2,
    T2: 1,
  },
  HK: {
    '1': '19,5',
    '2': 'Đạt',
    '3': { target: 800, actual: 800 },
    '4': 6,
    '5': 14,
    '6': '9,5',
    '7': 5,
    '8': '9,5',
    T1: 0,
    T2: 0,
  },
  DD: {
    '1': 18,
    '2': 'Đạt',
    '3': { target: 1000, actual: 800 },
    '4': 3,
    '5': 13,
    '6': '8,5',
    '7': 4,
    '8': 9,
    T1: 0,
    T2: 0,
  },
  HBT: {
    '1': 19,
    '2': 'Đạt',
    '3': { target: 500, actual: 450 },
    '4': 4,
    '5': 14,
    '6': 9,
    '7': '4,5',
    '8': '9,5',
    T1: 2,
    T2: 1,
  },
  LB: {
    '1': 17,
    '2': 'Không đạt',
    '3': { target: 1000, actual: 700 },
    '4': 2,
    '5': 12,
    '6': 8,
    '7': 4,
    '8': 8,
    T1: 0,
    T2: 2,
  },
};

/** Bad entries the demo types on purpose, each with the finding it must produce. */
export const SAMPLE_BAD_ENTRIES: readonly {
  unit: string;
  criterion: string;
  typed: string;
  code: string;
}[] = [
  { unit: 'DD', criterion: '1', typed: '25', code: 'above-max' },
  { unit: 'LB', criterion: '6', typed: 'tám', code: 'not-a-number' },
];

/**
 * Ba Đình's registrations of individuals (Đăng ký thi đua: name, position, title sought), two of
 * the people of sample/clusterHistory.ts: Nguyễn Thị Hà, three consecutive Chiến sĩ thi đua cơ sở
 * (2020–2022), and Lê Thị Lan, none; both aim at the city's Chiến sĩ thi đua (invented).
 */
export const SAMPLE_REGISTRATIONS: readonly (readonly string[])[] = [
  ['Nguyễn Thị Hà', 'Phó Chủ tịch', 'Chiến sĩ thi đua thành phố'],
  ['Lê Thị Lan', 'Chuyên viên', 'Chiến sĩ thi đua thành phố'],
];
