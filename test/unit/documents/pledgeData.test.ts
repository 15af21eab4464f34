import { SHEET_NAMES } from '../../../src/core/layout/sheets';
import { CRITERIA_LAYOUT, UNITS_LAYOUT } from '../../../src/core/layout/tables';
import { headerValues } from '../../../src/core/layout/columns';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import {
  JOINT_PLEDGE_SCHEMA,
  UNIT_PLEDGE_SCHEMA,
  driveIdOf,
  preparePledge,
  problemsMessage,
  unitRecord,
} from '../../../src/core/documents/pledgeData';
import {
  DEFAULT_TEMPLATES,
  JOINT_PLEDGE_TEMPLATE,
  UNIT_PLEDGE_TEMPLATE,
} from '../../../src/core/documents/defaultTemplates';
import {
  A4,
  DECREE30_MARGINS,
  blockEdits,
  editBatches,
  mm,
  specToShape,
  type DocSpec,
} from '../../../src/core/documents/docSpec';
import {
  dryRun,
  parseDocShape,
  planMerge,
  shapeLines,
  simulateOps,
  type DocTemplate,
  type TemplateRecord,
  type TemplateSchema,
} from '../../../src/core/template';
import { SAMPLE_CRITERIA_ROWS, SAMPLE_SETTINGS, SAMPLE_UNIT_ROWS } from '../../../sample/cluster1';

/** Cấu hình's signing date of the sample (seed 002: signed on 22/02/2022). */
const SIGNED = { year: 2022, month: 2, day: 22 };

function grids(
  options: {
    settings?: Parameters<typeof ClusterSettingsSchema.parse>[0];
    units?: readonly (readonly unknown[])[];
    criteria?: readonly (readonly unknown[])[];
  } = {},
): Parameters<typeof preparePledge>[0] {
  return {
    [SHEET_NAMES.settings]: settingsGrid(
      ClusterSettingsSchema.parse(options.settings ?? SAMPLE_SETTINGS),
    ),
    [SHEET_NAMES.units]: [headerValues(UNITS_LAYOUT), ...(options.units ?? SAMPLE_UNIT_ROWS)],
    [SHEET_NAMES.criteria]: [
      headerValues(CRITERIA_LAYOUT),
      ...(options.criteria ?? SAMPLE_CRITERIA_ROWS),
    ],
  };
}

function parsed(spec: DocSpec): DocTemplate {
  const result = parseDocShape(specToShape(spec), spec.name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.template;
}

function merged(spec: DocSpec, data: TemplateRecord): string[] {
  const template = parsed(spec);
  const plan = planMerge(template, data);
  expect(plan.issues.filter((i) => i.code !== 'missing-field')).toEqual([]);
  return shapeLines(simulateOps(template.shape, plan.ops).blocks);
}

describe('pledge data from the sample cluster', () => {
  const prep = preparePledge(grids());

  it('has no problem and the cluster, units in signing order and criteria in group order', () => {
    expect(prep.problems).toEqual([]);
    const joint = prep.joint as TemplateRecord;
    expect(joint.ten_cum).toBe('Cụm thi đua số 1');
    expect(joint.nam).toBe(2022);
    expect(joint.ngay_ky).toEqual(SIGNED);
    expect(joint.so_ky_hieu).toBe('01/GƯTĐ-CTĐ1');
    expect(joint.ngay_ke_hoach).toEqual({ year: 2022, month: 1, day: 18 });
    const members = joint.thanh_vien as TemplateRecord[];
    expect(members.map((m) => m.vai_tro)).toEqual([
      'Cụm trưởng',
      'Cụm phó',
      'Thành viên',
      'Thành viên',
      'Thành viên',
      'Thành viên',
    ]);
    expect(members[0]).toMatchObject({
      ten_day_du: 'Ủy ban MTTQ Việt Nam quận Ba Đình',
      chuc_danh_ky: 'Chủ tịch Ủy ban MTTQ Việt Nam quận Ba Đình',
      ho_ten: 'Nguyễn Văn An',
    });
    const table = joint.bang_tieu_chi as TemplateRecord[];
    expect(table.map((r) => r.ma)).toEqual([
      'I',
      '1',
      '2',
      '3',
      '4',
      'II',
      '5',
      '6',
      '7',
      '8',
      'III',
      'T1',
      'T2',
    ]);
    expect((joint.tieu_chi as TemplateRecord[]).length).toBe(10);
    // Bonus and penalty are in the table but not in the 100-point scale.
    expect(joint.tong_diem).toBe(100);
    expect(table.find((r) => r.ma === 'T2')).toMatchObject({ la_tru: true, diem_toi_da: 5 });
    expect(prep.perUnit).toEqual([]);
  });

  it('makes one record per unit when Cấu hình asks for per-unit pledges', () => {
    const withUnits = preparePledge(grids({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } }));
    expect(withUnits.perUnit.map((u) => u.unit.code)).toEqual([
      'BD',
      'HM',
      'HK',
      'DD',
      'HBT',
      'LB',
    ]);
    expect(withUnits.perUnit[2]?.record.don_vi).toMatchObject({ ten: 'Hoàn Kiếm' });
  });

  it('names the sheet and cell of every missing head, title, issuing body, criteria', () => {
    const units = SAMPLE_UNIT_ROWS.map((r) => [...r]);
    (units[2] as string[])[4] = '';
    (units[4] as string[])[5] = ' ';
    const bad = preparePledge(
      grids({ settings: { ...SAMPLE_SETTINGS, issuingBody: '' }, units, criteria: [] }),
    );
    const messages = bad.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Trang "Cấu hình", ô B\d+: chưa nhập "Cơ quan ban hành văn bản"/),
        'Trang "Đơn vị", ô E4: chưa nhập họ tên thủ trưởng của đơn vị "Hoàn Kiếm" (ký bản giao ước).',
        'Trang "Đơn vị", ô F6: chưa nhập chức vụ thủ trưởng của đơn vị "Hai Bà Trưng" (ký bản giao ước).',
        expect.stringMatching(/^Trang "Tiêu chí", ô A2: chưa nhập các tiêu chí thi đua/),
      ]),
    );
    expect(bad.problems).toHaveLength(4);
    const text = problemsMessage('Tạo bản giao ước', messages);
    expect(text).toContain('chưa tạo văn bản nào vì còn 4 vấn đề');
  });

  it('requires a cluster head and refuses per-unit pledges for very large clusters', () => {
    const units = SAMPLE_UNIT_ROWS.map((r) => r.map((v, i) => (i === 3 ? 'Thành viên' : v)));
    const bad = preparePledge(grids({ units }));
    expect(bad.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Trang "Đơn vị", ô D1: chưa nhập đơn vị giữ vai trò "Cụm trưởng"/),
    ]);
    const many = Array.from({ length: 21 }, (_, i) => [
      `U${String(i)}`,
      `Đơn vị ${String(i)}`,
      'Xã',
      i === 0 ? 'Cụm trưởng' : 'Thành viên',
      'Họ Tên',
      'Chủ tịch',
    ]);
    const big = preparePledge(
      grids({ units: many, settings: { ...SAMPLE_SETTINGS, unitPledges: true } }),
    );
    // Any size: the job runner spreads the unit pledges over executions.
    expect(big.problems).toEqual([]);
    expect(big.perUnit).toHaveLength(21);
  });

  it('names a unit by its full name, else by its type and name', () => {
    const unit = {
      code: 'BD',
      name: 'Ba Đình',
      type: 'Quận',
      role: 'member' as const,
      headName: '',
      headTitle: '',
      email: '',
      registeredTitle: '',
      fullName: 'Ủy ban MTTQ Việt Nam quận Ba Đình',
    };
    expect(unitRecord(unit).ten_day_du).toBe('Ủy ban MTTQ Việt Nam quận Ba Đình');
    expect(unitRecord({ ...unit, fullName: ' ' }).ten_day_du).toBe('Quận Ba Đình');
    expect(unitRecord({ ...unit, fullName: '', type: '' }).ten_day_du).toBe('Ba Đình');
  });

  it('reads Drive ids from ids and links', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    expect(driveIdOf('')).toBe('');
    expect(driveIdOf(` ${id} `)).toBe(id);
    expect(driveIdOf(`https://docs.google.com/document/d/${id}/edit?usp=drivesdk`)).toBe(id);
    expect(driveIdOf(`https://drive.google.com/drive/folders/${id}`)).toBe(id);
    expect(driveIdOf(`https://drive.google.com/open?id=${id}`)).toBe(id);
    expect(driveIdOf('thư mục của tôi')).toBeNull();
  });
});

describe('default templates (Decree 30/2020)', () => {
  const prep = preparePledge(grids({ settings: { ...SAMPLE_SETTINGS, unitPledges: true } }));
  const joint = prep.joint as TemplateRecord;

  it('use A4 with the decree margins, landscape for certificates', () => {
    expect(mm(20)).toBeCloseTo(56.69, 2);
    for (const t of [JOINT_PLEDGE_TEMPLATE, UNIT_PLEDGE_TEMPLATE]) {
      expect(t.page).toMatchObject({ width: A4.width, height: A4.height });
      expect(t.page.marginLeft).toBe(DECREE30_MARGINS.left);
    }
    for (const t of DEFAULT_TEMPLATES.filter((d) => d.kind.endsWith('Certificate'))) {
      expect(t.spec.page).toMatchObject({ width: A4.height, height: A4.width });
    }
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.spec.name)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it.each([
    ['joint pledge', JOINT_PLEDGE_TEMPLATE, JOINT_PLEDGE_SCHEMA],
    ['unit pledge', UNIT_PLEDGE_TEMPLATE, UNIT_PLEDGE_SCHEMA],
  ] as const)('%s parses and uses only known fields', (_name, spec, schema: TemplateSchema) => {
    const report = dryRun(parsed(spec), [], schema);
    expect(report.problems).toEqual([]);
  });

  it('merges the joint pledge: one row per criterion and per member, nothing left in braces', () => {
    const lines = merged(JOINT_PLEDGE_TEMPLATE, joint);
    const text = lines.join('\n');
    expect(text).not.toContain('{{');
    expect(text).not.toContain('}}');
    expect(text).toBe(text.normalize('NFC'));
    expect(lines).toContain(
      'ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI / CỤM THI ĐUA SỐ 1 /  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc',
    );
    expect(lines).toContain('Số: 01/GƯTĐ-CTĐ1 | Hà Nội, ngày 22 tháng 02 năm 2022');
    expect(lines).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2022');
    expect(text).toContain(
      'Căn cứ Kế hoạch số 15/KH-MTTQ-BTT ngày 18/01/2022 về tổ chức phong trào thi đua năm 2022;',
    );
    expect(lines).toContain('1 | Ủy ban MTTQ Việt Nam quận Ba Đình | Cụm trưởng | Cờ thi đua');
    expect(lines).toContain(
      '6 | Ủy ban MTTQ Việt Nam quận Long Biên | Thành viên | Tập thể lao động xuất sắc',
    );
    expect(lines).toContain('I | Thực hiện nhiệm vụ chính trị | 60');
    expect(lines).toContain('T1 | Có mô hình, cách làm mới được Thành phố biểu dương | +5');
    expect(lines).toContain('T2 | Gửi báo cáo chậm so với quy định | −5');
    expect(lines).toContain('III | Điểm thưởng, điểm trừ | ');
    expect(lines).toContain(' | Tổng cộng | 100');
    // Two blocks a row, head first: title with the unit's name, four lines to sign, the name.
    const signatures = lines.filter((l) => l.includes('CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN'));
    expect(signatures).toHaveLength(3);
    expect(signatures[0]).toBe(
      'CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN BA ĐÌNH /  /  /  /  / Nguyễn Văn An /  | CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN HOÀNG MAI /  /  /  /  / Trần Thị Bình / ',
    );
    expect(text).toContain(
      'ĐẠI DIỆN ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI CHỨNG KIẾN / PHÓ CHỦ TỊCH THƯỜNG TRỰC',
    );
  });

  it('drops the plan basis when no plan number is set', () => {
    const noPlan = preparePledge(
      grids({ settings: { ...SAMPLE_SETTINGS, planNumber: '', planDate: undefined } }),
    );
    const text = merged(JOINT_PLEDGE_TEMPLATE, noPlan.joint as TemplateRecord).join('\n');
    expect(text).not.toContain('Kế hoạch số');
    const lines = text.split('\n');
    const bases = lines.findIndex((l) => l.startsWith('Căn cứ Nghị định số 91/2017'));
    expect(
      lines[bases - 1]?.startsWith('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003'),
    ).toBe(true);
    expect(lines[bases + 1]).toBe('Căn cứ Quy chế hoạt động của Cụm thi đua số 1,');
  });

  it('merges a unit pledge', () => {
    const unit = prep.perUnit[3]?.record as TemplateRecord;
    const lines = merged(UNIT_PLEDGE_TEMPLATE, unit);
    expect(lines).toContain('của Ủy ban MTTQ Việt Nam quận Đống Đa');
    expect(lines).toContain(
      'Nơi nhận: / - Cụm thi đua số 1 (Cụm trưởng); / - Lưu: VT. | CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM QUẬN ĐỐNG ĐA /  /  /  /  / Phạm Thị Dung',
    );
    expect(lines).toContain('Tập thể lao động xuất sắc');
    expect(lines.join('\n')).not.toContain('{{');
    // The certificates' merge is tested in certificateTemplates.test.ts.
  });

  it('builds within bounded edit batches', () => {
    for (const t of DEFAULT_TEMPLATES) {
      for (const batch of editBatches(t.spec.blocks, 120)) {
        const edits = batch.reduce((s, b) => s + blockEdits(b), 0);
        expect(batch.length === 1 || edits <= 120).toBe(true);
      }
    }
  });
});
