/**
 * The roles table is defined once (src/core/roles.ts); the README and the Vietnamese guide print
 * it. This keeps them equal: a rule changed in code and not in the guides fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_ROLES, rolesTableRows, type ActionKey } from '../../src/core/roles';
import { captionOf } from '../../src/gas/menuDefinition';

const captions = Object.fromEntries(
  (Object.keys(ACTION_ROLES) as ActionKey[]).map((a) => [a, captionOf(a)]),
) as Record<ActionKey, string>;

/** The rows of the markdown table that follows `heading`. */
function tableAfter(file: string, heading: string): string[][] {
  const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
  const start = text.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of text.slice(start).split('\n')) {
    if (line.startsWith('|')) {
      inTable = true;
      rows.push(
        line
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    } else if (inTable) break;
  }
  // Header and separator rows.
  return rows.slice(2);
}

describe('the roles table in the guides', () => {
  const expected = rolesTableRows(captions);

  it('README.md prints the roles table of src/core/roles.ts', () => {
    expect(tableAfter('README.md', '## Who may do what')).toEqual(expected);
  });

  it('HUONG_DAN.md prints the same table', () => {
    expect(tableAfter('HUONG_DAN.md', '## Ai được làm gì')).toEqual(expected);
  });
});
