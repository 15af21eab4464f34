/**
 * Sheets refuses a cell of more than 50,000 characters (DESIGN §4), so every value the product
 * quotes back goes through one helper (src/core/findings.ts shortenEcho).
 */
import { echoCellValue, finding, shortenEcho } from '../../../src/core/findings';
import { reportRows } from '../../../src/core/edit/report';

describe('shortenEcho: a quoted value never outgrows a cell', () => {
  it('keeps short values and cuts long ones to the first 100 characters with the full length', () => {
    expect(shortenEcho('abc')).toBe('abc');
    expect(shortenEcho('x'.repeat(100))).toBe('x'.repeat(100));
    expect(shortenEcho('x'.repeat(60_000))).toBe(`${'x'.repeat(100)}… (60.000 ký tự)`);
    // Code points, not UTF-16 units: an astral character is never split in half.
    expect(shortenEcho('😀'.repeat(3), 2)).toBe('😀😀… (3 ký tự)');
  });

  it('every finding quotes a 60,000-character value shortened, in its value and its message', () => {
    const f = finding('Tự chấm', 'C5', 'not-a-number', 'z'.repeat(60_000));
    expect(f.value).toBe(`${'z'.repeat(100)}… (60.000 ký tự)`);
    expect(f.message).toContain(`"${'z'.repeat(100)}… (60.000 ký tự)" không phải là số.`);
    for (const row of reportRows([f])) for (const c of row) expect(c.length).toBeLessThan(400);
    expect(echoCellValue(12.5)).toBe('12,5');
  });
});
