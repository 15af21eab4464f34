import {
  individualTitleLevel,
  planRegistrationFill,
} from '../../../src/core/registration/fillFromRegistration';
import type { AwardsReadout } from '../../../src/core/awards/readAwards';

const UNITS = [
  { code: 'HK', name: 'Hoàn Kiếm', fullName: 'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm' },
  { code: 'BD', name: 'Ba Đình', fullName: '' },
];
const EMPTY: Pick<AwardsReadout, 'value' | 'invalid'> = { value: [], invalid: [] };
const person = (unitCode: string, name: string, title: string, position = '') => ({
  unitCode,
  name,
  title,
  position,
});

describe('planRegistrationFill', () => {
  it('confers each title at its level', () => {
    expect(individualTitleLevel('Chiến sĩ thi đua toàn quốc')).toBe('state');
    expect(individualTitleLevel('Chiến sĩ thi đua thành phố')).toBe('ministryProvince');
    expect(individualTitleLevel('Chiến sỹ thi đua cơ sở')).toBe('base');
    expect(individualTitleLevel('Lao động tiên tiến')).toBe('base');
  });

  it('proposes each registered individual with a title once, by the unit’s document name', () => {
    const plan = planRegistrationFill({
      individuals: [
        person('HK', 'Phạm Thu Trang', 'Chiến sĩ thi đua cơ sở', 'Phó Chủ tịch'),
        person('HK', 'Chưa chọn', ''),
        person('BD', 'Nguyễn Văn An', 'Lao động tiên tiến'),
        person('BD', 'Nguyễn Văn An', 'Lao động tiên tiến'),
      ],
      units: UNITS,
      year: 2022,
      register: EMPTY,
    });
    expect(
      plan.records.map((r) => [r.name, r.unit, r.form, r.level, r.position, r.recipientType]),
    ).toEqual([
      [
        'Phạm Thu Trang',
        'Ủy ban MTTQ Việt Nam quận Hoàn Kiếm',
        'Chiến sĩ thi đua cơ sở',
        'base',
        'Phó Chủ tịch',
        'individual',
      ],
      ['Nguyễn Văn An', 'Ba Đình', 'Lao động tiên tiến', 'base', '', 'individual'],
    ]);
    expect(plan.records.every((r) => /^KT2022-/.test(r.key))).toBe(true);
    expect(plan.message).toContain('đã thêm 2 dòng cá nhân');
  });

  it('leaves out a row the register holds: same name and title, same unit or none; another unit is another person', () => {
    const row = (name: string, unit: string, year = 2022) => ({
      recipientType: 'individual' as const,
      name,
      unit,
      form: 'Lao động tiên tiến',
      year,
    });
    const plan = planRegistrationFill({
      individuals: [
        person('HK', 'Vũ Minh Đức', 'Lao động tiên tiến'),
        person('HK', 'Lê Thị Hoa', 'Lao động tiên tiến'),
        person('BD', 'Đỗ Minh', 'Lao động tiên tiến'),
        person('BD', 'Trần Văn Bình', 'Lao động tiên tiến'),
      ],
      units: UNITS,
      year: 2022,
      register: {
        value: [],
        invalid: [
          { ...row('vũ minh  đức', 'Hoàn Kiếm'), row: 2, key: '', status: '', messages: [] },
          { ...row('Lê Thị Hoa', 'Ba Đình'), row: 3, key: '', status: '', messages: [] },
          { ...row('Trần Văn Bình', '', 2021), row: 4, key: '', status: '', messages: [] },
        ],
      },
      adding: [row('Đỗ Minh', '')],
    });
    expect(plan.records.map((r) => r.name)).toEqual(['Lê Thị Hoa', 'Trần Văn Bình']);
    expect(plan.alreadyThere).toEqual([
      'Vũ Minh Đức (Lao động tiên tiến)',
      'Đỗ Minh (Lao động tiên tiến)',
    ]);
  });

  it('says nothing when nobody registered a title', () => {
    const plan = planRegistrationFill({
      individuals: [],
      units: UNITS,
      year: 2022,
      register: EMPTY,
    });
    expect(plan).toEqual({ records: [], alreadyThere: [], message: '' });
  });
});
