/**
 * Bundles src/main.ts into build/Code.js, the single classic script Apps Script loads.
 *
 * Apps Script has no modules: menus, triggers and google.script.run find functions by name
 * in the global scope. esbuild wraps the product in one IIFE bound to `ThiduaBundle`, and for
 * each export of src/main.ts this script appends a top-level `function name() {}` declaration
 * that forwards to it.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BUNDLE_GLOBAL = 'ThiduaBundle';

const root = resolve(__dirname, '..');
const outDir = join(root, 'build');
const entry = join(root, 'src/main.ts');

const shared = {
  entryPoints: [entry],
  bundle: true,
  write: false,
  target: 'es2020',
  platform: 'neutral' as const,
  mainFields: ['module', 'main'],
  charset: 'utf8' as const,
  legalComments: 'inline' as const,
  logLevel: 'warning' as const,
};

/** The names src/main.ts exports: read from an ESM build's metafile, the only format that lists them. */
async function entryPointNames(): Promise<string[]> {
  const esm = await build({ ...shared, format: 'esm', metafile: true, outfile: 'entry.js' });
  const output = Object.values(esm.metafile.outputs)[0];
  if (!output) throw new Error('esbuild produced no output');
  return [...output.exports].sort();
}

export async function buildBundle(): Promise<{ file: string; entryPoints: string[] }> {
  const names = await entryPointNames();
  const iife = await build({
    ...shared,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    outfile: 'Code.js',
  });
  const body = iife.outputFiles?.[0]?.text;
  if (body === undefined) throw new Error('esbuild produced no bundle');
  const stubs = names
    .map(
      (name) =>
        `function ${name}() {\n  return ${BUNDLE_GLOBAL}.${name}.apply(this, arguments);\n}`,
    )
    .join('\n');
  const header =
    '// thidua: built by local/build.ts from src/. Do not edit; edit src/ and run npm run build.\n';
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'Code.js');
  writeFileSync(file, `${header}${body}\n${stubs}\n`);
  copyFileSync(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
  return { file, entryPoints: names };
}

if (require.main === module) {
  buildBundle().then(
    ({ file, entryPoints }) => {
      console.log(`built ${file} with entry points: ${entryPoints.join(', ')}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
