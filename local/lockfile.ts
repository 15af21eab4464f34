/**
 * Keeps package-lock.json installable by `npm ci` on every platform.
 *
 * npm ≥ 11.16 writes lock entries only for the optional platform bindings of the machine it runs
 * on (unrs-resolver, pulled in by jest, has 21 of them); `npm ci` then reports the others
 * "Missing … from lock file", and a version-less stub entry in their place makes it crash with
 * "Invalid Version:". Every optional dependency needs a full entry (version, integrity, cpu/os),
 * exactly as npm writes for the bindings it does install.
 *
 *   npx tsx local/lockfile.ts         lists the incomplete entries (exit 1 if any)
 *   npx tsx local/lockfile.ts --fix   fills them from the registry (`npm view`) and rewrites the lock
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
  dev?: boolean;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface Lockfile {
  packages: Record<string, LockEntry>;
  [field: string]: unknown;
}

export interface IncompleteEntry {
  /** The package whose optional dependency is not locked. */
  parent: string;
  name: string;
  range: string;
  /** Where npm would place it (hoisted to the top). */
  path: string;
  /** 'missing': no entry at all; 'stub': an entry without a version. */
  problem: 'missing' | 'stub';
}

/** Node's lookup: from the parent's own node_modules up to the top. */
function resolve(packages: Lockfile['packages'], parent: string, name: string): string | null {
  let base = parent;
  for (;;) {
    const path = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[path] !== undefined) return path;
    if (base === '') return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

export function incompleteOptionalEntries(lock: Lockfile): IncompleteEntry[] {
  const found: IncompleteEntry[] = [];
  for (const [parent, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const path = resolve(lock.packages, parent, name);
      if (path === null) {
        found.push({ parent, name, range, path: `node_modules/${name}`, problem: 'missing' });
      } else if (typeof lock.packages[path]?.version !== 'string') {
        found.push({ parent, name, range, path, problem: 'stub' });
      }
    }
  }
  return found;
}

interface RegistryManifest {
  version: string;
  dist: { integrity: string };
  cpu?: string[];
  os?: string[];
  libc?: string[];
  license?: string;
}

/** The entry npm writes for an optional binding it does install, field for field. */
export function entryFromManifest(m: RegistryManifest, parent: LockEntry): LockEntry {
  const entry: LockEntry = { version: m.version, integrity: m.dist.integrity };
  if (m.cpu) entry.cpu = m.cpu;
  if (parent.dev) entry.dev = true;
  if (m.libc) entry.libc = m.libc;
  if (m.license) entry.license = m.license;
  entry.optional = true;
  if (m.os) entry.os = m.os;
  return entry;
}

function fix(lock: Lockfile, incomplete: readonly IncompleteEntry[]): Lockfile {
  const stubs = new Set(incomplete.filter((g) => g.problem === 'stub').map((g) => g.path));
  const packages = Object.fromEntries(
    Object.entries(lock.packages).filter(([path]) => !stubs.has(path)),
  );
  for (const gap of incomplete) {
    const json = execFileSync('npm', ['view', `${gap.name}@${gap.range}`, '--json'], {
      encoding: 'utf8',
    });
    const parsed = JSON.parse(json) as RegistryManifest | RegistryManifest[];
    const manifest = Array.isArray(parsed) ? parsed[parsed.length - 1] : parsed;
    if (manifest === undefined) throw new Error(`npm view found no ${gap.name}@${gap.range}`);
    packages[`node_modules/${gap.name}`] = entryFromManifest(
      manifest,
      lock.packages[gap.parent] ?? {},
    );
  }
  // npm's own order (the root, '', sorts first).
  const ordered: Lockfile['packages'] = {};
  for (const path of Object.keys(packages).sort((a, b) => a.localeCompare(b, 'en'))) {
    const entry = packages[path];
    if (entry !== undefined) ordered[path] = entry;
  }
  return { ...lock, packages: ordered };
}

function main(): void {
  const file = 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
  const incomplete = incompleteOptionalEntries(lock);
  for (const gap of incomplete)
    console.log(`${gap.problem}: ${gap.name}@${gap.range} (of ${gap.parent})`);
  if (incomplete.length === 0) {
    console.log('package-lock.json: every optional dependency has a full entry');
    return;
  }
  if (!process.argv.includes('--fix')) {
    process.exitCode = 1;
    return;
  }
  writeFileSync(file, `${JSON.stringify(fix(lock, incomplete), null, 2)}\n`);
  console.log(`package-lock.json: ${String(incomplete.length)} entries filled from the registry`);
}

if (process.argv[1]?.endsWith('lockfile.ts')) main();
