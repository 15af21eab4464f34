/**
 * The pledge's head settings (Cấu hình) and the DocSpec pieces behind its Decree 30 format:
 * number and symbol, the legal bases as a list of lines, the issuing body's rule and the layout
 * hints the host applies.
 */
import { numberAndSymbol } from '../../../src/core/documents/pledgeData';
import {
  JOINT_PLEDGE_TEMPLATE,
  UNIT_PLEDGE_TEMPLATE,
} from '../../../src/core/documents/pledgeTemplates';
import { issuerLines } from '../../../src/core/documents/decree30Blocks';
import { blockEdits, layoutHints, para, rule } from '../../../src/core/documents/docSpec';
import { SETTING_ROWS } from '../../../src/core/layout/settings';
import { settingsGrid } from '../../../src/core/layout/settingsGrid';
import { ClusterSettingsSchema } from '../../../src/core/model/settings';
import { readSettings } from '../../../src/core/readers/settings';

const base = { clusterName: 'Cụm thi đua số 1', year: 2022 };

function withCell(key: string, value: unknown): unknown[][] {
  const grid = settingsGrid(ClusterSettingsSchema.parse(base)) as unknown[][];
  const row = SETTING_ROWS.findIndex((r) => r.key === key) + 1;
  (grid[row] as unknown[])[1] = value;
  return grid;
}

describe('number line', () => {
  it('pads a number under 10, keeps others, and leaves room for none', () => {
    expect(numberAndSymbol({ pledgeNumber: '5', pledgeSymbol: 'GƯTĐ-CTĐ1' }).so_ky_hieu).toBe(
      '05/GƯTĐ-CTĐ1',
    );
    expect(numberAndSymbol({ pledgeNumber: '12', pledgeSymbol: '' }).so_ky_hieu).toBe('12/GƯTĐ');
    expect(numberAndSymbol({ pledgeNumber: '', pledgeSymbol: 'X' }).so_ky_hieu).toMatch(
      /^\u00a0{8}\/X$/,
    );
  });
});

describe('legal bases in Cấu hình', () => {
  it('set-up prefills the texts in force in the workbook year, one per line', () => {
    const at = (year: number): string => {
      const grid = settingsGrid(ClusterSettingsSchema.parse({ ...base, year }));
      const row = SETTING_ROWS.findIndex((r) => r.key === 'legalBases') + 1;
      return String(grid[row]?.[1]);
    };
    expect(at(2022).split('\n')).toHaveLength(2);
    expect(at(2022)).toContain('91/2017/NĐ-CP');
    expect(at(2024)).toContain('06/2022/QH15');
    expect(at(2024)).toContain('98/2023/NĐ-CP');
    expect(at(2026)).toContain('152/2025/NĐ-CP');
  });

  it('reads one basis per line, each normalised, blank lines dropped, ";" kept', () => {
    const read = readSettings(withCell('legalBases', ' Căn cứ A;\r\n\n  Căn cứ  B; và C;\n'));
    expect(read.findings).toEqual([]);
    expect(read.value?.legalBases).toEqual(['Căn cứ A;', 'Căn cứ B; và C;']);
    expect(readSettings(withCell('legalBases', '')).value?.legalBases).toEqual([]);
  });

  it('round-trips through the sheet grid', () => {
    const settings = ClusterSettingsSchema.parse({
      ...base,
      legalBases: ['Căn cứ X;', 'Căn cứ Y,'],
    });
    expect(readSettings(settingsGrid(settings)).value?.legalBases).toEqual([
      'Căn cứ X;',
      'Căn cứ Y,',
    ]);
  });

  it('reads the signing date and refuses a bad one naming its cell', () => {
    expect(readSettings(withCell('signingDate', '22/02/2022')).value?.signingDate).toEqual({
      year: 2022,
      month: 2,
      day: 22,
    });
    const bad = readSettings(withCell('signingDate', '31/02/2022'));
    const row = SETTING_ROWS.findIndex((r) => r.key === 'signingDate') + 2;
    expect(bad.findings.map((f) => f.cell)).toContain(`B${String(row)}`);
  });
});

describe('DocSpec pieces', () => {
  it('issuerLines: superior plain, issuer bold, a rule 40 % of the column centred', () => {
    const [superior, issuer, line] = issuerLines('UBND QUẬN', 'PHÒNG NỘI VỤ', 200);
    expect(superior?.runs).toEqual([{ text: 'UBND QUẬN' }]);
    expect(issuer?.runs[0]?.bold).toBe(true);
    expect(line).toMatchObject({ rule: true, runs: [], indentStart: 60, indentEnd: 60 });
    expect(issuerLines(undefined, 'X', 200)).toHaveLength(2);
  });

  it('counts the rule as one more edit of its paragraph', () => {
    expect(blockEdits(rule(100))).toBe(blockEdits(para('')) + 1);
  });

  it('hints the pledge tables whose rows stay whole, and page numbers from page 2', () => {
    const joint = layoutHints(JOINT_PLEDGE_TEMPLATE);
    // Tables: header 0, members 1, criteria 2, signatures 3, witness 4.
    expect(joint).toEqual({ keepRowsTogetherTables: [1, 2, 3, 4], numberPagesFromSecond: true });
    expect(layoutHints(UNIT_PLEDGE_TEMPLATE)).toEqual({
      keepRowsTogetherTables: [1, 2],
      numberPagesFromSecond: true,
    });
  });
});
