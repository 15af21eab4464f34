/**
 * «Lập hồ sơ bình xét»: everything decided before a document is touched. From the grids of Cấu
 * hình, Đơn vị and Khen thưởng (read once by the caller) and the vote's state (the document
 * property "Kiểm phiếu bình xét" keeps) this builds the DossierInput of the four documents and
 * lists every problem that must be fixed first, each naming its sheet and cell, so nothing is
 * made from incomplete data. Pure.
 */
import { finding } from '../findings';
import type { CalendarDateValue } from '../model/calendarDate';
import type { ClusterSettings } from '../model/settings';
import type { Unit } from '../model/unit';
import { SHEET_NAMES } from '../layout/sheets';
import { SETTING_ROWS } from '../layout/settings';
import { readSettings } from '../readers/settings';
import { readUnits } from '../readers/units';
import { readAwards, type AwardRow } from '../awards/readAwards';
import { issuerDefaultsOf, resolveIssuer } from '../certificates/issuer';
import { legalBasisLines } from './legalBases';
import { nameKey } from '../text/normalize';
import type { WorkbookGrids } from '../validation/workbook';
import type { VoteState } from '../votes/rounds';
import { dossierRecord, type DossierInput, type DossierKind } from './dossierData';
import type { TemplateRecord } from '../template';

export const DOSSIER_KINDS: readonly DossierKind[] = [
  'minutes',
  'submission',
  'draftDecision',
  'notice',
];

/** Per document: its Cấu hình rows, the file's name, the symbol of its number (Decree 30, App. III). */
export const DOSSIER_DOCUMENTS: Readonly<
  Record<
    DossierKind,
    {
      readonly label: string;
      readonly templateKey: string;
      readonly linkKey: string;
      readonly numberKey: string;
      readonly symbol: string;
      readonly fileName: string;
    }
  >
> = {
  minutes: {
    label: 'Biên bản họp bình xét',
    templateKey: 'minutesTemplate',
    linkKey: 'minutesLink',
    numberKey: 'minutesNumber',
    symbol: 'BB',
    fileName: 'Biên bản họp bình xét thi đua',
  },
  submission: {
    label: 'Tờ trình đề nghị khen thưởng',
    templateKey: 'submissionTemplate',
    linkKey: 'submissionLink',
    numberKey: 'submissionNumber',
    symbol: 'TTr',
    fileName: 'Tờ trình đề nghị khen thưởng',
  },
  draftDecision: {
    label: 'Dự thảo quyết định khen thưởng',
    templateKey: 'draftDecisionTemplate',
    linkKey: 'draftDecisionLink',
    numberKey: 'draftDecisionNumber',
    symbol: 'QĐ',
    fileName: 'Dự thảo quyết định khen thưởng',
  },
  notice: {
    label: 'Thông báo kết quả bình xét',
    templateKey: 'noticeTemplate',
    linkKey: 'noticeLink',
    numberKey: 'noticeNumber',
    symbol: 'TB',
    fileName: 'Thông báo kết quả bình xét thi đua',
  },
};

/** Room left for a number the records office writes by hand (as the pledge leaves it). */
const NUMBER_BLANK = '\u00a0'.repeat(8);

/**
 * "Số: 01/BB-CTĐ1" as typed; a bare number takes the document's symbol ("1" → "01/BB"); blank
 * leaves room to write the number in. Numbers under 10 are padded (Decree 30/2020, App. I).
 */
export function documentNumber(typed: string, symbol: string): string {
  const t = typed.trim();
  const pad = (n: string): string => (/^[1-9]$/.test(n) ? `0${n}` : n);
  if (t === '') return `${NUMBER_BLANK}/${symbol}`;
  const slash = t.indexOf('/');
  if (slash < 0) return `${pad(t)}/${symbol}`;
  return `${pad(t.slice(0, slash).trim())}/${t.slice(slash + 1).trim()}`;
}

export type DossierPreparation = {
  readonly settings: ClusterSettings | undefined;
  /** Setting key → its value cell in Cấu hình. */
  readonly settingCells: ReadonlyMap<string, string>;
  /** Every problem, in Vietnamese, each naming its sheet and cell. */
  readonly problems: readonly string[];
  readonly input: DossierInput | undefined;
  readonly records: Readonly<Record<DossierKind, TemplateRecord>> | undefined;
};

function settingLabel(key: string): string {
  return SETTING_ROWS.find((r) => r.key === key)?.label ?? key;
}

/** The settings the dossier prints or uses: a bad value there blocks it. */
const USED_SETTINGS = [
  'clusterName',
  'year',
  'issuingBody',
  'place',
  'legalBases',
  'signerTitle',
  'signerName',
  'meetingDate',
  'meetingTime',
  'meetingPlace',
  'meetingSecretary',
  'ballotCounters',
  'dossierAddressee',
  'minutesNumber',
  'submissionNumber',
  'noticeNumber',
  'draftDecisionNumber',
];

/** The register rows of the draft decision: those of its number, else those awaiting one. */
function decisionRows(rows: readonly AwardRow[], year: number, number: string): AwardRow[] {
  const ofYear = rows.filter((r) => r.year === year);
  return number.trim() === ''
    ? ofYear.filter((r) => r.decisionNumber.trim() === '')
    : ofYear.filter((r) => nameKey(r.decisionNumber) === nameKey(number));
}

export function prepareDossier(
  grids: WorkbookGrids,
  voteState: VoteState | undefined,
): DossierPreparation {
  const problems: string[] = [];
  const settingsGrid = grids[SHEET_NAMES.settings];
  const unitsGrid = grids[SHEET_NAMES.units];
  const awardsGrid = grids[SHEET_NAMES.awards];
  const noSheet = (sheet: string): string =>
    `Chưa có trang "${sheet}": hãy chạy «Khởi tạo / cập nhật bảng tính».`;
  if (settingsGrid === undefined) problems.push(noSheet(SHEET_NAMES.settings));
  if (unitsGrid === undefined) problems.push(noSheet(SHEET_NAMES.units));
  if (awardsGrid === undefined) problems.push(noSheet(SHEET_NAMES.awards));
  if (settingsGrid === undefined) {
    return {
      settings: undefined,
      settingCells: new Map(),
      problems,
      input: undefined,
      records: undefined,
    };
  }
  const read = readSettings(settingsGrid);
  const settings = read.value;
  const cells = read.cells;
  const cellOf = (key: string): string => cells.get(key) ?? 'A1';
  const usedCells = new Set(USED_SETTINGS.map((k) => cells.get(k)));
  problems.push(
    ...read.findings
      .filter((f) => f.severity === 'error' && (settings === undefined || usedCells.has(f.cell)))
      .map((f) => f.message),
  );
  const missingSetting = (key: string, why: string): void => {
    problems.push(
      finding(SHEET_NAMES.settings, cellOf(key), 'required-missing', '', {
        field: `"${settingLabel(key)}" (${why})`,
      }).message,
    );
  };
  if (settings === undefined) {
    return { settings, settingCells: cells, problems, input: undefined, records: undefined };
  }
  if (settings.meetingDate === undefined && !cells.has('meetingDate')) {
    problems.push(
      `Trang "${SHEET_NAMES.settings}" chưa có dòng "${settingLabel('meetingDate')}": hãy chạy «Khởi tạo / cập nhật bảng tính» để thêm các dòng của hồ sơ bình xét.`,
    );
  } else if (
    settings.meetingDate === undefined &&
    !problems.some((p) => p.includes(cellOf('meetingDate')))
  ) {
    missingSetting('meetingDate', 'in trong biên bản, tờ trình và thông báo');
  }
  if (settings.meetingSecretary.trim() === '') {
    missingSetting('meetingSecretary', 'ký biên bản họp bình xét');
  }
  if (settings.issuingBody.trim() === '') missingSetting('issuingBody', 'in ở đầu các văn bản');
  if (settings.place.trim() === '') missingSetting('place', 'in ở dòng địa danh, ngày tháng');

  // The head chairs the meeting and signs for the cluster.
  const units: Unit[] = unitsGrid === undefined ? [] : readUnits(unitsGrid).value;
  const head = units.find((u) => u.role === 'head');
  if (unitsGrid !== undefined && head === undefined) {
    problems.push(
      `Trang "${SHEET_NAMES.units}": chưa có đơn vị giữ vai trò "Cụm trưởng" (chủ trì cuộc họp, ký các văn bản thay mặt cụm).`,
    );
  } else if (head !== undefined && head.headName.trim() === '') {
    problems.push(
      `Trang "${SHEET_NAMES.units}": chưa có họ tên thủ trưởng của đơn vị Cụm trưởng "${head.name}" (chủ trì và ký).`,
    );
  }

  // The vote: held, and no place left to a later round.
  const rounds = voteState?.rounds ?? [];
  const last = rounds[rounds.length - 1];
  if (last === undefined) {
    problems.push(
      `Trang "${SHEET_NAMES.votes}": chưa kiểm phiếu bình xét. Hãy chạy «Tạo phiếu bình xét» và «Kiểm phiếu bình xét» trước khi lập hồ sơ.`,
    );
  } else if (last.valid && last.open.length > 0) {
    const tied = last.open.flatMap((o) => o.nominees.map((n) => `${n.unitName} (${n.form})`));
    problems.push(
      `Trang "${SHEET_NAMES.votes}": vòng ${String(last.round)} còn bằng phiếu ở suất cuối (${tied.join(', ')}). Hãy bỏ phiếu vòng ${String(last.round + 1)} rồi kiểm phiếu trước khi lập hồ sơ.`,
    );
  }

  // The register rows of the decision, and who issues and signs it.
  const register =
    awardsGrid === undefined ? undefined : readAwards(awardsGrid, { defaultYear: settings.year });
  const rows =
    register === undefined
      ? []
      : decisionRows(register.value, settings.year, settings.draftDecisionNumber);
  if (register !== undefined && rows.length === 0) {
    problems.push(
      settings.draftDecisionNumber.trim() === ''
        ? `Trang "${SHEET_NAMES.awards}": không có dòng nào của năm ${String(settings.year)} chưa có số quyết định để đề nghị. Hãy chạy «Lập sổ khen thưởng từ xếp hạng», hoặc ghi số quyết định ở ô ${cellOf('draftDecisionNumber')} trang "${SHEET_NAMES.settings}".`
        : `Trang "${SHEET_NAMES.settings}", ô ${cellOf('draftDecisionNumber')}: không có dòng nào của năm ${String(settings.year)} ở trang "${SHEET_NAMES.awards}" có số quyết định "${settings.draftDecisionNumber}".`,
    );
  }
  const defaults = issuerDefaultsOf(settings);
  const issuers = rows.map((r) => resolveIssuer(r, defaults));
  const issuer = issuers[0];
  const bodies = new Set(issuers.map((i) => nameKey(i.issuingBody)));
  if (issuer !== undefined && issuer.issuingBody.trim() === '') {
    problems.push(
      `Trang "${SHEET_NAMES.awards}", dòng ${String(rows[0]?.row ?? 0)}: chưa có cơ quan tặng, và Cấu hình không ghi cơ quan tặng của cấp khen này (cơ quan ban hành dự thảo quyết định).`,
    );
  } else if (bodies.size > 1) {
    problems.push(
      `Trang "${SHEET_NAMES.awards}": các dòng ${rows.map((r) => String(r.row)).join(', ')} của cùng một quyết định có cơ quan tặng khác nhau. Hãy ghi số quyết định ở ô ${cellOf('draftDecisionNumber')} trang "${SHEET_NAMES.settings}" để chọn các dòng của một quyết định.`,
    );
  }
  // The row's signer, else the body's default signer of Cấu hình (title and name together).
  const rowSigner = issuer !== undefined && issuer.signerTitle.trim() !== '';
  const decisionSignerTitle = rowSigner ? issuer.signerTitle : settings.signerTitle;
  const decisionSignerName = rowSigner ? issuer.signerName : settings.signerName;
  if (issuer !== undefined && decisionSignerTitle.trim() === '') {
    missingSetting(
      'signerTitle',
      `chức vụ người ký dự thảo quyết định, khi dòng ${String(rows[0]?.row ?? 0)} trang "${SHEET_NAMES.awards}" để trống`,
    );
  }

  if (problems.length > 0) {
    return { settings, settingCells: cells, problems, input: undefined, records: undefined };
  }
  const date: CalendarDateValue | undefined = settings.meetingDate;
  const meetingDate = date ?? { year: settings.year, month: 12, day: 31 };
  const numbers: Partial<Record<DossierKind, string>> = {};
  for (const kind of DOSSIER_KINDS) {
    const doc = DOSSIER_DOCUMENTS[kind];
    const typed = (settings as unknown as Record<string, unknown>)[doc.numberKey];
    numbers[kind] = documentNumber(typeof typed === 'string' ? typed : '', doc.symbol);
  }
  const input: DossierInput = {
    clusterName: settings.clusterName,
    year: settings.year,
    issuingBody: settings.clusterName,
    superiorBody: settings.issuingBody,
    place: settings.place,
    signingDate: meetingDate,
    numbers,
    legalBases: settings.legalBases.length > 0 ? settings.legalBases : legalBasisLines(meetingDate),
    head,
    members: units,
    meeting: {
      date: meetingDate,
      time: settings.meetingTime,
      place: settings.meetingPlace,
      secretary: settings.meetingSecretary,
      counters: settings.ballotCounters,
    },
    addressee: settings.dossierAddressee.trim() || (issuer?.issuingBody ?? ''),
    round: last,
    rounds,
    proposals: rows,
    decision: {
      issuer: issuer?.issuingBody ?? '',
      number: numbers.draftDecision ?? '',
      signerTitle: decisionSignerTitle,
      signerName: decisionSignerName,
      rows,
    },
  };
  const records = {} as Record<DossierKind, TemplateRecord>;
  for (const kind of DOSSIER_KINDS) records[kind] = dossierRecord(kind, input);
  return { settings, settingCells: cells, problems, input, records };
}
