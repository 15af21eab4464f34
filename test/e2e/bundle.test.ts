/**
 * The built bundle is a script Apps Script can load: classic ES2020, entry points at top level,
 * no globals Apps Script lacks, only methods @types/google-apps-script declares.
 * Fixture scripts (not the product) prove each check fails when it should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADVANCED_SERVICE_TYPES,
  checkBundle,
  BundleProblem,
  requiredScopes,
} from '../../local/bundleCheck';
import { MENU } from '../../src/gas/menuDefinition';

const root = join(__dirname, '..', '..');
const fixture = (name: string): string =>
  readFileSync(join(root, 'test', 'fixtures', 'bundles', name), 'utf8');
const rules = (problems: BundleProblem[]): string[] => problems.map((p) => p.rule);

const menuFunctions = MENU.items.flatMap((item) =>
  item === 'separator' ? [] : [item.functionName],
);

describe('build/Code.js', () => {
  const code = readFileSync(join(root, 'build', 'Code.js'), 'utf8');

  it('passes every bundle check with onOpen and every menu function at top level', () => {
    expect(menuFunctions.length).toBeGreaterThan(0);
    expect(checkBundle(code, ['onOpen', ...menuFunctions])).toEqual([]);
  });

  it('asks in its manifest for exactly the scopes the services it calls need', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'build', 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      timeZone: string;
      runtimeVersion: string;
    };
    expect([...manifest.oauthScopes].sort()).toEqual(requiredScopes(code));
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.runtimeVersion).toBe('V8');
  });

  // https://developers.google.com/apps-script/guides/services/advanced#enable_advanced_services
  // and https://developers.google.com/apps-script/manifest/dependencies: an advanced service is a
  // global only when the manifest lists it; the bundle checks read exactly those typings.
  it('enables in its manifest exactly the advanced services the bundle checks know (Docs API v1)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'build', 'appsscript.json'), 'utf8')) as {
      dependencies?: {
        enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[];
      };
    };
    const enabled = manifest.dependencies?.enabledAdvancedServices ?? [];
    expect(enabled).toEqual([{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }]);
    expect(enabled.map((s) => s.userSymbol)).toEqual(Object.keys(ADVANCED_SERVICE_TYPES));
    expect(code).toMatch(/\bDocs\.Documents\.batchUpdate\(|\.Documents\.batchUpdate\(/);
  });

  it('has no import or export statement', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('bundle checks on fixture scripts', () => {
  it('derive scopes from the services a script calls', () => {
    expect(requiredScopes(fixture('good.js'))).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(requiredScopes('function f() { MailApp.sendEmail("a@b.vn", "s", "b"); }')).toEqual([
      'https://www.googleapis.com/auth/script.send_mail',
    ]);
  });

  it('accept a minimal valid script', () => {
    expect(checkBundle(fixture('good.js'), ['onOpen'])).toEqual([]);
  });

  it('reject an ES module', () => {
    expect(rules(checkBundle(fixture('esModule.js'), ['onOpen']))).toEqual(['syntax']);
  });

  it('reject class fields (newer than ES2020)', () => {
    expect(rules(checkBundle(fixture('classFields.js'), ['onOpen']))).toEqual(['syntax']);
  });

  it('reject an entry point that is not a top-level function declaration', () => {
    const problems = checkBundle(fixture('nestedEntry.js'), ['onOpen']);
    expect(problems).toEqual([
      { rule: 'entry-point', message: 'onOpen is not a top-level function declaration' },
    ]);
  });

  it('reject globals Apps Script does not have', () => {
    const problems = checkBundle(fixture('nodeGlobal.js'), ['onOpen']);
    expect(rules(problems)).toEqual(['global', 'global']);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/setTimeout.*URL/);
  });

  it('reject a service method that does not exist', () => {
    const problems = checkBundle(fixture('unknownServiceMethod.js'), ['onOpen']);
    expect(problems).toEqual([
      {
        rule: 'service-method',
        message: 'SpreadsheetApp.getActiveSpreadsheat is not declared by @types/google-apps-script',
      },
    ]);
  });

  it('reject a chained method that no Apps Script interface declares', () => {
    const problems = checkBundle(fixture('unknownChainedMethod.js'), ['onOpen']);
    expect(rules(problems)).toEqual(['unknown-method']);
    expect(problems[0]?.message).toMatch(/setValuez/);
  });
});
