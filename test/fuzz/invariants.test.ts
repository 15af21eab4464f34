/**
 * The campaign's own checks can fail: the oracle reproduces the sample's hand-computed ranking
 * (sample/cluster1.ts), the message check tells English from Vietnamese, and a typed value the
 * product rewrote is reported.
 */
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { CONSUMER } from '../e2e/roleWorkbook';
import { newHost, seedSampleWorkbook } from '../e2e/workbookFixture';
import { checkTyped, emptyCoverage, englishIn } from './invariants';
import { oracleRanking } from './oracle';
import { World } from './world';

const CROSS_HEADER = [
  ['Đơn vị chấm', 'Đơn vị được chấm', 'Mã tiêu chí', 'Điểm', 'Chỉ tiêu', 'Thực hiện'],
];
const UNITS = ['BD', 'HM', 'HK', 'DD', 'HBT', 'LB'];

function sampleInputs(cross: unknown[][] = CROSS_HEADER) {
  const host = newHost();
  seedSampleWorkbook(host);
  return {
    self: host.spreadsheet.valuesAt(`'${SHEET_NAMES.selfScores}'!A1:P20`),
    verified: host.spreadsheet.valuesAt(`'${SHEET_NAMES.verifiedScores}'!A1:P20`),
    cross,
  };
}

describe('the fuzz campaign checks', () => {
  it("the oracle gives the sample's hand-computed totals, ranks, classes and proposals", () => {
    const answer = oracleRanking(sampleInputs(), UNITS);
    if (!answer.judged) throw new Error(answer.why);
    const rows = Object.fromEntries(answer.rows.map((r) => [r.unit, r]));
    expect(Object.fromEntries(answer.rows.map((r) => [r.unit, r.total / 100]))).toEqual({
      BD: 101.5,
      HM: 93,
      HK: 97.5,
      DD: 84.5,
      HBT: 93,
      LB: 65,
    });
    expect(answer.rows.map((r) => [r.unit, r.rank, r.classification, r.proposal])).toEqual([
      ['BD', 1, 'Xuất sắc', 'Cờ thi đua'],
      ['HM', 3, 'Tốt', ''],
      ['HK', 2, 'Xuất sắc', 'Bằng khen'],
      ['DD', 5, 'Khá', ''],
      ['HBT', 3, 'Tốt', ''],
      ['LB', 6, 'Trung bình', ''],
    ]);
    expect(rows.LB?.penalty).toBe(200);
  });

  it('the oracle takes a cross-score mean per cell and abstains on a word in a score cell', () => {
    // Three scorers give Long Biên's criterion 1: 10, 11, 12 → 11 instead of its own 17.
    const cross = [
      ...CROSS_HEADER,
      ['BD', 'LB', '1', 10, '', ''],
      ['HM', 'LB', '1', 11, '', ''],
      ['HK', 'LB', '1', 12, '', ''],
    ];
    const answer = oracleRanking(sampleInputs(cross), UNITS);
    if (!answer.judged) throw new Error(answer.why);
    expect(answer.rows.find((r) => r.unit === 'LB')?.total).toBe(5900);
    const word = sampleInputs();
    (word.self[4] as unknown[])[2] = 'mười chín';
    expect(oracleRanking(word, UNITS).judged).toBe(false);
  });

  it('tells English from Vietnamese, whatever user text a message quotes', () => {
    expect(
      englishIn('Your input contains more than the maximum of 50000 characters'),
    ).not.toBeNull();
    expect(
      englishIn('«Tính xếp hạng» không hoàn thành: TypeError: x is not a function'),
    ).not.toBeNull();
    expect(englishIn('Trang "Tự chấm", ô C5: "the error" không phải là số.')).toBeNull();
    expect(
      englishIn('Tài khoản thuky.cum1@outlook.com không được dùng «Tính xếp hạng».'),
    ).toBeNull();
  });

  it('reports a typed value the product rewrote, and not one its user typed again', () => {
    const world = new World(CONSUMER);
    world.apply({ kind: 'insertSheet', who: 'owner', name: 'Bảng tính riêng' });
    const mine = world.model.sheet('Bảng tính riêng');
    const sheet = Array.from({ length: 200 }, (_, n) => n).find((n) => world.pickSheet(n) === mine);
    if (sheet === undefined) throw new Error('the new sheet cannot be picked');
    const step = world.apply({
      kind: 'type',
      who: 'owner',
      sheet,
      row: 0,
      col: 0,
      value: { kind: 'text', value: 'Ghi chú riêng' },
    });
    const typed = world.typed.at(-1);
    if (!typed) throw new Error('nothing tracked');
    expect(checkTyped(world, step, emptyCoverage(), false)).toEqual([]);
    typed.sheet.ensure(typed.row, typed.col).v = 'sửa bởi chương trình';
    const found = checkTyped(world, { ...step, menu: 'Tính xếp hạng' }, emptyCoverage(), false);
    expect(found.map((v) => v.kind)).toEqual([
      `typed value changed: ${typed.sheet.name} by «Tính xếp hạng»`,
    ]);
  });
});
