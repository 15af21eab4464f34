/**
 * Conformance tests of data validation, protection and user edits.
 */
import { as } from './sheetsFixture';
import { ANONYMOUS_USER } from '../../local/host/accounts';
import { HostRuntime } from '../../local/host/runtime';
import { createSpreadsheetHost } from '../../local/host/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Range = GoogleAppsScript.Spreadsheet.Range;

const OWNER = 'owner@thidua.test';
const BADINH = 'badinh@thidua.test';
const HOANKIEM = 'hoankiem@thidua.test';

// The file is created by a vi_VN user, as the product's set-up leaves it: a spreadsheet's locale
// and time zone are the file's, its creator's by default (https://support.google.com/docs/answer/58515).
const VI_FILE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

function setup() {
  const rt = new HostRuntime();
  const host = createSpreadsheetHost(rt, {
    getUi: () => null,
    editors: [BADINH, HOANKIEM],
    ...VI_FILE,
  });
  const app = host.SpreadsheetApp as unknown as App;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Tự chấm');
  return { rt, host, app, ss, sheet, model: host.model };
}

describe('data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  it('builds rules and reads their criteria back', () => {
    const { app, sheet } = setup();
    const list = app
      .newDataValidation()
      .requireValueInList(['Cụm trưởng', 'Cụm phó', 'Thành viên'])
      .build();
    expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([['Cụm trưởng', 'Cụm phó', 'Thành viên'], true]);
    // "The default for a new data validation rule is true" (setAllowInvalid).
    expect(list.getAllowInvalid()).toBe(true);
    expect(list.getHelpText()).toBeNull();

    const between = app
      .newDataValidation()
      .requireNumberBetween(0, 10)
      .setAllowInvalid(false)
      .setHelpText('Điểm từ 0 đến 10')
      .build();
    expect(between.getCriteriaValues()).toEqual([0, 10]);
    expect([between.getAllowInvalid(), between.getHelpText()]).toEqual([false, 'Điểm từ 0 đến 10']);

    const fromRange = app
      .newDataValidation()
      .requireValueInRange(sheet.getRange('A2:A7'), false)
      .build();
    const [src, dropdown] = fromRange.getCriteriaValues() as [Range, boolean];
    expect([src.getA1Notation(), dropdown]).toEqual(['A2:A7', false]);

    const copy = between.copy().requireNumberGreaterThanOrEqualTo(0).build();
    expect(String(copy.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(copy.getHelpText()).toBe('Điểm từ 0 đến 10');
    expect(String(app.newDataValidation().requireCheckbox().build().getCriteriaType())).toBe(
      'CHECKBOX',
    );
    expect(String(app.newDataValidation().requireDate().build().getCriteriaType())).toBe(
      'DATE_IS_VALID_DATE',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation)
  it('sets, reads and clears validations on ranges', () => {
    const { app, sheet, model } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 10).build();
    sheet.getRange('B2:C3').setDataValidation(rule);
    expect(String(sheet.getRange('C3').getDataValidation()?.getCriteriaType())).toBe(
      'NUMBER_BETWEEN',
    );
    const grid = sheet.getRange('B2:D2').getDataValidations();
    expect(grid[0]?.map((r) => (r ? String(r.getCriteriaType()) : null))).toEqual([
      'NUMBER_BETWEEN',
      'NUMBER_BETWEEN',
      null,
    ]);
    expect(model.cellAt("'Tự chấm'!B2")?.dv?.criteria).toBe('NUMBER_BETWEEN');
    sheet.getRange('B2:C2').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    sheet.getRange('B3').setDataValidation(null);
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
    expect(sheet.getRange('C3').getDataValidation()).not.toBeNull();
  });

  // Apps Script refuses a script write that breaks a rejecting rule, e.g. "The data you entered
  // in cell U2 violates the data validation rules set on this cell." (commonly reported).
  // ASSUMPTION: the host throws at once and writes nothing; Google may report it at the next flush.
  it('refuses script writes that violate a rejecting rule, and allows warning-only rules', () => {
    const { app, sheet, model } = setup();
    const strict = app
      .newDataValidation()
      .requireNumberBetween(0, 10)
      .setAllowInvalid(false)
      .build();
    const warn = app.newDataValidation().requireNumberBetween(0, 10).build();
    sheet.getRange('B2:C2').setDataValidation(strict);
    sheet.getRange('D2').setDataValidation(warn);
    expect(() => sheet.getRange('B2:C2').setValues([[5, 11]])).toThrow(
      'The data you entered in cell C2 violates the data validation rules set on this cell.',
    );
    expect(model.cellAt("'Tự chấm'!B2")?.v).toBe('');
    sheet.getRange('B2:C2').setValues([['9,5', '']]);
    expect(sheet.getRange('B2').getValue()).toBe(9.5);
    sheet.getRange('D2').setValue(42);
    expect(sheet.getRange('D2').getValue()).toBe(42);
    const list = app
      .newDataValidation()
      .requireValueInList(['Đạt', 'Không đạt'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('E2').setDataValidation(list);
    sheet.getRange('E2').setValue('Đạt');
    expect(() => sheet.getRange('E2').setValue('Dat')).toThrow(
      'violates the data validation rules',
    );
  });
});

describe('protection', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/protection
  // https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
  it('mirrors the spreadsheet editors until the list changes', () => {
    const { sheet, ss, app } = setup();
    const p = sheet.getRange('A2:K2').protect().setDescription('Dòng của Ba Đình');
    expect(p.getDescription()).toBe('Dòng của Ba Đình');
    expect(String(p.getProtectionType())).toBe('RANGE');
    expect(p.getRange().getA1Notation()).toBe('A2:K2');
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([BADINH, HOANKIEM, OWNER].sort());
    expect(p.canEdit()).toBe(true);
    // The reference's own pattern: remove everyone, then add back who may edit.
    p.removeEditors(p.getEditors());
    p.addEditor(BADINH);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([BADINH, OWNER].sort());
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  // Apps Script: "You are trying to edit a protected cell or object. Please contact the
  // spreadsheet owner to remove protection if you need to edit." (Sheets API / Apps Script error)
  it('refuses script writes by a user who is not an editor of the protection', () => {
    const { sheet, rt, model } = setup();
    const p = sheet.getRange('A2:K2').protect();
    p.removeEditors(p.getEditors());
    p.addEditor(BADINH);
    as(rt, BADINH, () => sheet.getRange('B2').setValue(9));
    expect(() => as(rt, HOANKIEM, () => sheet.getRange('B2').setValue(1))).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => as(rt, HOANKIEM, () => sheet.getRange('A1:B3').setBackground('#ff0000'))).toThrow(
      'protected cell',
    );
    expect(model.valueAt("'Tự chấm'!B2")).toBe(9);
    as(rt, HOANKIEM, () => sheet.getRange('B3').setValue(7));
    // The owner can always edit.
    as(rt, OWNER, () => sheet.getRange('B2').setValue(10));
    expect(as(rt, HOANKIEM, () => p.canEdit())).toBe(false);
    expect(() => {
      as(rt, HOANKIEM, () => {
        p.remove();
      });
    }).toThrow('permission');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection#setUnprotectedRanges(Range)
  it('protects a sheet except its unprotected ranges; warning-only never blocks', () => {
    const { sheet, rt, app } = setup();
    const p = sheet.protect().setDescription('Khóa bảng');
    expect(sheet.protect().getDescription()).toBe('Khóa bảng');
    p.removeEditors(p.getEditors());
    p.setUnprotectedRanges([sheet.getRange('C3:C10')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C3:C10']);
    as(rt, BADINH, () => sheet.getRange('C4').setValue(1));
    expect(() => as(rt, BADINH, () => sheet.getRange('C2:C3').setValues([[1], [2]]))).toThrow(
      'protected cell',
    );
    expect(() => as(rt, BADINH, () => sheet.insertRowsAfter(1, 1))).not.toThrow();
    expect(() => {
      as(rt, BADINH, () => {
        sheet.deleteRows(1, 1);
      });
    }).toThrow('protected cell');
    p.setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    as(rt, BADINH, () => sheet.getRange('A1').setValue('ok'));
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });
});

describe('userEdit', () => {
  it('applies typed input like the Sheets UI and reports single-cell old and new values', () => {
    const { model, sheet } = setup();
    sheet.getRange('B2').setValue(7);
    const r = model.userEdit(BADINH, "'Tự chấm'!B2", '9,5');
    expect(r.accepted).toBe(true);
    expect(r.oldValue).toBe('7');
    expect(r.value).toBe('9.5');
    expect((r.range as Range).getA1Notation()).toBe('B2');
    expect(model.valueAt("'Tự chấm'!B2")).toBe(9.5);
    const first = model.userEdit(BADINH, "'Tự chấm'!C2", 'x');
    expect(first.oldValue).toBeUndefined();
    const multi = model.userEdit(BADINH, "'Tự chấm'!D2:E2", [['1', 'TRUE']]);
    expect(multi).toMatchObject({ accepted: true });
    expect(multi.value).toBeUndefined();
    expect(model.valuesAt("'Tự chấm'!D2:E2")).toEqual([[1, true]]);
  });

  it('is not a script service call', () => {
    const { model, rt } = setup();
    const calls = rt.totalCalls();
    const now = rt.nowMs;
    model.userEdit(BADINH, "'Tự chấm'!A1", 'x');
    expect([rt.totalCalls(), rt.nowMs]).toEqual([calls, now]);
  });

  it('refuses edits in protected areas and by people without access, changing nothing', () => {
    const { model, sheet } = setup();
    const p = sheet.getRange('A2:K2').protect();
    p.removeEditors(p.getEditors());
    p.addEditor(BADINH);
    const refused = model.userEdit(HOANKIEM, "'Tự chấm'!B2", '5');
    expect(refused).toMatchObject({
      accepted: false,
      code: 'protected',
      reason:
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    });
    expect(model.cellAt("'Tự chấm'!B2")).toBeUndefined();
    expect(model.userEdit(BADINH, "'Tự chấm'!B2", '5').accepted).toBe(true);
    expect(model.userEdit('stranger@x.test', "'Tự chấm'!B3", '5')).toMatchObject({
      accepted: false,
      code: 'noAccess',
    });
  });

  it('refuses values a rejecting validation forbids, and keeps warning-only ones', () => {
    const { app, model, sheet } = setup();
    sheet
      .getRange('B2')
      .setDataValidation(
        app
          .newDataValidation()
          .requireNumberBetween(0, 10)
          .setAllowInvalid(false)
          .setHelpText('0-10')
          .build(),
      );
    sheet
      .getRange('C2')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    expect(model.userEdit(BADINH, "'Tự chấm'!B2", '11')).toMatchObject({
      accepted: false,
      code: 'validation',
      reason: '0-10',
    });
    expect(model.userEdit(BADINH, "'Tự chấm'!B2", 'mười')).toMatchObject({ accepted: false });
    expect(model.userEdit(BADINH, "'Tự chấm'!C2", '11').accepted).toBe(true);
    expect(model.userEdit(BADINH, "'Tự chấm'!B2", '').accepted).toBe(true);
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/protection (method details)
describe('protection, as strict as Google', () => {
  const editorsOf = (p: GoogleAppsScript.Spreadsheet.Protection): string[] =>
    p
      .getEditors()
      .map((u) => u.getEmail())
      .sort();

  // removeEditor / removeEditors: "Neither the owner of the spreadsheet nor the current user can
  // be removed."
  it('never removes the owner nor the user the script runs as', () => {
    const { sheet, rt } = setup();
    const p = as(rt, BADINH, () => sheet.getRange('A2:K2').protect());
    as(rt, BADINH, () => {
      p.removeEditors(p.getEditors());
      p.removeEditor(BADINH);
      p.removeEditor(OWNER);
    });
    expect(as(rt, BADINH, () => editorsOf(p))).toEqual([BADINH, OWNER].sort());
    // Run by the owner, the same call removes the member.
    as(rt, OWNER, () => p.removeEditor(BADINH));
    expect(editorsOf(p)).toEqual([OWNER]);
  });

  // getEditors / canDomainEdit: "Throws an exception if the user does not have permission to
  // edit the protected range or sheet." The wording is not documented; the host uses the one of
  // a refused change (stricter reading: the list is as private as the settings).
  it('refuses the editor list and the domain setting to a user who cannot edit the protection', () => {
    const { sheet, rt } = setup();
    const p = sheet.getRange('A2:K2').protect();
    p.removeEditors(p.getEditors());
    p.addEditor(BADINH);
    expect(as(rt, BADINH, () => p.getEditors().length)).toBe(2);
    expect(() => as(rt, HOANKIEM, () => p.getEditors())).toThrow(
      'You do not have permission to modify this protection.',
    );
    expect(() => as(rt, HOANKIEM, () => p.canDomainEdit())).toThrow('permission');
    // What anyone may still ask: whether they can edit, and what is protected.
    expect(as(rt, HOANKIEM, () => [p.canEdit(), p.getRange().getA1Notation()])).toEqual([
      false,
      'A2:K2',
    ]);
  });

  // Only those who can edit a protection may change it (the guard of every setter and remove()).
  it('refuses every change by a user who cannot edit the protection, changing nothing', () => {
    const { sheet, rt } = setup();
    const p = sheet.getRange('A2:K2').protect().setDescription('Dòng của Ba Đình');
    p.removeEditors(p.getEditors());
    const changes: Array<() => unknown> = [
      () => p.setDescription('x'),
      () => p.addEditor(HOANKIEM),
      () => p.removeEditor(OWNER),
      () => p.setWarningOnly(true),
      () => p.setRange(sheet.getRange('A3')),
      () => {
        p.remove();
      },
    ];
    for (const change of changes) {
      expect(() => as(rt, HOANKIEM, change)).toThrow('You do not have permission');
    }
    expect([p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]).toEqual([
      'Dòng của Ba Đình',
      false,
      'A2:K2',
    ]);
    expect(editorsOf(p)).toEqual([OWNER]);
  });

  // setDomainEdit: "Throws an exception if the spreadsheet does not belong to a Google Workspace
  // domain (that is, if it is owned by a gmail.com account)". ASSUMPTION: the message's wording.
  it('has no domain setting in a consumer account’s file', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A2:K2').protect();
    expect(p.canDomainEdit()).toBe(false);
    expect(() => p.setDomainEdit(true)).toThrow(
      'This spreadsheet does not belong to a Google Workspace domain.',
    );
    expect(() => p.setDomainEdit(false)).toThrow('Google Workspace domain');
  });

  // setDomainEdit: "all users in the Google Workspace domain that owns the spreadsheet": the
  // file's domain decides, not the owner's e-mail address; an anonymous link editor is in none.
  it('lets the Workspace domain that owns the file edit, and nobody else', () => {
    const rt = new HostRuntime();
    const host = createSpreadsheetHost(rt, {
      getUi: () => null,
      owner: 'chanhvanphong@thidua.test',
      editors: ['canbo@ubnd.vn', 'khac@thidua.test', ANONYMOUS_USER],
      workspaceDomain: 'UBND.vn',
      ...VI_FILE,
    });
    const app = host.SpreadsheetApp as unknown as App;
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const p = as(rt, 'chanhvanphong@thidua.test', () => sheet.getRange('A1:C3').protect());
    as(rt, 'chanhvanphong@thidua.test', () => {
      p.removeEditors(p.getEditors());
      p.setDomainEdit(true);
    });
    expect(as(rt, 'chanhvanphong@thidua.test', () => p.canDomainEdit())).toBe(true);
    expect(as(rt, 'canbo@ubnd.vn', () => sheet.getRange('B2').canEdit())).toBe(true);
    expect(as(rt, 'khac@thidua.test', () => sheet.getRange('B2').canEdit())).toBe(false);
    expect(host.model.userEdit('canbo@ubnd.vn', 'B2', '1').accepted).toBe(true);
    expect(host.model.userEdit('khac@thidua.test', 'B2', '1').code).toBe('protected');
    expect(host.model.userEdit(ANONYMOUS_USER, 'B2', '1').code).toBe('protected');
    as(rt, 'chanhvanphong@thidua.test', () => p.setDomainEdit(false));
    expect(host.model.userEdit('canbo@ubnd.vn', 'B2', '2').code).toBe('protected');
  });

  // Range.protect: "Until the script actually changes the list of editors for the range ... the
  // permissions mirror those of the spreadsheet itself"; the reference example adds the current
  // user before removing the others, so the mirrored list holds the file's editors.
  it('mirrors the file’s editors, later ones included, until the list is changed', () => {
    const { sheet, ss, model, rt } = setup();
    const p = sheet.protect();
    expect(editorsOf(p)).toEqual([BADINH, HOANKIEM, OWNER].sort());
    ss.addEditor('dongda@thidua.test');
    expect(as(rt, 'dongda@thidua.test', () => p.canEdit())).toBe(true);
    expect(model.userEdit('dongda@thidua.test', "'Tự chấm'!A1", 'x').accepted).toBe(true);
    p.addEditor(BADINH);
    ss.addEditor('caugiay@thidua.test');
    expect(model.userEdit('caugiay@thidua.test', "'Tự chấm'!A1", 'y').code).toBe('protected');
  });

  // Range.protect: "If a cell is protected by multiple protected ranges and any of them prevent
  // a particular user from editing the cell, then that user is not permitted to edit the cell."
  it('lets a user edit a cell only when every protection covering it allows them', () => {
    const { sheet, model, rt } = setup();
    const wide = sheet.getRange('A1:D4').protect();
    wide.removeEditors(wide.getEditors());
    wide.addEditors([BADINH, HOANKIEM]);
    const narrow = sheet.getRange('C3:E5').protect();
    narrow.removeEditors(narrow.getEditors());
    narrow.addEditor(BADINH);
    expect(as(rt, HOANKIEM, () => sheet.getRange('A1:B2').canEdit())).toBe(true);
    expect(as(rt, HOANKIEM, () => sheet.getRange('C3').canEdit())).toBe(false);
    expect(as(rt, HOANKIEM, () => sheet.getRange('B2:C3').canEdit())).toBe(false);
    expect(as(rt, BADINH, () => sheet.getRange('A1:E5').canEdit())).toBe(true);
    expect(model.userEdit(HOANKIEM, "'Tự chấm'!D4", '1').code).toBe('protected');
    expect(model.userEdit(HOANKIEM, "'Tự chấm'!A1", '1').accepted).toBe(true);
    expect(() => as(rt, HOANKIEM, () => sheet.getRange('D4:E4').setValues([[1, 2]]))).toThrow(
      'protected cell',
    );
    expect(model.canEditArea(HOANKIEM, model.resolveA1("'Tự chấm'!E5")!)).toBe(false);
    expect(model.canEditArea(OWNER, model.resolveA1("'Tự chấm'!A1:E5")!)).toBe(true);
  });
});
