/**
 * The year-end dossier (hồ sơ) after the nomination vote, as default templates in the format of
 * Decree 30/2020/NĐ-CP: the minutes of the nomination meeting (biên bản họp bình xét), the
 * submission to the higher level with its list (tờ trình + danh sách đề nghị), the draft award
 * decision with its annex (dự thảo quyết định + danh sách kèm theo) and the notice of results to
 * the members (thông báo kết quả bình xét). Placeholders are the fields of dossierData.ts; every
 * list is a repeated table row or paragraph.
 */
import {
  PORTRAIT_A4,
  bold,
  cell,
  italic,
  para,
  textWidth,
  type BlockSpec,
  type DocSpec,
  type TableSpec,
} from './docSpec';
import { LEFT_COLUMN, blank, body, centered, heading, issuerHeader } from './decree30Blocks';
import type { DossierKind } from './dossierData';

const WIDTH = textWidth(PORTRAIT_A4);

/**
 * Superior body (not bold), issuing body (bold), the short rule under it, then the number line
 * in the next row (as the pledge's), as Decree 30 sets them.
 */
function dossierHeader(): TableSpec {
  return issuerHeader(
    '{{co_quan_cap_tren|hoa}}',
    '{{co_quan|hoa}}',
    WIDTH,
    centered('Số: {{so}}', 13),
  );
}

const title = (text: string): BlockSpec =>
  para(bold(text), { align: 'center', size: 14, spaceBefore: 12 });
const subtitle = (text: string): BlockSpec => para(bold(text), { align: 'center', spaceAfter: 12 });

const head = (text: string): ReturnType<typeof cell> => cell(centered(bold(text), 12));

/** A bordered table: a header row, then one row repeated per item of `list`. */
function listTable(
  list: string,
  columns: readonly { header: string; field: string; width: number; align?: 'left' | 'center' }[],
): TableSpec {
  const rest = WIDTH - columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width === 0 ? rest : c.width));
  return {
    kind: 'table',
    widths,
    borders: true,
    // A row of the list never splits across pages (see closing()).
    keepRowsTogether: true,
    rows: [
      columns.map((c) => head(c.header)),
      columns.map((c, i) => {
        const open = i === 0 ? `{{#${list}}}` : '';
        const close = i === columns.length - 1 ? `{{/${list}}}` : '';
        return cell(para(`${open}{{${c.field}}}${close}`, { align: c.align ?? 'left', size: 12 }));
      }),
    ],
  };
}

function recipients(lines: readonly string[]): ReturnType<typeof cell> {
  return cell(
    para({ text: 'Nơi nhận:', bold: true, italic: true }, { align: 'left', size: 12 }),
    ...lines.map((l) => para(l, { align: 'left', size: 11 })),
  );
}

/** Authority lines (bold capitals), room to sign, then the name. */
function signature(roles: readonly string[], name: string): ReturnType<typeof cell> {
  return cell(
    ...roles.map((r) => centered(bold(r))),
    blank(),
    blank(),
    blank(),
    centered(bold(name)),
  );
}

/**
 * Decree 30/2020, Appendix I, item 7: a collective body's document is signed "TM." (on its
 * behalf) with the signer's authority under it; the cluster head signs for the cluster.
 */
const FOR_THE_CLUSTER: readonly string[] = ['TM. {{ten_cum|hoa}}', 'CỤM TRƯỞNG'];

/** Nơi nhận on the left, the signer on the right. */
function closing(lines: readonly string[], roles: readonly string[], name: string): TableSpec {
  return {
    kind: 'table',
    widths: [LEFT_COLUMN, WIDTH - LEFT_COLUMN],
    borders: false,
    rows: [[recipients(lines), signature(roles, name)]],
    // A signature block never splits across pages (a DocSpec flag DocumentApp cannot set: the
    // guide tells users to set it once in their template; the .docx export applies it).
    keepRowsTogether: true,
  };
}

/** The list that goes with a submission or a decision starts on its own page. */
const newPage = (): BlockSpec => para('', { align: 'left', pageBreak: true });

/** Paragraphs repeated once per item: the section tags stand alone in their own paragraphs. */
function eachParagraph(list: string, ...paragraphs: BlockSpec[]): BlockSpec[] {
  return [
    para(`{{#${list}}}`, { align: 'left' }),
    ...paragraphs,
    para(`{{/${list}}}`, { align: 'left' }),
  ];
}

const LEGAL_BASES: readonly BlockSpec[] = eachParagraph('can_cu', body(italic('{{noi_dung}}')));

const RESULTS_TABLE = listTable('ket_qua', [
  { header: 'TT', field: 'stt', width: 30, align: 'center' },
  { header: 'Đề cử', field: 'ten', width: 0 },
  { header: 'Hình thức', field: 'hinh_thuc', width: 80 },
  { header: 'Đồng ý', field: 'dong_y', width: 50, align: 'center' },
  { header: 'Tỷ lệ', field: 'ty_le', width: 55, align: 'center' },
  { header: 'Kết quả', field: 'ket_qua', width: 80, align: 'center' },
]);

const ELECTED: readonly BlockSpec[] = eachParagraph('dat', body('- {{ten}}: {{hinh_thuc}}{{dau}}'));

/** Biên bản họp bình xét. */
export const MINUTES_TEMPLATE: DocSpec = {
  name: 'Mẫu - Biên bản họp bình xét thi đua',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    dossierHeader(),
    title('BIÊN BẢN'),
    subtitle('Họp bình xét thi đua năm {{nam}} của {{ten_cum}}'),
    body('Thời gian: {{#if gio_hop}}{{gio_hop}}, {{/if}}{{ngay_hop|ngay}}.'),
    body('Địa điểm: {{dia_diem_hop}}.'),
    body('Chủ trì: {{chu_tri.ho_ten}}, {{chu_tri.chuc_vu}} (Cụm trưởng).'),
    body('Thư ký: {{thu_ky}}.'),
    body(
      'Thành phần: {{so_co_mat}}/{{so_thanh_vien}} đơn vị thành viên có mặt{{#if vang_mat}} (vắng: {{vang_mat}}){{/if}}.',
    ),
    heading('1. Ban kiểm phiếu'),
    ...eachParagraph('ban_kiem_phieu', body('- {{ho_ten}}')),
    heading('2. Kết quả kiểm phiếu'),
    body(
      'Số phiếu phát ra: {{so_thanh_vien}}; số phiếu thu vào: {{so_phieu}}; hợp lệ: {{so_hop_le}}; không hợp lệ: {{so_khong_hop_le}}. Ngưỡng trúng: {{nguong}}.',
    ),
    RESULTS_TABLE,
    heading('3. Kết luận'),
    body('{{ket_luan}}'),
    ...ELECTED,
    body('Biên bản được lập xong và thông qua tại cuộc họp, các thành viên dự họp nhất trí./.'),
    {
      kind: 'table',
      widths: [WIDTH / 2, WIDTH / 2],
      borders: false,
      rows: [[signature(['THƯ KÝ'], '{{thu_ky}}'), signature(['CHỦ TRÌ'], '{{chu_tri.ho_ten}}')]],
      keepRowsTogether: true,
    },
  ],
};

const PROPOSALS_TABLE = listTable('de_nghi', [
  { header: 'TT', field: 'stt', width: 30, align: 'center' },
  { header: 'Tên tập thể, cá nhân', field: 'ten', width: 150 },
  { header: 'Thành tích', field: 'thanh_tich', width: 0 },
  { header: 'Hình thức đề nghị', field: 'hinh_thuc', width: 90, align: 'center' },
]);

/** Tờ trình đề nghị khen thưởng, with its danh sách đề nghị. */
export const SUBMISSION_TEMPLATE: DocSpec = {
  name: 'Mẫu - Tờ trình đề nghị khen thưởng',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    dossierHeader(),
    title('TỜ TRÌNH'),
    subtitle('Về việc đề nghị khen thưởng thành tích thi đua năm {{nam}}'),
    para('Kính gửi: {{kinh_gui}}.', { align: 'center', spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(
      'Căn cứ kết quả chấm điểm, xếp hạng và bình xét thi đua năm {{nam}} của {{ten_cum}} (biên bản họp ngày {{ngay_hop|ngayngan}}), {{co_quan}} kính đề nghị {{kinh_gui}} xem xét, khen thưởng cho {{doi_tuong}} đã có thành tích xuất sắc trong phong trào thi đua năm {{nam}} (có danh sách kèm theo).',
    ),
    body('Kính trình {{kinh_gui}} xem xét, quyết định./.'),
    closing(
      ['- Như trên;', '- Các đơn vị thành viên;', '- Lưu: VT.'],
      FOR_THE_CLUSTER,
      '{{nguoi_ky}}',
    ),
    newPage(),
    title('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG'),
    para(italic('(Kèm theo Tờ trình số {{so}} ngày {{ngay_ky|ngayngan}} của {{co_quan}})'), {
      align: 'center',
      spaceAfter: 12,
    }),
    PROPOSALS_TABLE,
  ],
};

const ANNEX_TABLE = listTable('danh_sach', [
  { header: 'TT', field: 'stt', width: 30, align: 'center' },
  { header: 'Tên tập thể, cá nhân', field: 'ten', width: 140 },
  { header: 'Chức vụ, đơn vị', field: 'chuc_vu_don_vi', width: 95 },
  { header: 'Thành tích', field: 'thanh_tich', width: 0 },
  // A decision may award several forms (Cờ thi đua, Bằng khen): each row says which.
  { header: 'Hình thức', field: 'hinh_thuc', width: 80, align: 'center' },
]);

/** Dự thảo quyết định khen thưởng, with its danh sách kèm theo: the register rows of one decision. */
export const DRAFT_DECISION_TEMPLATE: DocSpec = {
  name: 'Mẫu - Dự thảo quyết định khen thưởng',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    para(bold('DỰ THẢO'), { align: 'right', size: 12 }),
    issuerHeader(undefined, '{{co_quan_ban_hanh|hoa}}', WIDTH, centered('Số: {{so_qd}}', 13)),
    title('QUYẾT ĐỊNH'),
    subtitle('Về việc tặng {{hinh_thuc}} năm {{nam}}'),
    para(bold('{{chuc_vu_nguoi_ky|hoa}}'), { align: 'center', spaceAfter: 12 }),
    ...LEGAL_BASES,
    body(italic('Xét đề nghị của {{co_quan}} tại Tờ trình số {{so_to_trinh}},')),
    para(bold('QUYẾT ĐỊNH:'), { align: 'center', spaceBefore: 6, spaceAfter: 6 }),
    body([
      bold('Điều 1. '),
      'Tặng {{hinh_thuc}} cho {{doi_tuong}} (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua năm {{nam}} của {{ten_cum}}.',
    ]),
    body([bold('Điều 2. '), 'Quyết định này có hiệu lực kể từ ngày ký.']),
    body([
      bold('Điều 3. '),
      'Thủ trưởng các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ]),
    closing(['- Như Điều 3;', '- Lưu: VT.'], ['{{chuc_vu_nguoi_ky|hoa}}'], '{{nguoi_ky}}'),
    newPage(),
    title('DANH SÁCH'),
    para(bold('Tặng {{hinh_thuc}} năm {{nam}}'), { align: 'center' }),
    para(italic('(Kèm theo Quyết định số {{so_qd}} của {{chuc_vu_nguoi_ky}})'), {
      align: 'center',
      spaceAfter: 12,
    }),
    ANNEX_TABLE,
  ],
};

/** Thông báo kết quả bình xét, to the members. */
export const NOTICE_TEMPLATE: DocSpec = {
  name: 'Mẫu - Thông báo kết quả bình xét thi đua',
  page: PORTRAIT_A4,
  numberPagesFromSecond: true,
  blocks: [
    dossierHeader(),
    title('THÔNG BÁO'),
    subtitle('Kết quả bình xét thi đua năm {{nam}} của {{ten_cum}}'),
    body(
      'Ngày {{ngay_hop|ngayngan}}, {{ten_cum}} đã họp bình xét thi đua năm {{nam}} ({{so_co_mat}}/{{so_thanh_vien}} đơn vị thành viên có mặt). Kết quả bỏ phiếu như sau:',
    ),
    RESULTS_TABLE,
    body('Các đơn vị được đề nghị khen thưởng:'),
    ...ELECTED,
    body('{{co_quan}} thông báo để các đơn vị thành viên biết./.'),
    closing(['- Các đơn vị thành viên;', '- Lưu: VT.'], FOR_THE_CLUSTER, '{{nguoi_ky}}'),
  ],
};

/** Each dossier document's default template, by kind (the layout the job applies to each Doc). */
export const DOSSIER_TEMPLATES: Readonly<Record<DossierKind, DocSpec>> = {
  minutes: MINUTES_TEMPLATE,
  submission: SUBMISSION_TEMPLATE,
  draftDecision: DRAFT_DECISION_TEMPLATE,
  notice: NOTICE_TEMPLATE,
};
