/**
 * Cấu hình rows of the year-end dossier («Lập hồ sơ bình xét»): the nomination meeting (date,
 * time, place, secretary, ballot-counting committee), the addressee of the submission, the
 * documents' numbers, the four templates and the links the action writes back. The chair is the
 * cluster head of Đơn vị, and the issuing bodies are the rows above (Cơ quan ban hành văn bản,
 * Tên cụm), so they are not restated here.
 */
import { NUMBER_FORMATS as F } from './columns';
import type { SettingRow } from './settings';

const text = { kind: 'text' } as const;

function textRow(key: string, label: string, note: string, perYear = false): SettingRow {
  return {
    key,
    label,
    note,
    required: false,
    value: text,
    target: { path: [key] },
    numberFormat: F.text,
    ...(perYear ? { perYear: true } : {}),
  };
}

const TEMPLATE_NOTE =
  'Mã hoặc đường dẫn Google Docs của mẫu. Để trống: «Lập hồ sơ bình xét» tạo mẫu mặc định.';
const LINK_NOTE =
  'Chương trình ghi sau mỗi lần «Lập hồ sơ bình xét» (dòng 1: Google Docs, dòng 2: PDF); lần lập sau thay bản này (bản cũ vào thùng rác).';
const NUMBER_NOTE = (symbol: string, example: string): string =>
  `Số và ký hiệu, ví dụ: ${example}. Chỉ ghi số: in thành "số/${symbol}". Để trống: chừa chỗ ghi tay.`;

export const DOSSIER_SETTING_ROWS: readonly SettingRow[] = [
  {
    key: 'meetingDate',
    perYear: true,
    label: 'Ngày họp bình xét',
    note: 'Ngày/tháng/năm họp bình xét, ví dụ: 15/12/2022. In trong biên bản, tờ trình, thông báo; là ngày ký của hồ sơ.',
    required: false,
    value: { kind: 'date' },
    target: { path: ['meetingDate'] },
    numberFormat: F.text,
  },
  textRow('meetingTime', 'Giờ họp bình xét', 'Ví dụ: 8 giờ 30.'),
  textRow(
    'meetingPlace',
    'Địa điểm họp bình xét',
    'Ví dụ: Trụ sở Ủy ban MTTQ Việt Nam quận Ba Đình.',
  ),
  textRow(
    'meetingSecretary',
    'Thư ký cuộc họp bình xét',
    'Họ tên thư ký, ký biên bản cùng người chủ trì (thủ trưởng đơn vị Cụm trưởng).',
  ),
  {
    key: 'ballotCounters',
    label: 'Ban kiểm phiếu',
    note: 'Mỗi dòng một người (xuống dòng trong ô: Ctrl+Enter), ví dụ: Lê Thị Kiểm - Trưởng ban.',
    required: false,
    value: { kind: 'lines' },
    target: { path: ['ballotCounters'] },
    numberFormat: F.text,
  },
  textRow(
    'dossierAddressee',
    'Kính gửi (tờ trình đề nghị khen thưởng)',
    'Cấp trên nhận tờ trình, ví dụ: Ủy ban MTTQ Việt Nam thành phố Hà Nội. Để trống: cơ quan tặng của các dòng sổ được đề nghị.',
  ),
  textRow('minutesNumber', 'Số biên bản họp bình xét', NUMBER_NOTE('BB', '01/BB-CTĐ1'), true),
  textRow(
    'submissionNumber',
    'Số tờ trình đề nghị khen thưởng',
    NUMBER_NOTE('TTr', '02/TTr-CTĐ1'),
    true,
  ),
  textRow('noticeNumber', 'Số thông báo kết quả bình xét', NUMBER_NOTE('TB', '03/TB-CTĐ1'), true),
  textRow(
    'draftDecisionNumber',
    'Số quyết định khen thưởng (dự thảo)',
    'Các dòng của sổ khen thưởng năm thi đua có đúng số quyết định này vào danh sách của tờ trình và dự thảo quyết định. Để trống: các dòng chưa có số quyết định, in "Số:        /QĐ".',
    true,
  ),
  textRow('minutesTemplate', 'Mẫu biên bản họp bình xét', TEMPLATE_NOTE),
  textRow('submissionTemplate', 'Mẫu tờ trình đề nghị khen thưởng', TEMPLATE_NOTE),
  textRow('draftDecisionTemplate', 'Mẫu dự thảo quyết định khen thưởng', TEMPLATE_NOTE),
  textRow('noticeTemplate', 'Mẫu thông báo kết quả bình xét', TEMPLATE_NOTE),
  textRow('minutesLink', 'Biên bản họp bình xét (Doc, PDF)', LINK_NOTE, true),
  textRow('submissionLink', 'Tờ trình đề nghị khen thưởng (Doc, PDF)', LINK_NOTE, true),
  textRow('draftDecisionLink', 'Dự thảo quyết định khen thưởng (Doc, PDF)', LINK_NOTE, true),
  textRow('noticeLink', 'Thông báo kết quả bình xét (Doc, PDF)', LINK_NOTE, true),
];
