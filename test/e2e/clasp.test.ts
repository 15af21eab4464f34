/** clasp pushes exactly what Apps Script needs: the bundle and the manifest, nothing else. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('clasp show-file-status', () => {
  it('tracks build/Code.js and build/appsscript.json only', () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'clasp'), ['show-file-status'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const tracked = out.split('Untracked files:')[0] ?? '';
    const files = [...tracked.matchAll(/└─ (\S+)/g)].map((m) => m[1]).sort();
    expect(files).toEqual(['build/Code.js', 'build/appsscript.json']);
  });
});
