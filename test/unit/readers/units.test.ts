import { readUnits } from '../../../src/core/readers/units';
import { unitDocumentName } from '../../../src/core/model/unit';
import { UNITS_HEADER, unitsGrid } from './sampleCluster';

const nfd = (s: string): string => s.normalize('NFD');
const codes = (f: { code: string; cell: string }[]): string[] =>
  f.map((x) => `${x.code}@${x.cell}`);

describe('readUnits', () => {
  it('reads the six units of Cụm thi đua số 1 with roles, blank role as member', () => {
    const { value, findings } = readUnits(unitsGrid());
    expect(findings).toEqual([]);
    expect(value.map((u) => u.name)).toEqual([
      'Ba Đình',
      'Hoàng Mai',
      'Hoàn Kiếm',
      'Đống Đa',
      'Hai Bà Trưng',
      'Long Biên',
    ]);
    expect(value.map((u) => u.role)).toEqual([
      'head',
      'deputy',
      'member',
      'member',
      'member',
      'member',
    ]);
    expect(value[0]).toEqual({
      code: 'BD',
      name: 'Ba Đình',
      type: 'Quận',
      role: 'head',
      headName: 'Nguyễn Văn An',
      headTitle: 'Chủ tịch',
      email: 'mttq.badinh@hanoi.gov.vn',
      registeredTitle: 'Cờ thi đua',
      fullName: '',
    });
  });

  it('reads the full name documents print, and falls back to the short name when it is blank', () => {
    const grid = unitsGrid();
    // An older workbook without the optional column reads as before; set-up appends it.
    expect(readUnits(grid).value[0]?.fullName).toBe('');
    (grid[0] as string[]).push('Tên đầy đủ');
    (grid[1] as string[]).push('Ủy ban MTTQ Việt Nam quận Ba Đình');
    const { value } = readUnits(grid);
    expect(value.map(unitDocumentName).slice(0, 2)).toEqual([
      'Ủy ban MTTQ Việt Nam quận Ba Đình',
      'Hoàng Mai',
    ]);
  });

  it('normalises NFD text and stray spaces, and matches NFD headers and roles', () => {
    const grid = unitsGrid();
    grid[0] = UNITS_HEADER.map((h) => `  ${nfd(h).toUpperCase()} `);
    grid[4] = ['\u00a0DD ', nfd('  Đống   Đa '), 'Quận', nfd('cụm phó'), '', '', '', ''];
    const { value, findings } = readUnits(grid);
    expect(findings).toEqual([]);
    const dd = value.find((u) => u.code === 'DD');
    expect(dd?.name).toBe('Đống Đa');
    expect(dd?.name).toBe('Đống Đa'.normalize('NFC'));
    expect(dd?.role).toBe('deputy');
  });

  it('finds reordered columns by header and skips blank rows', () => {
    const grid = unitsGrid().map((row) => [row[6], row[1], row[0], row[3]]);
    grid.splice(3, 0, ['', '  ', '', '']);
    const { value, findings } = readUnits(grid);
    expect(findings).toEqual([]);
    expect(value).toHaveLength(6);
    expect(value[1]).toMatchObject({
      code: 'HM',
      name: 'Hoàng Mai',
      email: 'mttq.hoangmai@hanoi.gov.vn',
      role: 'deputy',
    });
  });

  it('reports a renamed header as a warning and still reads the column at its place', () => {
    const grid = unitsGrid();
    (grid[0] as unknown[])[1] = 'Tên gọi';
    const { value, findings } = readUnits(grid);
    expect(codes(findings)).toEqual(['header-renamed@B1']);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.message).toBe(
      'Trang "Đơn vị", ô B1: tiêu đề "Tên gọi" đã bị sửa; tiêu đề đúng là "Tên đơn vị".',
    );
    expect(value[0]?.name).toBe('Ba Đình');
  });

  it('reports a missing required header and reads no unit without it', () => {
    const grid = unitsGrid().map((row) => [row[0], row[2]]);
    const { value, findings } = readUnits(grid);
    expect(codes(findings)).toEqual(['header-missing@B1']);
    expect(findings[0]?.message).toContain('thiếu cột "Tên đơn vị"');
    expect(value).toEqual([]);
  });

  it('reports duplicate codes (without case) and keeps the first unit only', () => {
    const grid = unitsGrid();
    grid.push(['bd', 'Ba Đình mới', '', '', '', '', '', '']);
    const { value, findings } = readUnits(grid);
    // Both rows involved are reported (issue 10, Build 3), each naming the other.
    expect(codes(findings)).toEqual(['duplicate-code@A8', 'duplicate-code@A2']);
    expect(findings[0]?.message).toBe('Trang "Đơn vị", ô A8: mã "bd" bị trùng với ô A2.');
    expect(findings[1]?.message).toBe('Trang "Đơn vị", ô A2: mã "BD" bị trùng với ô A8.');
    expect(value.filter((u) => u.code.toLowerCase() === 'bd')).toHaveLength(1);
  });

  it('reports a bad e-mail, a bad role and a missing name, each at its cell', () => {
    const grid = unitsGrid();
    (grid[3] as unknown[])[6] = 'hoankiem@';
    (grid[5] as unknown[])[3] = 'Trưởng cụm';
    (grid[6] as unknown[])[1] = '';
    const { value, findings } = readUnits(grid);
    expect(codes(findings)).toEqual([
      'invalid-email@G4',
      'invalid-value@D6',
      'required-missing@B7',
    ]);
    expect(value.find((u) => u.code === 'HK')?.email).toBe('');
    expect(value.find((u) => u.code === 'HBT')?.role).toBe('member');
    expect(value.find((u) => u.code === 'LB')).toBeUndefined();
  });

  it('finds the header row below an inserted title row and names cells by their real rows', () => {
    const grid = [['DANH SÁCH ĐƠN VỊ CỤM THI ĐUA SỐ 1'], ...unitsGrid()];
    (grid[3] as unknown[])[6] = 'sai email';
    const { value, findings } = readUnits(grid);
    expect(value).toHaveLength(6);
    expect(codes(findings)).toEqual(['invalid-email@G4']);
  });
});
