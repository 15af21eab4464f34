import { signerTitle, unitLongName } from '../../../src/core/documents/signerTitle';

const unit = (
  headTitle: string,
  name: string,
  fullName = '',
  type = '',
): Parameters<typeof signerTitle>[0] => ({ headTitle, name, fullName, type });

describe('signerTitle: the head title joined with the unit name, never repeating words', () => {
  it('writes the words the title and the full name share once', () => {
    expect(
      signerTitle(
        unit(
          'Chủ tịch Ủy ban MTTQ Việt Nam quận',
          'Ba Đình',
          'Ủy ban MTTQ Việt Nam quận Ba Đình',
          'Quận',
        ),
      ),
    ).toBe('Chủ tịch Ủy ban MTTQ Việt Nam quận Ba Đình');
    // Case and tone placement do not matter when comparing.
    expect(
      signerTitle(unit('Chủ tịch UỶ BAN nhân dân xã', 'An Khánh', 'Ủy ban nhân dân xã An Khánh')),
    ).toBe('Chủ tịch Ủy ban nhân dân xã An Khánh');
  });

  it('keeps a title that already names the unit', () => {
    expect(signerTitle(unit('Chủ tịch UBND quận Ba Đình', 'Ba Đình', '', 'Quận'))).toBe(
      'Chủ tịch UBND quận Ba Đình',
    );
  });

  it('adds the short name to a title ending with the unit type', () => {
    expect(
      signerTitle(
        unit('Chủ tịch UBND quận', 'Hoàng Mai', 'Ủy ban nhân dân quận Hoàng Mai', 'Quận'),
      ),
    ).toBe('Chủ tịch UBND quận Hoàng Mai');
  });

  it('joins a bare title with the full name, or type and name without one', () => {
    expect(signerTitle(unit('Giám đốc', 'Tư pháp', 'Sở Tư pháp', 'Sở'))).toBe(
      'Giám đốc Sở Tư pháp',
    );
    expect(signerTitle(unit('Chủ tịch', 'Long Biên', '', 'Quận'))).toBe('Chủ tịch Quận Long Biên');
    expect(signerTitle(unit('', 'Long Biên', '', 'Quận'))).toBe('Quận Long Biên');
  });

  it('names a unit by its full name, else by type and name', () => {
    expect(
      unitLongName({
        name: 'Ba Đình',
        fullName: 'Ủy ban MTTQ Việt Nam quận Ba Đình',
        type: 'Quận',
      }),
    ).toBe('Ủy ban MTTQ Việt Nam quận Ba Đình');
    expect(unitLongName({ name: 'Ba Đình', fullName: '', type: 'Quận' })).toBe('Quận Ba Đình');
    expect(unitLongName({ name: 'Ba Đình', fullName: ' ', type: '' })).toBe('Ba Đình');
  });
});
