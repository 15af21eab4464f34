/**
 * "Khóa / mở chấm điểm" through build/Code.js. The product's per-unit row protections are made
 * host-side here (as set-up would leave them), so these tests do not depend on set-up.
 */
import type { LocalHost } from '../../local/host';
import type { ProtectionSpec } from '../../local/host/spreadsheet/model';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { AUDIT_ACTIONS } from '../../src/core/edit/audit';
import { MARK_FILL } from '../../src/core/edit/marks';
import { busyMessage } from '../../src/gas/lock';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, paste, seedSampleWorkbook } from './workbookFixture';

const CAPTION = 'Khóa / mở chấm điểm';
const HEAD = 'badinh.mttq@gmail.com';
const DD = 'mttq@dongda.hanoi.gov.vn';
const SELF = `'${SHEET_NAMES.selfScores}'`;
const UNIT_EMAILS = SAMPLE_UNIT_ROWS.map((r) => r[6] ?? '');
/** Score columns C..M of the sample matrices. */
const SCORE_COLUMNS = { first: 3, count: 11 };

/** A workbook as set-up leaves it: headers protected, each unit's row editable by that unit. */
function preparedHost(): LocalHost {
  const host = newHost({ spreadsheet: { editors: UNIT_EMAILS } });
  seedSampleWorkbook(host);
  const model = host.spreadsheet;
  for (const name of [SHEET_NAMES.selfScores, SHEET_NAMES.verifiedScores]) {
    const sheet = model.sheet(name);
    if (!sheet) throw new Error(`no ${name}`);
    const protect = (row: number, numRows: number, editors: string[], description: string) => {
      const spec: ProtectionSpec = {
        id: model.newProtectionId(),
        type: 'RANGE',
        range: {
          sheet,
          row,
          col: 1,
          numRows,
          numCols: SCORE_COLUMNS.first + SCORE_COLUMNS.count - 1,
        },
        description,
        editors: new Set([host.owner, HEAD, ...editors]),
        warningOnly: false,
        domainEdit: false,
        unprotected: [],
        rangeName: null,
        creator: host.owner,
      };
      model.protections.push(spec);
    };
    protect(1, 2, [], 'Tiêu đề');
    SAMPLE_UNIT_ROWS.forEach((unit, i) => {
      protect(3 + i, 1, [unit[6] ?? ''], `Dòng ${unit[0] ?? ''}`);
    });
  }
  host.open(HEAD);
  return host;
}

function editorsAt(host: LocalHost, a1: string): string[] {
  const unitRow = host.spreadsheet.protectionsAt(a1).filter((p) => p.range.numRows === 1);
  expect(unitRow).toHaveLength(1);
  return [...(unitRow[0]?.editors ?? [])].sort();
}

function scoringCell(host: LocalHost): unknown {
  const rows = host.spreadsheet.valuesAt(`'${SHEET_NAMES.settings}'!A1:B40`);
  return rows.find((r) => r[0] === 'Chấm điểm')?.[1];
}

function auditActions(host: LocalHost): string[] {
  return host.spreadsheet
    .valuesAt(`'${SHEET_NAMES.audit}'!G2:G20`)
    .map((r) => String(r[0]))
    .filter((a) => a !== '');
}

function toggle(host: LocalHost, user = HEAD) {
  const result = host.clickMenu(CAPTION, user);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('ok');
  return result;
}

describe('Khóa / mở chấm điểm', () => {
  it("closes scoring: unit editors leave their rows, Sheets refuses the unit's edit, and it is logged", () => {
    const host = preparedHost();
    expect(editorsAt(host, `${SELF}!C6`)).toContain(DD);
    toggle(host);

    expect(scoringCell(host)).toBe('Đã khóa');
    expect(editorsAt(host, `${SELF}!C6`)).toEqual([HEAD, host.owner].sort());
    expect(editorsAt(host, `'${SHEET_NAMES.verifiedScores}'!C8`)).toEqual(
      [HEAD, host.owner].sort(),
    );
    // 2 sheets × 5 member rows; the head's own rows already have only owner and head.
    expect(host.ui.shown.at(-1)?.prompt).toContain('Đã khóa chấm điểm. 10 vùng bảo vệ');
    expect(auditActions(host)[0]).toContain(AUDIT_ACTIONS.closeScoring);
    // The audit trigger now exists, so later edits are logged.
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(1);

    const refused = host.edit(DD, `${SELF}!C6`, [['20']]);
    expect(refused.accepted).toBe(false);
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(18);
  });

  it('refuses and reports an edit that still gets through while closed, keeping what was typed', () => {
    const host = preparedHost();
    toggle(host);
    const outcome = host.edit(host.owner, `${SELF}!C6`, [['19']]);
    expect(outcome.accepted).toBe(true);
    for (const run of outcome.runs) expect(run.error).toBeUndefined();

    const cell = host.spreadsheet.cellAt(`${SELF}!C6`);
    expect(host.spreadsheet.valueAt(`${SELF}!C6`)).toBe(19);
    expect(cell?.bg).toBe(MARK_FILL);
    expect(cell?.note).toContain('đã khóa chấm điểm');
    expect(cell?.note).toContain('Giá trị trước khi sửa: "18"');
    expect(host.spreadsheet.toasts.at(-1)?.msg).toContain('đã khóa chấm điểm');
    const last = host.spreadsheet.valuesAt(`'${SHEET_NAMES.audit}'!A3:G3`)[0];
    expect(last?.slice(2)).toEqual(['Tự chấm', 'C6', '18', '19', AUDIT_ACTIONS.refusedClosed]);
  });

  it("reopens scoring: each unit's row goes back to the unit's e-mail from Đơn vị", () => {
    const host = preparedHost();
    toggle(host);
    toggle(host);
    expect(scoringCell(host)).toBe('Đang mở');
    expect(editorsAt(host, `${SELF}!C6`)).toEqual([DD, HEAD, host.owner].sort());
    expect(editorsAt(host, `${SELF}!C8`)).toEqual(
      ['longbien.mttq@gmail.com', HEAD, host.owner].sort(),
    );
    expect(host.edit(DD, `${SELF}!C6`, [['17']]).accepted).toBe(true);
    // A unit still may not touch another unit's row.
    expect(host.edit(DD, `${SELF}!C7`, [['17']]).accepted).toBe(false);
    const actions = auditActions(host);
    expect(actions.filter((a) => a.startsWith(AUDIT_ACTIONS.closeScoring))).toHaveLength(1);
    expect(actions.filter((a) => a.startsWith(AUDIT_ACTIONS.openScoring))).toHaveLength(1);
  });

  it('lets only the head or the owner toggle', () => {
    const host = preparedHost();
    toggle(host, DD);
    expect(host.ui.shown.at(-1)?.prompt).toContain('không được dùng «Khóa / mở chấm điểm»');
    expect(scoringCell(host)).toBe('Đang mở');
    expect(editorsAt(host, `${SELF}!C6`)).toContain(DD);

    toggle(host, host.owner);
    expect(scoringCell(host)).toBe('Đã khóa');
  });

  it('changes nothing when the head answers No', () => {
    const host = preparedHost();
    host.ui.answer('NO');
    toggle(host);
    expect(scoringCell(host)).toBe('Đang mở');
    expect(editorsAt(host, `${SELF}!C6`)).toContain(DD);
  });

  it('tells the head that another action is running (lock held elsewhere)', () => {
    const host = preparedHost();
    host.locks.holdPhantom('document', host.rt.nowMs + 60_000);
    toggle(host);
    expect(host.ui.shown.at(-1)?.prompt).toBe(busyMessage(CAPTION));
    expect(scoringCell(host)).toBe('Đang mở');
  });

  it('tells a second toggle started while the first runs that it is busy', () => {
    const host = preparedHost();
    let second: ReturnType<LocalHost['clickMenu']> | undefined;
    const stop = host.onCall('Protection.removeEditors', () => {
      if (second === undefined) second = host.clickMenu(CAPTION, host.owner);
    });
    toggle(host);
    stop();
    expect(second?.status).toBe('ok');
    expect(host.ui.shown.some((d) => d.prompt === busyMessage(CAPTION))).toBe(true);
    // Only the first toggle happened.
    expect(scoringCell(host)).toBe('Đã khóa');
    expect(auditActions(host).filter((a) => a.startsWith(AUDIT_ACTIONS.closeScoring))).toHaveLength(
      1,
    );
  });
});

describe('Khóa / mở chấm điểm after the real set-up (Nhật ký protected by set-up)', () => {
  /** Set-up from the menu over the seeded sample: the protections are the product's own. */
  function setUpHost(): LocalHost {
    const host = newHost({ spreadsheet: { editors: UNIT_EMAILS } });
    seedSampleWorkbook(host);
    host.open();
    expect(host.clickMenu('Khởi tạo / cập nhật bảng tính').status).toBe('ok');
    return host;
  }

  it('the head closes and reopens scoring, each logged in Nhật ký, with the head’s own trigger', () => {
    const host = setUpHost();
    toggle(host, HEAD);
    expect(host.ui.shown.at(-1)?.prompt).toContain('Đã khóa chấm điểm.');
    expect(scoringCell(host)).toBe('Đã khóa');
    toggle(host, HEAD);
    expect(scoringCell(host)).toBe('Đang mở');
    const actions = auditActions(host);
    expect(actions.filter((a) => a.startsWith(AUDIT_ACTIONS.closeScoring))).toHaveLength(1);
    expect(actions.filter((a) => a.startsWith(AUDIT_ACTIONS.openScoring))).toHaveLength(1);

    // The trigger closing made runs as the head and can write Nhật ký: a member's edit is logged.
    const before = auditActions(host).length;
    const typed = host.edit(DD, `${SELF}!C6`, [['17']]);
    expect(typed.accepted).toBe(true);
    for (const run of typed.runs) expect(run.error).toBeUndefined();
    expect(auditActions(host).length).toBe(before + 1);
    // A member still cannot touch the log.
    expect(host.edit(DD, `'${SHEET_NAMES.audit}'!A2`, [['xoá dấu vết']]).accepted).toBe(false);

    // Reopening gives Thẩm định back by the roles table: the deputy (HM, row 4) verifies the
    // others but never itself, and a member verifies nobody.
    const VERIFIED = `'${SHEET_NAMES.verifiedScores}'`;
    const HM = UNIT_EMAILS[1] ?? '';
    expect(host.edit(HM, `${VERIFIED}!C6`, [['17']]).accepted).toBe(true);
    expect(host.edit(HM, `${VERIFIED}!C4`, [['20']]).accepted).toBe(false);
    expect(host.edit(DD, `${VERIFIED}!C6`, [['20']]).accepted).toBe(false);
    expect(host.edit(DD, `${VERIFIED}!C5`, [['20']]).accepted).toBe(false);
  });

  it('a member may not turn the change log on (the trigger could never write Nhật ký)', () => {
    const host = setUpHost();
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', DD).status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain('không được dùng «Bật ghi nhật ký thay đổi»');
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(0);
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', HEAD).status).toBe('ok');
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(1);
  });

  it('set-up run by a member is refused up front by the roles table, in Vietnamese', () => {
    const host = setUpHost();
    const run = host.clickMenu('Khởi tạo / cập nhật bảng tính', DD);
    expect(run.status).toBe('ok');
    const prompt = host.ui.shown.at(-1)?.prompt ?? '';
    expect(prompt).toContain('không được dùng «Khởi tạo / cập nhật bảng tính»');
    expect(prompt).toContain('Cụm trưởng');
  });

  it('a rotated head closes what they may and names the protections that still list the old head', () => {
    // Protection.getEditors / changes are refused to a user who cannot edit the protection
    // (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()).
    const host = preparedHost();
    const HK = 'hoankiem.mttq@gmail.com';
    paste(host, SHEET_NAMES.units, 2, 4, [['Thành viên']]);
    paste(host, SHEET_NAMES.units, 4, 4, [['Cụm trưởng']]);
    const result = toggle(host, HK);
    expect(result.error).toBeUndefined();
    expect(scoringCell(host)).toBe('Đã khóa');
    const prompt = host.ui.shown.at(-1)?.prompt ?? '';
    // HK's own rows list HK, so HK could close them; every other unit row lists only the old head.
    expect(prompt).toContain('Đã khóa chấm điểm. 2 vùng bảo vệ');
    expect(prompt).toContain('Chưa khóa được 2 nhóm vùng bảo vệ');
    expect(prompt).toContain(
      `Trang "${SHEET_NAMES.selfScores}", dòng của đơn vị BD, HM, DD, HBT, LB`,
    );
    expect(prompt).toContain('nhờ chủ sở hữu bảng tính chạy «Khởi tạo / cập nhật bảng tính»');
    // HK's row: the old head left, the new head (HK) and the owner remain.
    expect(editorsAt(host, `${SELF}!C5`)).toEqual([HK, host.owner].sort());
    // Rows HK may not edit are untouched, not half-changed.
    expect(editorsAt(host, `${SELF}!C6`)).toContain(DD);
  });

  it('one audit trigger per workbook: the head closing after the owner turned the log on adds none', () => {
    const host = preparedHost();
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', host.owner).status).toBe('ok');
    toggle(host, HEAD);
    // The owner's trigger is not in the head's getProjectTriggers(); the record says it exists.
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(1);
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', HEAD).status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain(`đã được ${host.owner} bật`);
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(1);
    const before = auditActions(host).length;
    host.edit(host.owner, `${SELF}!C6`, [['19']]);
    expect(auditActions(host).length).toBe(before + 1);
  });

  it('a stray duplicate trigger logs nothing: only the recorded uid writes Nhật ký', () => {
    const host = preparedHost();
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', HEAD).status).toBe('ok');
    // As if the head's trigger had been made before triggers were recorded, and then the owner's.
    host.properties.document.delete('thidua.auditTrigger');
    expect(host.clickMenu('Bật ghi nhật ký thay đổi', host.owner).status).toBe('ok');
    expect(host.triggers.triggers.filter((t) => t.handler === 'onEditAudit')).toHaveLength(2);
    const before = auditActions(host).length;
    const outcome = host.edit(host.owner, `${SELF}!C6`, [['19']]);
    for (const run of outcome.runs) expect(run.error).toBeUndefined();
    expect(outcome.runs.filter((r) => r.execution.functionName === 'onEditAudit')).toHaveLength(2);
    expect(auditActions(host).length).toBe(before + 1);
  });
});
