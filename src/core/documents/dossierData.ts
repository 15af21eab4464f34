/**
 * The data of the year-end dossier (dossierTemplates.ts): what the minutes, the submission, the
 * draft decision and the notice print, from the cluster's settings, the vote's last round (kept in
 * the document properties by "Kiểm phiếu bình xét") and the award register. Pure.
 */
import { formatNumberVi, formatPercentVi } from '../format/vietnamese';
import type { CalendarDateValue } from '../model/calendarDate';
import type { AwardRecord } from '../model/award';
import type { Unit } from '../model/unit';
import { signerTitle } from './signerTitle';
import type { TemplateRecord, TemplateRequirement, TemplateSchema } from '../template';
import type { VoteRound } from '../votes/rounds';

export type DossierKind = 'minutes' | 'submission' | 'draftDecision' | 'notice';

const COMMON: TemplateSchema = {
  ten_cum: { label: 'Tên cụm, khối thi đua' },
  nam: { label: 'Năm thi đua' },
  co_quan_cap_tren: { label: 'Cơ quan chủ quản' },
  co_quan: { label: 'Cơ quan ban hành văn bản', required: true },
  so: { label: 'Số văn bản' },
  noi: { label: 'Địa danh' },
  ngay_ky: { label: 'Ngày ký' },
  chuc_vu_nguoi_ky: { label: 'Chức vụ người ký', required: true },
  nguoi_ky: { label: 'Người ký', required: true },
  can_cu: { label: 'Căn cứ', fields: { noi_dung: { label: 'Nội dung căn cứ' } } },
};

const VOTE: TemplateSchema = {
  ngay_hop: { label: 'Ngày họp bình xét', required: true },
  gio_hop: { label: 'Giờ họp' },
  dia_diem_hop: { label: 'Địa điểm họp' },
  so_thanh_vien: { label: 'Số thành viên' },
  so_co_mat: { label: 'Số thành viên có mặt' },
  vang_mat: { label: 'Đơn vị vắng mặt' },
  so_phieu: { label: 'Số phiếu thu vào' },
  so_hop_le: { label: 'Số phiếu hợp lệ' },
  so_khong_hop_le: { label: 'Số phiếu không hợp lệ' },
  nguong: { label: 'Ngưỡng trúng' },
  ket_qua: {
    label: 'Kết quả từng đề cử',
    fields: {
      stt: {},
      ten: {},
      hinh_thuc: {},
      dong_y: {},
      khong_dong_y: {},
      de_trong: {},
      ty_le: {},
      ket_qua: {},
    },
  },
  dat: { label: 'Đề cử đạt', fields: { ten: {}, hinh_thuc: {}, dau: {} } },
  ket_luan: { label: 'Kết luận' },
};

export const MINUTES_SCHEMA: TemplateSchema = {
  ...COMMON,
  ...VOTE,
  chu_tri: {
    label: 'Chủ trì',
    fields: { ho_ten: { required: true }, chuc_vu: {} },
  },
  thu_ky: { label: 'Thư ký', required: true },
  ban_kiem_phieu: { label: 'Ban kiểm phiếu', fields: { ho_ten: {} } },
};

const PROPOSAL_FIELDS: TemplateSchema = {
  stt: {},
  ten: { required: true },
  chuc_vu_don_vi: {},
  thanh_tich: {},
  hinh_thuc: {},
};

export const SUBMISSION_SCHEMA: TemplateSchema = {
  ...COMMON,
  ngay_hop: VOTE.ngay_hop ?? {},
  kinh_gui: { label: 'Kính gửi (cấp trên)', required: true },
  so_tap_the: { label: 'Số tập thể' },
  so_ca_nhan: { label: 'Số cá nhân' },
  doi_tuong: { label: 'Số tập thể, cá nhân (thành lời)' },
  de_nghi: { label: 'Danh sách đề nghị', fields: PROPOSAL_FIELDS },
};

export const DRAFT_DECISION_SCHEMA: TemplateSchema = {
  ...COMMON,
  // A draft: the signer's name is written when the decision is signed.
  nguoi_ky: { label: 'Người ký' },
  co_quan_ban_hanh: { label: 'Cơ quan ban hành quyết định', required: true },
  so_qd: { label: 'Số quyết định' },
  so_to_trinh: { label: 'Số tờ trình' },
  hinh_thuc: { label: 'Hình thức khen thưởng', required: true },
  so_tap_the: { label: 'Số tập thể' },
  so_ca_nhan: { label: 'Số cá nhân' },
  doi_tuong: { label: 'Số tập thể, cá nhân (thành lời)' },
  danh_sach: { label: 'Danh sách kèm theo', fields: PROPOSAL_FIELDS },
};

export const NOTICE_SCHEMA: TemplateSchema = { ...COMMON, ...VOTE };

export const DOSSIER_SCHEMAS: Record<DossierKind, TemplateSchema> = {
  minutes: MINUTES_SCHEMA,
  submission: SUBMISSION_SCHEMA,
  draftDecision: DRAFT_DECISION_SCHEMA,
  notice: NOTICE_SCHEMA,
};

/** What each document must list, whatever template it comes from. */
export const DOSSIER_REQUIREMENTS: Record<DossierKind, readonly TemplateRequirement[]> = {
  minutes: [{ anyOf: ['ket_qua'], what: 'kết quả kiểm phiếu từng đề cử', list: true }],
  submission: [{ anyOf: ['de_nghi'], what: 'danh sách đề nghị khen thưởng', list: true }],
  draftDecision: [{ anyOf: ['danh_sach'], what: 'danh sách kèm theo quyết định', list: true }],
  notice: [{ anyOf: ['ket_qua', 'dat'], what: 'kết quả bình xét', list: true }],
};

export interface DossierInput {
  readonly clusterName: string;
  readonly year: number;
  /** Issuing body of the cluster's documents, and the body above it. */
  readonly issuingBody: string;
  readonly superiorBody: string;
  readonly place: string;
  readonly signingDate: CalendarDateValue;
  readonly numbers: Partial<Record<DossierKind, string>>;
  readonly legalBases: readonly string[];
  readonly head: Unit | undefined;
  readonly members: readonly Unit[];
  readonly meeting: {
    readonly date: CalendarDateValue;
    readonly time: string;
    readonly place: string;
    readonly secretary: string;
    readonly counters: readonly string[];
  };
  /** The higher level the submission goes to (kính gửi). */
  readonly addressee: string;
  /** The vote's last round, when a vote was held. */
  readonly round: VoteRound | undefined;
  /** Every round held, first to last (the last is `round`); unset: the last round only. */
  readonly rounds?: readonly VoteRound[];
  /** Register rows of the year waiting for a decision (no decision number): the proposals. */
  readonly proposals: readonly AwardRecord[];
  /** The decision the draft is for: its issuer, number, signer and rows. */
  readonly decision: {
    readonly issuer: string;
    readonly number: string;
    readonly signerTitle: string;
    readonly signerName: string;
    readonly rows: readonly AwardRecord[];
  };
}

function proposalItems(rows: readonly AwardRecord[]): TemplateRecord[] {
  return rows.map((r, i) => ({
    stt: i + 1,
    ten: r.name,
    chuc_vu_don_vi: [r.position, r.unit].filter((x) => x !== '').join(', '),
    thanh_tich: r.achievement,
    hinh_thuc: r.form,
  }));
}

function voteFields(input: DossierInput): TemplateRecord {
  const round = input.round;
  // Each round's count, in order: a tie sent to a second round shows in both.
  const rounds = input.rounds ?? (round ? [round] : []);
  const counts = rounds.flatMap((r) =>
    r.counts.map((c) => ({
      ...c,
      unitName: r.round > 1 ? `${c.unitName} (vòng ${String(r.round)})` : c.unitName,
    })),
  );
  const present = round?.present ?? 0;
  const members = round?.members || input.members.length;
  const elected = round?.elected ?? [];
  const absent =
    present < members && present > 0 ? `${formatNumberVi(members - present)} đơn vị` : '';
  return {
    ngay_hop: input.meeting.date,
    gio_hop: input.meeting.time,
    dia_diem_hop: input.meeting.place,
    so_thanh_vien: members,
    so_co_mat: present,
    vang_mat: absent,
    so_phieu: round?.cast ?? 0,
    so_hop_le: round?.valid_ballots ?? 0,
    so_khong_hop_le: round?.spoiled ?? 0,
    nguong: round?.threshold ?? '',
    ket_qua: counts.map((c, i) => ({
      stt: i + 1,
      ten: c.unitName,
      hinh_thuc: c.form,
      dong_y: c.yes,
      khong_dong_y: c.no,
      de_trong: c.blank,
      ty_le: formatPercentVi(c.yesShare),
      ket_qua: c.outcome,
    })),
    // A listed item ends with ";", the last with ".".
    dat: elected.map((e, i) => ({
      ten: e.unitName,
      hinh_thuc: e.form,
      dau: i === elected.length - 1 ? '.' : ';',
    })),
    ket_luan: !round
      ? 'Chưa bỏ phiếu bình xét.'
      : !round.valid
        ? 'Cuộc bỏ phiếu không hợp lệ; cần tổ chức bỏ phiếu lại.'
        : elected.length === 0
          ? 'Không có đề cử nào đạt số phiếu theo quy định.'
          : `${rounds.length > 1 ? `Sau ${formatNumberVi(rounds.length)} vòng bỏ phiếu, thống nhất` : 'Thống nhất'} đề nghị khen thưởng ${formatNumberVi(elected.length)} đơn vị sau:`,
  };
}

function common(
  input: DossierInput,
  kind: DossierKind,
  signer: { title: string; name: string },
): TemplateRecord {
  return {
    ten_cum: input.clusterName,
    nam: input.year,
    co_quan_cap_tren: input.superiorBody,
    co_quan: input.issuingBody,
    so: input.numbers[kind] ?? '',
    noi: input.place,
    ngay_ky: input.signingDate,
    chuc_vu_nguoi_ky: signer.title,
    nguoi_ky: signer.name,
    can_cu: input.legalBases.map((b) => ({ noi_dung: b })),
  };
}

/** The head signs the cluster's documents, as its representative (TM. cụm: Cụm trưởng). */
function headSigner(input: DossierInput): { title: string; name: string } {
  const head = input.head;
  return head ? { title: signerTitle(head), name: head.headName } : { title: '', name: '' };
}

export function dossierRecord(kind: DossierKind, input: DossierInput): TemplateRecord {
  const signer = headSigner(input);
  const individuals = (rows: readonly AwardRecord[]): number =>
    rows.filter((r) => r.recipientType === 'individual').length;
  switch (kind) {
    case 'minutes':
      return {
        ...common(input, kind, signer),
        ...voteFields(input),
        chu_tri: {
          ho_ten: input.head?.headName ?? '',
          chuc_vu: input.head ? signerTitle(input.head) : '',
        },
        thu_ky: input.meeting.secretary,
        ban_kiem_phieu: input.meeting.counters.map((c) => ({ ho_ten: c })),
      };
    case 'notice':
      return { ...common(input, kind, signer), ...voteFields(input) };
    case 'submission':
      return {
        ...common(input, kind, signer),
        ngay_hop: input.meeting.date,
        kinh_gui: input.addressee,
        so_tap_the: input.proposals.length - individuals(input.proposals),
        so_ca_nhan: individuals(input.proposals),
        doi_tuong: subjectsPhrase(input.proposals),
        de_nghi: proposalItems(input.proposals),
      };
    case 'draftDecision': {
      const rows = input.decision.rows;
      const forms = [...new Set(rows.map((r) => r.form))];
      return {
        ...common(input, kind, {
          title: input.decision.signerTitle,
          name: input.decision.signerName,
        }),
        co_quan_ban_hanh: input.decision.issuer,
        so_qd: input.decision.number,
        so_to_trinh: input.numbers.submission ?? '',
        hinh_thuc: forms.join(', '),
        so_tap_the: rows.length - individuals(rows),
        so_ca_nhan: individuals(rows),
        doi_tuong: subjectsPhrase(rows),
        danh_sach: proposalItems(rows),
      };
    }
  }
}

/** "3 tập thể", "2 cá nhân", "3 tập thể và 2 cá nhân": a document never says "và 0 cá nhân". */
export function subjectsPhrase(rows: readonly AwardRecord[]): string {
  const people = rows.filter((r) => r.recipientType === 'individual').length;
  const collectives = rows.length - people;
  return [
    ...(collectives > 0 ? [`${String(collectives)} tập thể`] : []),
    ...(people > 0 ? [`${String(people)} cá nhân`] : []),
  ].join(' và ');
}
