/**
 * The pledge templates: the cluster's joint pledge (giao ước thi đua) and one unit's pledge, as
 * data. Placeholders are the fields of pledgeData.ts (JOINT_PLEDGE_SCHEMA, UNIT_PLEDGE_SCHEMA);
 * unit tests dry-run both against them.
 */
import {
  PORTRAIT_A4,
  bold,
  cell,
  italic,
  para,
  textWidth,
  type DocSpec,
  type TableSpec,
} from './docSpec';
import { blank, body, centered, headerColumns, heading, issuerHeader } from './decree30Blocks';
import type { ParagraphSpec } from './docSpec';

/** A date not yet set in Cấu hình leaves room for the day and month to be written by hand. */
const GAP = '\u00a0'.repeat(6);
export const PLEDGE_PLACE_DATE = `{{noi}}, {{#if ngay_ky}}{{ngay_ky|ngay}}{{else}}ngày${GAP}tháng${GAP}năm {{nam}}{{/if}}`;

/** Decree 30: "Số:" upright, 13 pt, centred under the issuing body. */
const NUMBER_LINE = para('Số: {{so_ky_hieu}}', { align: 'center', size: 13, spaceBefore: 6 });

/**
 * The legal bases (Cấu hình's list, one paragraph each), then the plan's line when a plan number
 * is set, then the cluster's rules. Tags alone in their paragraphs: those paragraphs go.
 */
const LEGAL_BASES: readonly ParagraphSpec[] = [
  para('{{#can_cu}}', { align: 'left' }),
  body(italic('{{noi_dung}}')),
  para('{{/can_cu}}', { align: 'left' }),
  para('{{#if so_ke_hoach}}', { align: 'left' }),
  body(
    italic(
      'Căn cứ Kế hoạch số {{so_ke_hoach}}{{#if ngay_ke_hoach}} ngày {{ngay_ke_hoach|ngayngan}}{{/if}} về tổ chức phong trào thi đua năm {{nam}};',
    ),
  ),
  para('{{/if}}', { align: 'left' }),
  body(italic('Căn cứ Quy chế hoạt động của {{ten_cum}},')),
];

/**
 * The criteria as a numbered table with max points: one repeated row per entry of
 * bang_tieu_chi (groups in bold, then their criteria; bonus with "+", penalty with "−").
 */
function criteriaTable(width: number): TableSpec {
  const codeWidth = 45;
  const pointsWidth = 75;
  const head = (text: string): ReturnType<typeof cell> => cell(centered(bold(text)));
  return {
    kind: 'table',
    widths: [codeWidth, width - codeWidth - pointsWidth, pointsWidth],
    borders: true,
    keepRowsTogether: true,
    rows: [
      [head('TT'), head('Nội dung tiêu chí'), head('Điểm tối đa')],
      [
        cell(
          centered(['{{#bang_tieu_chi}}{{#if la_nhom}}', bold('{{ma}}'), '{{else}}{{ma}}{{/if}}']),
        ),
        cell(
          para(['{{#if la_nhom}}', bold('{{noi_dung}}'), '{{else}}{{noi_dung}}{{/if}}'], {
            align: 'justify',
          }),
        ),
        cell(
          centered([
            '{{#if la_nhom}}',
            bold('{{#if diem_toi_da}}{{diem_toi_da|so}}{{/if}}'),
            '{{else}}{{#if la_thuong}}+{{/if}}{{#if la_tru}}−{{/if}}{{diem_toi_da|so}}{{/if}}{{/bang_tieu_chi}}',
          ]),
        ),
      ],
      [
        cell(blank()),
        cell(para(bold('Tổng cộng'), { align: 'left' })),
        cell(centered(bold('{{tong_diem|so}}'))),
      ],
    ],
  };
}

export const JOINT_WIDTH = textWidth(PORTRAIT_A4);

const [HEADER_LEFT] = headerColumns(JOINT_WIDTH);
const HALF = JOINT_WIDTH / 2;

/** One signer's block: title with the unit's name, room to sign, the name, space after. */
function signatureBlock(who: string, open = '', close = ''): ParagraphSpec[] {
  return [
    centered(bold(`${open}{{${who}.chuc_danh_ky|hoa}}`)),
    blank(),
    blank(),
    blank(),
    blank(),
    centered(bold(`{{${who}.ho_ten}}`)),
    para(close, { align: 'center', spaceAfter: 12 }),
  ];
}

/** Bản giao ước thi đua (joint pledge), signed by every member's head. */
export const JOINT_PLEDGE_TEMPLATE: DocSpec = {
  name: 'Mẫu - Bản giao ước thi đua (chung)',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    issuerHeader('{{co_quan|hoa}}', '{{ten_cum|hoa}}', JOINT_WIDTH, NUMBER_LINE, PLEDGE_PLACE_DATE),
    para(bold('BẢN GIAO ƯỚC THI ĐUA NĂM {{nam}}'), { align: 'center', size: 14, spaceBefore: 12 }),
    para(bold('{{ten_cum|hoa}}'), { align: 'center', spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(
      'Các đơn vị thành viên {{ten_cum}} thống nhất ký kết giao ước thi đua năm {{nam}} với các nội dung sau:',
    ),
    heading('I. CÁC ĐƠN VỊ THAM GIA GIAO ƯỚC'),
    {
      kind: 'table',
      widths: [40, 200, 90, JOINT_WIDTH - 330],
      borders: true,
      keepRowsTogether: true,
      rows: [
        [
          cell(centered(bold('STT'))),
          cell(centered(bold('Đơn vị'))),
          cell(centered(bold('Vai trò'))),
          cell(centered(bold('Danh hiệu đăng ký'))),
        ],
        [
          cell(centered('{{#thanh_vien}}{{@index}}')),
          cell(para('{{ten_day_du}}', { align: 'left' })),
          cell(centered('{{vai_tro}}')),
          cell(centered('{{danh_hieu}}{{/thanh_vien}}')),
        ],
      ],
    },
    heading('II. NỘI DUNG GIAO ƯỚC THI ĐUA'),
    body(
      'Các đơn vị thi đua thực hiện tốt các nội dung, tiêu chí sau, chấm trên thang điểm {{tong_diem|so}} (điểm thưởng cộng thêm, điểm trừ trừ đi):',
    ),
    criteriaTable(JOINT_WIDTH),
    heading('III. CAM KẾT'),
    body(
      'Các đơn vị thành viên cam kết tổ chức thực hiện tốt các nội dung giao ước; thường xuyên phát động các phong trào thi đua, kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.',
    ),
    body(
      'Cuối năm, các đơn vị tự chấm điểm theo các tiêu chí trên, gửi kết quả về Cụm trưởng để tổng hợp, thẩm định, bình xét và đề nghị cấp có thẩm quyền khen thưởng theo quy định.',
    ),
    body(
      'Bản giao ước được lập thành {{so_don_vi}} bản có giá trị như nhau, mỗi đơn vị thành viên giữ một bản để thực hiện.',
    ),
    para(bold('ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC'), {
      align: 'center',
      spaceBefore: 12,
      spaceAfter: 12,
    }),
    // Two signers a row, in signing order (head first); a row never breaks across pages.
    {
      kind: 'table',
      widths: [HALF, HALF],
      borders: false,
      keepRowsTogether: true,
      rows: [
        [
          cell(...signatureBlock('trai', '{{#hang_ky}}')),
          cell(...signatureBlock('phai', '', '{{/hang_ky}}')),
        ],
      ],
    },
    para('{{#if co_chung_kien}}', { align: 'left' }),
    {
      kind: 'table',
      widths: [JOINT_WIDTH],
      borders: false,
      keepRowsTogether: true,
      rows: [
        [
          cell(
            centered(bold('ĐẠI DIỆN {{co_quan|hoa}} CHỨNG KIẾN')),
            centered(bold('{{chung_kien.chuc_vu|hoa}}')),
            blank(),
            blank(),
            blank(),
            blank(),
            centered(bold('{{chung_kien.ho_ten}}')),
          ),
        ],
      ],
    },
    para('{{/if}}', { align: 'left' }),
    para(
      { text: 'Nơi nhận:', bold: true, italic: true },
      { align: 'left', size: 12, spaceBefore: 12 },
    ),
    para('- Các đơn vị thành viên {{ten_cum}};', { align: 'left', size: 11 }),
    para('- {{co_quan}} (để báo cáo);', { align: 'left', size: 11 }),
    para('- Lưu: VT, {{ten_cum}}.', { align: 'left', size: 11 }),
  ],
};

/** Bản đăng ký giao ước thi đua of one member unit, signed by its head. */
export const UNIT_PLEDGE_TEMPLATE: DocSpec = {
  name: 'Mẫu - Bản đăng ký giao ước thi đua (từng đơn vị)',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    issuerHeader(
      undefined,
      '{{don_vi.ten_day_du|hoa}}',
      JOINT_WIDTH,
      NUMBER_LINE,
      PLEDGE_PLACE_DATE,
    ),
    para(bold('BẢN ĐĂNG KÝ GIAO ƯỚC THI ĐUA NĂM {{nam}}'), {
      align: 'center',
      size: 14,
      spaceBefore: 12,
    }),
    para(bold('của {{don_vi.ten_day_du}}'), { align: 'center' }),
    para('Kính gửi: {{ten_cum}}', { align: 'center', spaceBefore: 6, spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(
      'Thực hiện giao ước thi đua năm {{nam}} của {{ten_cum}}, {{don_vi.ten_day_du}} đăng ký thi đua như sau:',
    ),
    heading('1. Danh hiệu thi đua đăng ký'),
    body(bold('{{#if don_vi.danh_hieu}}{{don_vi.danh_hieu}}{{else}}(chưa đăng ký){{/if}}')),
    heading('2. Thực hiện các tiêu chí thi đua'),
    criteriaTable(JOINT_WIDTH),
    heading('3. Cam kết'),
    body(
      '{{don_vi.ten_day_du}} cam kết tổ chức thực hiện đầy đủ các nội dung giao ước, phấn đấu hoàn thành xuất sắc các tiêu chí đã đăng ký; cuối năm tự chấm điểm và báo cáo Cụm trưởng đúng thời hạn.',
    ),
    {
      kind: 'table',
      widths: [HEADER_LEFT, JOINT_WIDTH - HEADER_LEFT],
      borders: false,
      keepRowsTogether: true,
      rows: [
        [
          cell(
            para({ text: 'Nơi nhận:', bold: true, italic: true }, { align: 'left', size: 12 }),
            para('- {{ten_cum}} (Cụm trưởng);', { align: 'left', size: 11 }),
            para('- Lưu: VT.', { align: 'left', size: 11 }),
          ),
          cell(
            centered(bold('{{don_vi.chuc_danh_ky|hoa}}')),
            blank(),
            blank(),
            blank(),
            blank(),
            centered(bold('{{don_vi.ho_ten}}')),
          ),
        ],
      ],
    },
  ],
};
