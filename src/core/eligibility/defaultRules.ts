/**
 * The rules the product ships (issue 13, Build 3), prefilled once into Quy tắc khen thưởng.
 * Each was checked against a published copy of its article (the URL is in `source`, and each
 * has a test in test/unit/eligibility/defaultRules.test.ts). A rule whose article could not be
 * checked ships marked "Chưa đối chiếu văn bản" and switched off.
 *
 * What a rule cannot check is said in its note: the level at which an initiative was recognised,
 * the criteria of a title that are judgements (đoàn kết, gương mẫu …), and, for Bằng khen, the
 * other criteria of the same clause (one of points a–d suffices; only point d is a count).
 */
import type { CalendarDateValue } from '../model/calendarDate';
import type { EligibilityRule } from './rule';

const d = (year: number, month: number, day: number): CalendarDateValue => ({ year, month, day });

const LAW_2003 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';
const ND_91 = 'Nghị định 91/2017/NĐ-CP';
const LAW_2022 = 'Luật Thi đua, khen thưởng số 06/2022/QH15';

/** In force with Nghị định 91/2017/NĐ-CP: from 01/10/2017 until Luật 06/2022/QH15. */
const ND91_FROM = d(2017, 10, 1);
const ND91_UNTIL = d(2023, 12, 31);
const LAW2022_FROM = d(2024, 1, 1);

const CSTDCS = 'Chiến sĩ thi đua cơ sở';
const CSTD_PROVINCE = 'Chiến sĩ thi đua cấp bộ, ngành, tỉnh';
const LDTT = 'Lao động tiên tiến';
const CSTT = 'Chiến sĩ tiên tiến';

const SRC_ND91_K3 =
  'https://thuvienphapluat.vn/hoi-dap-phap-luat/45A9C-hd-tieu-chuan-de-xet-tang-danh-hieu-chien-si-thi-dua-co-so.html';
const SRC_ND91_K2 =
  'https://thuvienphapluat.vn/hoi-dap-phap-luat/47C20-hd-dieu-kien-de-duoc-cong-nhan-chien-si-thi-dua-cap-bo.html';
const SRC_LAW2022_D21 =
  'https://viendaotaogiaoduc.edu.vn/tieu-chuan-chien-si-thi-dua-cac-cap-tu-01-01-2024';
const SRC_LAW2022_D21_PROVINCE =
  'https://baoyenbai.com.vn/13/342479/Tieu-chuan-danh-hieu-Chien-si-thi-dua-co-so-Lao-dong-tien-tien-Chien-si-tien-tien.aspx';
const SRC_LAW2022_D74 =
  'https://chinhsachonline.chinhphu.vn/tieu-chuan-de-nghi-xet-tang-bang-khen-cua-bo-nganh-77204.htm';

const base: Omit<EligibilityRule, 'id' | 'award' | 'kind' | 'legalText' | 'article'> = {
  enabled: true,
  subjectType: 'individual',
  level: undefined,
  item: '',
  years: 1,
  currentYear: true,
  initiatives: 0,
  percent: 0,
  group: '',
  from: undefined,
  until: undefined,
  verified: true,
  source: '',
  note: '',
};

export const DEFAULT_RULES: readonly EligibilityRule[] = [
  // ---- Nghị định 91/2017/NĐ-CP (with the 2003 law): years 2017–2023.
  {
    ...base,
    id: 'CSTĐCS-91-1',
    award: CSTDCS,
    kind: 'consecutive',
    item: LDTT,
    group: 'LĐTT',
    legalText: ND_91,
    article: 'điểm a khoản 3 Điều 9',
    from: ND91_FROM,
    until: ND91_UNTIL,
    source: SRC_ND91_K3,
    note: 'Đạt tiêu chuẩn «Lao động tiên tiến» hoặc «Chiến sĩ tiên tiến» trong năm.',
  },
  {
    ...base,
    id: 'CSTĐCS-91-2',
    award: CSTDCS,
    kind: 'consecutive',
    item: CSTT,
    group: 'LĐTT',
    legalText: ND_91,
    article: 'điểm a khoản 3 Điều 9',
    from: ND91_FROM,
    until: ND91_UNTIL,
    source: SRC_ND91_K3,
    note: 'Phương án thay thế của CSTĐCS-91-1 (lực lượng vũ trang).',
  },
  {
    ...base,
    id: 'CSTĐCS-91-3',
    award: CSTDCS,
    kind: 'initiatives',
    initiatives: 1,
    legalText: ND_91,
    article: 'điểm b khoản 3 Điều 9',
    from: ND91_FROM,
    until: ND91_UNTIL,
    source: SRC_ND91_K3,
    note: 'Sáng kiến được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã nghiệm thu được áp dụng, trong năm.',
  },
  {
    ...base,
    id: 'CSTĐCS-91-4',
    award: CSTDCS,
    kind: 'ratioCap',
    item: LDTT,
    percent: 15,
    legalText: ND_91,
    article: 'khoản 3 Điều 9',
    from: ND91_FROM,
    until: ND91_UNTIL,
    source: SRC_ND91_K3,
    note: 'Không quá 15% tổng số cá nhân đạt danh hiệu «Lao động tiên tiến» (bộ, ngành, tỉnh có thể quy định thấp hơn); kiểm tra trên cả sổ khen thưởng của năm.',
  },
  {
    ...base,
    id: 'CSTĐT-91',
    award: CSTD_PROVINCE,
    level: 'ministryProvince',
    kind: 'consecutive',
    item: CSTDCS,
    years: 3,
    legalText: ND_91,
    article: 'khoản 2 Điều 9',
    from: ND91_FROM,
    until: ND91_UNTIL,
    source: SRC_ND91_K2,
    note: 'Ba lần liên tục «Chiến sĩ thi đua cơ sở» (lần thứ ba là năm đề nghị). Sáng kiến, đề tài do người đứng đầu bộ, ngành, tỉnh công nhận: không kiểm tra được từ số liệu.',
  },
  {
    ...base,
    id: 'BK-91',
    enabled: false,
    award: 'Bằng khen',
    level: 'ministryProvince',
    kind: 'consecutive',
    item: 'HTXSNV',
    years: 2,
    initiatives: 2,
    legalText: ND_91,
    article: 'điểm c khoản 1 Điều 39',
    from: ND91_FROM,
    until: ND91_UNTIL,
    verified: false,
    source: '',
    note: 'Chưa đối chiếu văn bản: 02 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến áp dụng ở cơ sở. Là một trong các tiêu chuẩn thay thế nhau.',
  },
  // ---- Luật 06/2022/QH15: from 01/01/2024.
  {
    ...base,
    id: 'CSTĐCS-22-1',
    award: CSTDCS,
    kind: 'consecutive',
    item: LDTT,
    group: 'LĐTT',
    legalText: LAW_2022,
    article: 'Điều 21',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D21,
    note: 'Đạt tiêu chuẩn «Lao động tiên tiến» hoặc «Chiến sĩ tiên tiến». Điều đã đối chiếu; số khoản chưa đối chiếu.',
  },
  {
    ...base,
    id: 'CSTĐCS-22-2',
    award: CSTDCS,
    kind: 'consecutive',
    item: CSTT,
    group: 'LĐTT',
    legalText: LAW_2022,
    article: 'Điều 21',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D21,
    note: 'Phương án thay thế của CSTĐCS-22-1.',
  },
  {
    ...base,
    id: 'CSTĐCS-22-3',
    award: CSTDCS,
    kind: 'consecutive',
    item: 'HTXSNV',
    group: 'HTXSNV',
    legalText: LAW_2022,
    article: 'Điều 21',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D21,
    note: 'Hoàn thành xuất sắc nhiệm vụ trong năm, hoặc (CSTĐCS-22-4) có sáng kiến được cơ sở công nhận.',
  },
  {
    ...base,
    id: 'CSTĐCS-22-4',
    award: CSTDCS,
    kind: 'initiatives',
    initiatives: 1,
    group: 'HTXSNV',
    legalText: LAW_2022,
    article: 'Điều 21',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D21,
    note: 'Sáng kiến được cơ sở công nhận, hoặc đề tài, đề án, công trình khoa học đã nghiệm thu.',
  },
  {
    ...base,
    id: 'CSTĐT-22',
    award: CSTD_PROVINCE,
    level: 'ministryProvince',
    kind: 'consecutive',
    item: CSTDCS,
    years: 3,
    legalText: LAW_2022,
    article: 'Điều 21',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D21_PROVINCE,
    note:
      'Có 03 lần liên tục «Chiến sĩ thi đua cơ sở». Sáng kiến có khả năng nhân rộng trong bộ, ngành, tỉnh: không kiểm tra được từ số liệu. Điều theo ' +
      SRC_LAW2022_D21 +
      '.',
  },
  {
    ...base,
    id: 'BK-22-1',
    award: 'Bằng khen',
    level: 'ministryProvince',
    kind: 'consecutive',
    item: CSTDCS,
    years: 2,
    group: 'd',
    legalText: LAW_2022,
    article: 'điểm d khoản 1 Điều 74',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D74,
    note: 'Có 02 lần liên tục «Chiến sĩ thi đua cơ sở». Điểm d là một trong các tiêu chuẩn (điểm a–d) thay thế nhau; các điểm khác không kiểm tra được từ số liệu.',
  },
  {
    ...base,
    id: 'BK-22-2',
    award: 'Bằng khen',
    level: 'ministryProvince',
    kind: 'consecutive',
    item: 'HTXSNV',
    years: 2,
    initiatives: 2,
    group: 'd',
    legalText: LAW_2022,
    article: 'điểm d khoản 1 Điều 74',
    from: LAW2022_FROM,
    source: SRC_LAW2022_D74,
    note: 'Hoặc liên tục từ 02 năm trở lên hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến (hoặc 02 đề tài) áp dụng hiệu quả trong phạm vi cơ sở.',
  },
  {
    ...base,
    id: 'MỘT-HT',
    enabled: false,
    award: '',
    kind: 'oneForm',
    legalText: LAW_2003,
    article: 'Điều 6 (nguyên tắc khen thưởng)',
    verified: false,
    source: '',
    note: 'Chưa đối chiếu văn bản: một thành tích chỉ đề nghị một hình thức khen thưởng. Cảnh báo khi cùng một đối tượng có từ hai hình thức khen thưởng trong sổ của cùng năm.',
  },
];
