/**
 * "Lập sổ khen thưởng từ xếp hạng": one register row per unit the ranking proposes, merged with
 * what the register already holds.
 *
 * Decisions (documented for the officer in the summary and the header notes):
 * - Recipient: the unit itself, a collective, by the name documents print (Đơn vị's Tên đầy đủ,
 *   else its name: unitDocumentName); unit column left blank (the collective is its own unit);
 *   e-mail from the unit's row in Đơn vị, so its PDF can be sent.
 * - Issuer and place: those Cấu hình gives the row's level ("Cơ quan tặng <cấp>", "Địa danh
 *   <cấp>"), else the workbook's own body and place ("Cơ quan ban hành văn bản", "Địa danh": a
 *   cluster's proposals are usually awarded by the body that runs it, e.g. the city's Front for a
 *   cluster of district Fronts), written into the row and named in the summary so the officer
 *   sees who awards it and corrects it there. The signer is left to the decision.
 * - Level: Bộ, ngành, tỉnh / thành phố by default, because a cluster's Cờ thi đua and Bằng khen
 *   are conferred by the province (UBND tỉnh / thành phố) the cluster belongs to.
 * - Achievement: a certificate sentence built from what the ranking's reason rests on (year,
 *   cluster, rank, classification), not the reason itself, which is written for the officer.
 * - Decision number and date, signer, register number: blank for the officer to fill once the
 *   decision is signed.
 * - A proposal already in the register (same year, collective, name or full name and form,
 *   compared as names are; valid or not, level not compared since the officer may have
 *   corrected it), or whose key (Mã hồ sơ) a row holds, however edited since, is not added
 *   again, so a second click adds nothing.
 * - Each new row carries its key (Mã hồ sơ) from the start.
 */
import { formatNumberVi } from '../format/vietnamese';
import type { AwardColumnKey } from '../layout/tables';
import {
  AWARD_LEVEL_LABELS,
  RECIPIENT_TYPE_LABELS,
  type AwardLevel,
  type AwardRecord,
} from '../model/award';
import type { RankingRow } from '../ranking/computeRanking';
import { unitDocumentName, type Unit } from '../model/unit';
import { levelIssuer, type IssuerDefaults } from '../certificates/issuer';
import { nameKey } from '../text/normalize';
import { awardKey } from './key';
import { lastRound, type VoteState } from '../votes/rounds';
import type { AwardsReadout } from './readAwards';

export const DEFAULT_FILL_LEVEL: AwardLevel = 'ministryProvince';

export interface AwardFillInput {
  /** The ranking's rows (computeRanking(...).rows), in rank order. */
  readonly rows: readonly Pick<
    RankingRow,
    'unitCode' | 'unitName' | 'rank' | 'classification' | 'proposal' | 'voteNeededFor'
  >[];
  readonly units: readonly Pick<Unit, 'code' | 'email' | 'name' | 'fullName'>[];
  readonly year: number;
  readonly clusterName: string;
  readonly register: Pick<AwardsReadout, 'value' | 'invalid'>;
  readonly level?: AwardLevel;
  /** Cấu hình's issuers per level (issuerDefaultsOf); none: issuer and place left blank. */
  readonly issuers?: IssuerDefaults;
  /**
   * The nomination vote's result, where a vote was held on this ranking: its elected take the
   * places instead of the ranking's proposals, and places still tied wait for the next round.
   */
  readonly vote?: FillVote;
}

export interface FillVote {
  readonly round: number;
  readonly elected: readonly { readonly unitCode: string; readonly form: string }[];
  /** Names of the nominees tied at a last place, waiting for another round. */
  readonly tied: readonly string[];
}

export interface FilledAward extends AwardRecord {
  readonly key: string;
}

export interface AwardFillPlan {
  /** Rows to append, in rank order. */
  readonly records: readonly FilledAward[];
  /** "Ba Đình (Cờ thi đua)" for proposals already in the register. */
  readonly alreadyThere: readonly string[];
  /** Units whose place depends on a vote (bình xét) first: not added. */
  readonly voteNeeded: readonly string[];
  /** Vietnamese summary for the officer. */
  readonly message: string;
}

function identity(year: number, name: string, form: string): string {
  return `${String(year)}\u001f${nameKey(name)}\u001f${nameKey(form)}`;
}

export function achievementText(
  row: Pick<RankingRow, 'rank' | 'classification'>,
  members: number,
  year: number,
  clusterName: string,
): string {
  return (
    `Đã có thành tích xuất sắc trong phong trào thi đua năm ${String(year)} của ${clusterName} ` +
    `(xếp hạng ${String(row.rank)}/${String(members)}, xếp loại ${row.classification}).`
  );
}

export function planAwardFill(input: AwardFillInput): AwardFillPlan {
  const level = input.level ?? DEFAULT_FILL_LEVEL;
  const present = new Set<string>();
  for (const r of input.register.value) {
    if (r.recipientType === 'collective') present.add(identity(r.year, r.name, r.form));
  }
  for (const r of input.register.invalid) {
    if (r.recipientType !== 'individual' && r.year !== undefined)
      present.add(identity(r.year, r.name, r.form));
  }
  // A row keeps the key the fill gave it when the officer edits its form or name later (a typo,
  // a correction): that row is still this award, so the key alone says it is there.
  const storedKeys = new Set(
    [...input.register.value.map((r) => r.key), ...input.register.invalid.map((r) => r.key)].filter(
      (k) => k !== '',
    ),
  );
  const unitOf = new Map(input.units.map((u) => [u.code, u]));
  const inherited =
    input.issuers === undefined
      ? { issuingBody: '', place: '' }
      : levelIssuer(level, input.issuers);
  const issuer = {
    issuingBody: inherited.issuingBody || (input.issuers?.own.issuingBody ?? ''),
    place: inherited.place || (input.issuers?.own.place ?? ''),
  };
  const records: FilledAward[] = [];
  const alreadyThere: string[] = [];
  const vote = input.vote;
  const places: { row: AwardFillInput['rows'][number]; form: string }[] = vote
    ? input.rows.flatMap((row) =>
        vote.elected.filter((e) => e.unitCode === row.unitCode).map((e) => ({ row, form: e.form })),
      )
    : input.rows.filter((row) => row.proposal !== '').map((row) => ({ row, form: row.proposal }));
  for (const { row, form } of places) {
    const unit = unitOf.get(row.unitCode);
    const name = unit === undefined ? row.unitName : unitDocumentName(unit);
    // A row added before Tên đầy đủ existed carries the short name: it is the same award.
    const ids = [identity(input.year, name, form), identity(input.year, row.unitName, form)];
    if (ids.some((id) => present.has(id))) {
      alreadyThere.push(`${name} (${form})`);
      continue;
    }
    const record: AwardRecord = {
      recipientType: 'collective',
      name,
      salutation: '',
      position: '',
      unit: '',
      form,
      level,
      achievement: achievementText(row, input.rows.length, input.year, input.clusterName),
      decisionNumber: '',
      issuingBody: issuer.issuingBody,
      place: issuer.place,
      signerTitle: '',
      signerName: '',
      registerNumber: '',
      email: unit?.email ?? '',
      year: input.year,
    };
    const key = awardKey(record);
    if (storedKeys.has(key)) {
      alreadyThere.push(`${name} (${form})`);
      continue;
    }
    ids.forEach((id) => present.add(id));
    storedKeys.add(key);
    records.push({ ...record, key });
  }
  const voteNeeded = vote
    ? [...vote.tied]
    : input.rows.filter((r) => r.voteNeededFor !== '').map((r) => r.unitName);
  const source = vote
    ? `Theo kết quả bình xét${vote.round > 1 ? ` (vòng ${String(vote.round)})` : ''}.`
    : 'Theo đề nghị của xếp hạng (chưa kiểm phiếu bình xét).';
  return {
    records,
    alreadyThere,
    voteNeeded,
    message: `${source}\n${fillMessage(records, alreadyThere, voteNeeded, level, vote !== undefined, issuer.issuingBody)}`,
  };
}

function fillMessage(
  records: readonly FilledAward[],
  alreadyThere: readonly string[],
  voteNeeded: readonly string[],
  level: AwardLevel,
  voted: boolean,
  issuingBody: string,
): string {
  const lines: string[] = [];
  if (records.length > 0) {
    const by = issuingBody === '' ? '' : `, cơ quan tặng "${issuingBody}"`;
    lines.push(
      `Đã thêm ${formatNumberVi(records.length)} dòng vào sổ khen thưởng (cấp khen "${AWARD_LEVEL_LABELS[level]}"${by}): ` +
        `${records.map((r) => `${r.name} (${r.form})`).join(', ')}. ` +
        'Hãy điền số, ngày quyết định, người ký và số sổ vàng khi có quyết định.',
    );
  } else {
    lines.push('Không có dòng nào mới để thêm vào sổ khen thưởng.');
  }
  if (alreadyThere.length > 0)
    lines.push(`Đã có trong sổ, không thêm lại: ${alreadyThere.join(', ')}.`);
  if (voteNeeded.length > 0) {
    lines.push(
      voted
        ? `Bằng phiếu ở suất cuối, cần bỏ phiếu vòng sau trước khi đưa vào sổ: ${voteNeeded.join(', ')}.`
        : `Cần bình xét trước khi đưa vào sổ: ${voteNeeded.join(', ')}.`,
    );
  }
  return lines.join('\n');
}

/**
 * The filled rows as sheet rows, each value in its column's 0-based position; columns the
 * sheet lacks are skipped. Labels are written for the recipient type and level, as users pick
 * them from the dropdowns.
 */
export function awardSheetRows(
  records: readonly FilledAward[],
  positions: ReadonlyMap<AwardColumnKey, number>,
): unknown[][] {
  const width = Math.max(0, ...positions.values());
  return records.map((r) => {
    const line = new Array<unknown>(width).fill('');
    const put = (key: AwardColumnKey, value: unknown): void => {
      const column = positions.get(key);
      if (column !== undefined) line[column - 1] = value;
    };
    put('recipientType', RECIPIENT_TYPE_LABELS[r.recipientType]);
    put('name', r.name);
    put('position', r.position);
    put('unit', r.unit);
    put('form', r.form);
    put('level', AWARD_LEVEL_LABELS[r.level]);
    put('achievement', r.achievement);
    put('decisionNumber', r.decisionNumber);
    put('issuingBody', r.issuingBody);
    put('place', r.place);
    put('salutation', r.salutation);
    put('signerTitle', r.signerTitle);
    put('signerName', r.signerName);
    put('registerNumber', r.registerNumber);
    put('year', r.year);
    put('email', r.email);
    put('key', r.key);
    return line;
  });
}

/**
 * Which result the register takes: the vote's, when the last round tallied belongs to the
 * ranking Xếp hạng shows; the ranking's proposals when no vote was held on it. A vote that is
 * void (quorum, more ballots than members present) is refused rather than passed over.
 */
export function voteForFill(
  state: VoteState | undefined,
  rankingFingerprint: string | null,
):
  | { kind: 'ranking'; note: string }
  | { kind: 'vote'; vote: FillVote }
  | { kind: 'refuse'; message: string } {
  const last = lastRound(state);
  if (state === undefined || last === undefined) return { kind: 'ranking', note: '' };
  if (state.rankingFingerprint !== rankingFingerprint) {
    return {
      kind: 'ranking',
      note: '\nKết quả bình xét đã có thuộc một lần xếp hạng trước, nên không được dùng.',
    };
  }
  if (!last.valid) {
    return {
      kind: 'refuse',
      message:
        `Cuộc bỏ phiếu vòng ${String(last.round)} không hợp lệ (không đủ thành viên có mặt, hoặc số phiếu nhiều hơn số có mặt), ` +
        'nên chưa lập sổ khen thưởng từ kết quả bình xét. Hãy tạo phiếu và bỏ phiếu lại («Tạo phiếu bình xét», «Kiểm phiếu bình xét»).',
    };
  }
  return {
    kind: 'vote',
    vote: {
      round: last.round,
      elected: last.elected.map((e) => ({ unitCode: e.unitCode, form: e.form })),
      tied: last.open.flatMap((o) => o.nominees.map((e) => `${e.unitName} (${e.form})`)),
    },
  };
}
