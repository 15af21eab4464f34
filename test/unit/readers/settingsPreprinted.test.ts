/**
 * Cấu hình's rows of In trên phôi: the print mode and the offsets in millimetres (decimal comma,
 * negative numbers, at most 50 mm either way), read and written back by the one settings layout.
 */
import { readSettings } from '../../../src/core/readers/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';

function grid(values: Record<string, unknown>): unknown[][] {
  const g: unknown[][] = settingsGrid(
    ClusterSettingsSchema.parse({ clusterName: 'Cụm 1', year: 2022 }),
  );
  for (const [label, value] of Object.entries(values)) {
    const row = g.find((r) => r[0] === label);
    if (!row) throw new Error(label);
    row[1] = value;
  }
  return g;
}

describe('Cấu hình, In trên phôi', () => {
  it('defaults to the full template and no offset, written back as such', () => {
    const { value } = readSettings(grid({}));
    expect(value).toMatchObject({
      certificatePrint: 'template',
      preprintedOffsetX: 0,
      preprintedOffsetY: 0,
    });
    const g = grid({});
    expect(g.find((r) => r[0] === 'In giấy khen, bằng khen')?.[1]).toBe('Mẫu đầy đủ');
  });

  it('reads "In trên phôi" and offsets with a decimal comma or a minus sign', () => {
    const { value, findings } = readSettings(
      grid({
        'In giấy khen, bằng khen': 'in tren phoi',
        'Lệch ngang khi in phôi (mm)': '1,5',
        'Lệch dọc khi in phôi (mm)': -2.25,
      }),
    );
    expect(findings).toEqual([]);
    expect(value).toMatchObject({
      certificatePrint: 'preprinted',
      preprintedOffsetX: 1.5,
      preprintedOffsetY: -2.25,
    });
    const back = settingsGrid(ClusterSettingsSchema.parse(value));
    expect(back.find((r) => r[0] === 'Lệch ngang khi in phôi (mm)')?.[1]).toBe(1.5);
  });

  it('names the cell of an offset beyond 50 mm or not a number', () => {
    const { findings } = readSettings(
      grid({ 'Lệch ngang khi in phôi (mm)': 60, 'Lệch dọc khi in phôi (mm)': 'hai' }),
    );
    expect(findings.map((f) => f.message).join('\n')).toMatch(/số từ -50 đến 50/);
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(f.cell).toMatch(/^B\d+$/);
  });
});
