/**
 * package-lock.json must carry a full entry for every optional dependency, or `npm ci` on a fresh
 * machine fails before anything is built (local/lockfile.ts says why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  entryFromManifest,
  incompleteOptionalEntries,
  type Lockfile,
} from '../../../local/lockfile';

const parent = {
  version: '1.0.0',
  dev: true,
  optionalDependencies: { '@x/bind-linux': '1.0.0', '@x/bind-win': '1.0.0' },
};

describe('lock file completeness', () => {
  it('the committed package-lock.json locks every optional dependency with a version', () => {
    const lock = JSON.parse(
      readFileSync(join(__dirname, '../../../package-lock.json'), 'utf8'),
    ) as Lockfile;
    expect(incompleteOptionalEntries(lock)).toEqual([]);
  });

  it('finds a binding with no entry and one with a version-less stub', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/x': parent,
        'node_modules/x/node_modules/@x/bind-win': { dev: true, optional: true },
      },
    };
    expect(incompleteOptionalEntries(lock)).toEqual([
      {
        parent: 'node_modules/x',
        name: '@x/bind-linux',
        range: '1.0.0',
        path: 'node_modules/@x/bind-linux',
        problem: 'missing',
      },
      {
        parent: 'node_modules/x',
        name: '@x/bind-win',
        range: '1.0.0',
        path: 'node_modules/x/node_modules/@x/bind-win',
        problem: 'stub',
      },
    ]);
  });

  it('resolves a dependency hoisted to the top as node does', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/a/node_modules/x': parent,
        'node_modules/@x/bind-linux': { version: '1.0.0' },
        'node_modules/@x/bind-win': { version: '1.0.0' },
      },
    };
    expect(incompleteOptionalEntries(lock)).toEqual([]);
  });

  it('writes an entry in the shape npm writes for a binding it installs', () => {
    const entry = entryFromManifest(
      {
        version: '1.13.0',
        dist: { integrity: 'sha512-abc' },
        cpu: ['x64'],
        os: ['linux'],
        libc: ['glibc'],
        license: 'MIT',
      },
      parent,
    );
    expect(Object.keys(entry)).toEqual([
      'version',
      'integrity',
      'cpu',
      'dev',
      'libc',
      'license',
      'optional',
      'os',
    ]);
    expect(entry).toMatchObject({ version: '1.13.0', dev: true, optional: true, os: ['linux'] });
  });
});
