/**
 * The certificate templates merged with register rows (issue 11): issuer per row or level, the
 * salutation from data, no empty labels, non-breaking spaces, one template per form.
 */
import {
  CERTIFICATE_SCHEMA,
  DEFAULT_TEMPLATES,
  FLAG_CERTIFICATE_TEMPLATE,
  HONOR_CERTIFICATE_TEMPLATE,
  MERIT_CERTIFICATE_TEMPLATE,
  TITLE_CERTIFICATE_TEMPLATE,
} from '../../../src/core/documents/defaultTemplates';
import { CERTIFICATE_PAGE } from '../../../src/core/documents/certificateTemplates';
import { specToShape, type DocSpec } from '../../../src/core/documents/docSpec';
import {
  dryRun,
  parseDocShape,
  planMerge,
  shapeLines,
  simulateOps,
  type DocTemplate,
} from '../../../src/core/template';
import {
  certificateRecord,
  certificateTemplateKind,
  emailText,
  issuerDefaults,
  resolveIssuer,
} from '../../../src/core/certificates';
import type { AwardRow } from '../../../src/core/awards/readAwards';
import { NBSP } from '../../../src/core/format/vietnamese';
import { SETTING_ROWS } from '../../../src/core/layout/settings';

function parsed(spec: DocSpec): DocTemplate {
  const result = parseDocShape(specToShape(spec), spec.name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.template;
}

const DISTRICT = new Map([
  ['issuingBody', 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN'],
  ['place', 'Thanh Xuân'],
  ['ownAwardLevel', 'Cơ sở'],
  ['signerTitle', 'Chủ tịch'],
  ['signerName', 'Võ Đăng Dũng'],
  ['provinceIssuer', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'],
  ['provincePlace', 'Hà Nội'],
]);

function row(overrides: Partial<AwardRow> = {}): AwardRow {
  return {
    recipientType: 'individual',
    name: 'Nguyễn Thị Lan',
    salutation: 'Bà',
    position: 'Giáo viên',
    unit: 'Trường THCS Nhân Chính',
    form: 'Giấy khen',
    level: 'base',
    achievement:
      'Đã có thành tích xuất sắc trong phong trào thi đua năm 2022 (xếp hạng 1/6, xếp loại Xuất sắc).',
    decisionNumber: '635/QĐ-UBND',
    decisionDate: { year: 2023, month: 1, day: 5 },
    issuingBody: '',
    place: '',
    signerTitle: '',
    signerName: '',
    registerNumber: '',
    email: '',
    year: 2022,
    row: 2,
    key: 'KT2022-x',
    keyStored: false,
    status: '',
    link: '',
    error: '',
    ...overrides,
  };
}

/** The merged certificate: lines of the text cell, then the decision/signature table's line. */
function printed(spec: DocSpec, r: AwardRow, texts = DISTRICT): { text: string[]; foot: string } {
  const template = parsed(spec);
  const plan = planMerge(template, certificateRecord(r, issuerDefaults(texts)));
  expect(plan.issues.filter((i) => i.code !== 'missing-field')).toEqual([]);
  const lines = shapeLines(simulateOps(template.shape, plan.ops).blocks);
  return { text: lines[0]?.split(' / ') ?? [], foot: lines.filter((l) => l !== '')[1] ?? '' };
}

const plain = (s: string): string => s.split(NBSP).join(' ');

describe('certificate templates', () => {
  it.each(DEFAULT_TEMPLATES.filter((t) => t.kind.endsWith('Certificate')).map((t) => [t.label, t]))(
    '%s parses, uses only known fields, landscape with equal side margins',
    (_label, t) => {
      expect(dryRun(parsed(t.spec), [], CERTIFICATE_SCHEMA).problems).toEqual([]);
      expect(t.spec.page).toBe(CERTIFICATE_PAGE);
      expect(CERTIFICATE_PAGE.width).toBeGreaterThan(CERTIFICATE_PAGE.height);
      expect(CERTIFICATE_PAGE.marginLeft).toBe(CERTIFICATE_PAGE.marginRight);
      const setting = SETTING_ROWS.find((s) => s.key === t.settingKey);
      expect(setting?.label).toBe(t.label);
    },
  );

  it('a district Giấy khen: the district as issuer and place, its chairman, the salutation from the row', () => {
    const { text, foot } = printed(MERIT_CERTIFICATE_TEMPLATE, row());
    expect(text.slice(2, 6).map(plain)).toEqual([
      'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN',
      'TẶNG',
      'GIẤY KHEN',
      'Bà Nguyễn Thị Lan',
    ]);
    expect(text.join(' ')).not.toContain('Ông/Bà');
    expect(plain(foot)).toBe(
      // The cell's last paragraph (the closing {{/if}}) stays, empty: Docs keeps one per cell.
      'Quyết định số 635/QĐ-UBND ngày 05 tháng 01 năm 2023 /  | Thanh Xuân, ngày 05 tháng 01 năm 2023 / CHỦ TỊCH /  / Võ Đăng Dũng',
    );
  });

  it('holds together what must not break, and drops an empty register number with its label', () => {
    const { text, foot } = printed(MERIT_CERTIFICATE_TEMPLATE, row());
    expect(foot).toContain(
      `Quyết${NBSP}định số${NBSP}635/QĐ-UBND ngày${NBSP}05${NBSP}tháng${NBSP}01${NBSP}năm${NBSP}2023`,
    );
    expect(foot).not.toContain('Số sổ vàng');
    expect(text.at(-1)).toContain(`xếp${NBSP}loại Xuất${NBSP}sắc`);
    expect(text.at(-1)).toContain(`năm${NBSP}2022`);
    expect(text[5]).toBe(`Bà${NBSP}Nguyễn Thị Lan`);
    const numbered = printed(MERIT_CERTIFICATE_TEMPLATE, row({ registerNumber: '2022/0153' }));
    expect(plain(numbered.foot)).toContain('2023 / Số sổ vàng: 2022/0153 /  |');
  });

  it('no salutation for a blank one, none for a collective, the full name as typed', () => {
    expect(printed(MERIT_CERTIFICATE_TEMPLATE, row({ salutation: '' })).text[5]).toBe(
      'Nguyễn Thị Lan',
    );
    const collective = printed(
      HONOR_CERTIFICATE_TEMPLATE,
      row({
        recipientType: 'collective',
        salutation: 'Ông',
        name: 'Ủy ban nhân dân phường Nhân Chính',
        position: '',
        unit: '',
        level: 'ministryProvince',
        form: 'Bằng khen',
      }),
    );
    expect(collective.text.slice(2, 6)).toEqual([
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'TẶNG',
      'BẰNG KHEN',
      'Ủy ban nhân dân phường Nhân Chính',
    ]);
    // No position, no unit: two empty lines as tall keep the page as full as a person's.
    expect(collective.text.slice(6, 8)).toEqual(['', '']);
    // A city award is not signed by the district's chairman by default.
    expect(plain(collective.foot)).toContain('| Hà Nội, ngày 05 tháng 01 năm 2023 /  /  / ');
  });

  it("a Prime Minister's Bằng khen defaults to THỦ TƯỚNG CHÍNH PHỦ in Hà Nội; a row's own cells win", () => {
    const state = printed(HONOR_CERTIFICATE_TEMPLATE, row({ level: 'state', form: 'Bằng khen' }));
    expect(state.text[2]).toBe('THỦ TƯỚNG CHÍNH PHỦ');
    expect(plain(state.foot)).toContain('| Hà Nội, ngày 05 tháng 01 năm 2023');
    const own = printed(
      HONOR_CERTIFICATE_TEMPLATE,
      row({
        level: 'state',
        issuingBody: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
        signerTitle: 'Chủ tịch nước',
        signerName: 'Nguyễn Xuân Phúc',
      }),
    );
    expect(own.text[2]).toBe('CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(own.foot).toMatch(/CHỦ TỊCH NƯỚC \/ {2}\/ Nguyễn Xuân Phúc$/);
  });

  it('Cờ thi đua and the emulation titles have their own forms', () => {
    const flag = printed(
      FLAG_CERTIFICATE_TEMPLATE,
      row({
        recipientType: 'collective',
        name: 'Quận Ba Đình',
        form: 'Cờ thi đua',
        position: '',
        unit: '',
      }),
    );
    expect(flag.text.slice(3, 5)).toEqual(['TẶNG', 'CỜ THI ĐUA']);
    const title = printed(
      TITLE_CERTIFICATE_TEMPLATE,
      row({ salutation: 'Ông', name: 'Trần Văn Hùng', form: 'Chiến sĩ thi đua cơ sở' }),
    );
    expect(title.text.map(plain)).toEqual(
      expect.arrayContaining([
        'GIẤY CHỨNG NHẬN',
        'Ông Trần Văn Hùng',
        'Đạt danh hiệu “Chiến sĩ thi đua cơ sở”',
      ]),
    );
  });
});

describe('certificateTemplateKind', () => {
  it.each([
    ['Giấy khen', 'meritCertificate'],
    ['Bằng khen của Thủ tướng Chính phủ', 'honorCertificate'],
    ['Bằng khen', 'honorCertificate'],
    ['Cờ thi đua', 'flagCertificate'],
    ['Cờ thi đua của UBND Thành phố', 'flagCertificate'],
    ['Chiến sĩ thi đua cơ sở', 'titleCertificate'],
    ['Chiến sĩ thi đua thành phố', 'titleCertificate'],
    ['Lao động tiên tiến', 'titleCertificate'],
    ['Tập thể lao động xuất sắc', 'titleCertificate'],
    ['Tập thể lao động tiên tiến', 'titleCertificate'],
    ['Huân chương Lao động hạng Ba', null],
    ['Huy hiệu', null],
  ])('%s → %s', (form, kind) => {
    expect(certificateTemplateKind(form)).toBe(kind);
  });
});

describe('resolveIssuer', () => {
  const defaults = issuerDefaults(DISTRICT);
  it('leaves a level Cấu hình names nobody for blank, so the row is refused, not misprinted', () => {
    const none = issuerDefaults(new Map([['issuingBody', 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN']]));
    expect(resolveIssuer(row({ level: 'ministryProvince' }), none).issuingBody).toBe('');
    expect(resolveIssuer(row({ level: 'base' }), none).issuingBody).toBe(
      'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN',
    );
  });
  it("gives the default signer only to the workbook's own body", () => {
    expect(resolveIssuer(row(), defaults).signerName).toBe('Võ Đăng Dũng');
    expect(resolveIssuer(row({ issuingBody: 'Ủy ban MTTQ quận' }), defaults).signerName).toBe('');
    expect(resolveIssuer(row({ signerName: 'Lê Văn A' }), defaults).signerName).toBe('Lê Văn A');
  });
  it('e-mails with the salutation when known, none otherwise', () => {
    expect(emailText(row(), 'UBND').body).toMatch(/^Kính gửi Bà Nguyễn Thị Lan,/);
    expect(emailText(row({ salutation: '' }), 'UBND').body).toMatch(/^Kính gửi Nguyễn Thị Lan,/);
  });
});
