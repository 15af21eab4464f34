import { UNIT_PLEDGE_SCHEMA, unitPledgeRecords } from '../../../src/core/documents/pledgeData';
import { parseTemplate } from '../../../src/core/template/syntax';
import { renderText } from '../../../src/core/template/render';
import type { Unit } from '../../../src/core/model/unit';

const unit = (code: string, role: Unit['role']): Unit => ({
  code,
  name: code,
  type: 'Quận',
  role,
  headName: '',
  headTitle: '',
  email: '',
  registeredTitle: '',
  fullName: '',
});

describe("a unit's pledge lists the people it registered", () => {
  it('gives each unit’s record its own registered individuals as {{#ca_nhan}} items', () => {
    const records = unitPledgeRecords(
      { nam: 2022 },
      [unit('HK', 'member'), unit('BD', 'head')],
      [
        {
          unitCode: 'HK',
          name: 'Phạm Thu Trang',
          position: 'Phó Chủ tịch',
          title: 'Chiến sĩ thi đua cơ sở',
        },
        { unitCode: 'BD', name: 'Nguyễn Văn An', position: '', title: 'Lao động tiên tiến' },
        { unitCode: 'HK', name: 'Vũ Minh Đức', position: '', title: '' },
      ],
    );
    const parsed = parseTemplate(
      '{{#ca_nhan}}{{@index}}. {{ho_ten}} ({{chuc_vu}}): {{danh_hieu}}; {{/ca_nhan}}',
    );
    if (!parsed.ok) throw new Error('template');
    const text = (code: string): string =>
      renderText(parsed.template, records.find((r) => r.unit.code === code)?.record ?? {}).text;
    expect(text('HK')).toBe(
      '1. Phạm Thu Trang (Phó Chủ tịch): Chiến sĩ thi đua cơ sở; 2. Vũ Minh Đức (): ; ',
    );
    expect(text('BD')).toBe('1. Nguyễn Văn An (): Lao động tiên tiến; ');
    expect(Object.keys(UNIT_PLEDGE_SCHEMA.ca_nhan?.fields ?? {})).toEqual([
      'ho_ten',
      'chuc_vu',
      'danh_hieu',
    ]);
  });
});
