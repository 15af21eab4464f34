/**
 * Checks that a built script is something Apps Script's V8 runtime can load and run:
 * - it parses as a classic ES2020 script (no import/export, no class fields or #private);
 * - the required entry points are top-level `function name() {}` declarations;
 * - it reads no global that Apps Script lacks (setTimeout, URL, process, …);
 * - every method it calls on an Apps Script service exists in @types/google-apps-script, and any
 *   other method it calls is declared there, is an ECMAScript built-in, or is defined by the
 *   bundle itself.
 * Node only: used by tests and never bundled.
 */
import { parse } from 'acorn';
import type * as acorn from 'acorn';
import { simple as walkSimple } from 'acorn-walk';
import { Linter } from 'eslint';
import globals from 'globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';

export interface BundleProblem {
  rule: 'syntax' | 'entry-point' | 'global' | 'service-method' | 'unknown-method';
  message: string;
}

const TYPES_DIR = join(__dirname, '..', 'node_modules', '@types', 'google-apps-script');

interface AppsScriptApi {
  /** Global service variable → names of its members (e.g. SpreadsheetApp → getActive, …). */
  services: Map<string, Set<string>>;
  /** Every member name of every interface of the Apps Script services. */
  allMembers: Set<string>;
}

let apiCache: AppsScriptApi | undefined;

/**
 * The advanced services appsscript.json enables (dependencies.enabledAdvancedServices), by their
 * global, with the typing file @types/google-apps-script has for each. Only these REST APIs are
 * globals of the product's script; test/e2e/bundle.test.ts holds the manifest to this list.
 */
export const ADVANCED_SERVICE_TYPES: Readonly<Record<string, string>> = {
  Docs: join('apis', 'docs_v1.d.ts'),
};

/**
 * Reads the service declarations of @types/google-apps-script, and of the advanced services the
 * manifest enables (ADVANCED_SERVICE_TYPES), not of the other REST APIs.
 */
export function appsScriptApi(): AppsScriptApi {
  if (apiCache) return apiCache;
  const interfaces = new Map<string, { members: Set<string>; bases: string[] }>();
  const globalsToType = new Map<string, string>();
  const files = [
    ...readdirSync(TYPES_DIR).filter((f) => f.endsWith('.d.ts')),
    ...Object.values(ADVANCED_SERVICE_TYPES),
  ];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(TYPES_DIR, file), 'utf8'),
      ts.ScriptTarget.ES2020,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node)) {
        const name = node.name.text;
        const entry = interfaces.get(name) ?? { members: new Set<string>(), bases: [] };
        for (const member of node.members) {
          if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
            entry.members.add(member.name.text);
          }
        }
        for (const clause of node.heritageClauses ?? []) {
          for (const type of clause.types)
            entry.bases.push(lastName(type.expression.getText(source)));
        }
        interfaces.set(name, entry);
      } else if (ts.isVariableStatement(node)) {
        for (const decl of node.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && decl.type) {
            // `declare var Docs: GoogleAppsScript.Docs | undefined` (undefined when not enabled).
            const type = decl.type.getText(source).replace(/\s*\|\s*undefined$/, '');
            globalsToType.set(decl.name.text, lastName(type));
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const membersOf = (typeName: string, seen = new Set<string>()): Set<string> => {
    const result = new Set<string>();
    const entry = interfaces.get(typeName);
    if (!entry || seen.has(typeName)) return result;
    seen.add(typeName);
    for (const m of entry.members) result.add(m);
    for (const base of entry.bases) for (const m of membersOf(base, seen)) result.add(m);
    return result;
  };
  const services = new Map<string, Set<string>>();
  for (const [variable, typeName] of globalsToType) services.set(variable, membersOf(typeName));
  const allMembers = new Set<string>();
  for (const entry of interfaces.values()) for (const m of entry.members) allMembers.add(m);
  apiCache = { services, allMembers };
  return apiCache;
}

function lastName(qualified: string): string {
  const parts = qualified.replace(/<.*$/, '').split('.');
  return parts[parts.length - 1] ?? qualified;
}

/** Method names of ECMAScript built-ins, read from a fresh V8 context (what Apps Script has). */
function builtinMethodNames(): Set<string> {
  const names = runInNewContext(`
    const names = new Set();
    const add = (o) => { if (o) for (const k of Object.getOwnPropertyNames(o)) names.add(k); };
    for (const key of Object.getOwnPropertyNames(globalThis)) {
      const value = globalThis[key];
      add(value);
      if (value && typeof value === 'function') add(value.prototype);
    }
    for (const proto of [Object.getPrototypeOf(function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
      Object.getPrototypeOf(new Map().entries()), Object.getPrototypeOf(new Set().values()),
      Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(Int8Array.prototype),
      Object.getPrototypeOf(Int8Array)]) add(proto);
    [...names];
  `) as string[];
  return new Set(names);
}

/** Apps Script's global scope: ECMAScript 2020 plus the services. */
function appsScriptGlobals(): Record<string, 'readonly'> {
  const result: Record<string, 'readonly'> = {};
  for (const name of Object.keys(globals.es2020)) result[name] = 'readonly';
  for (const name of appsScriptApi().services.keys()) result[name] = 'readonly';
  for (const name of ['console', 'Intl']) result[name] = 'readonly';
  return result;
}

/** The name of an identifier or string-literal key; undefined for computed keys and others. */
function propertyName(node: acorn.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return (node as acorn.Identifier).name;
  if (node.type === 'Literal') {
    const value = (node as acorn.Literal).value;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * Methods a bundled library calls only on objects its caller may pass in, each with the reason it
 * cannot be reached from this product. Keep this list short and explained.
 */
const LIBRARY_HOOKS: Readonly<Record<string, string>> = {
  alloc:
    'zod/mini: `memo ? memo.alloc(…)` on an optional JSON-schema memo the product never passes',
};

export function checkBundle(code: string, requiredEntryPoints: string[]): BundleProblem[] {
  const problems: BundleProblem[] = [];
  let program: acorn.Program;
  try {
    program = parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ rule: 'syntax', message: `not a classic ES2020 script: ${message}` }];
  }

  const topLevel = new Set(
    program.body
      .filter((node): node is acorn.FunctionDeclaration => node.type === 'FunctionDeclaration')
      .map((node) => propertyName(node.id))
      .filter((name): name is string => name !== undefined),
  );
  for (const name of requiredEntryPoints) {
    if (!topLevel.has(name)) {
      problems.push({
        rule: 'entry-point',
        message: `${name} is not a top-level function declaration`,
      });
    }
  }

  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      languageOptions: { ecmaVersion: 2020, sourceType: 'script', globals: appsScriptGlobals() },
      rules: { 'no-undef': 'error' },
    },
  ]);
  for (const m of messages) {
    problems.push({ rule: 'global', message: `line ${m.line}: ${m.message}` });
  }

  const api = appsScriptApi();
  const defined = new Set<string>();
  const called: Array<{ object?: string; method: string }> = [];
  walkSimple(program, {
    Property(node) {
      const name = node.computed ? undefined : propertyName(node.key);
      if (name) defined.add(name);
    },
    MethodDefinition(node) {
      const name = node.computed ? undefined : propertyName(node.key);
      if (name) defined.add(name);
    },
    FunctionDeclaration(node) {
      const name = propertyName(node.id);
      if (name) defined.add(name);
    },
    AssignmentExpression(node) {
      const left = node.left;
      if (left.type === 'MemberExpression' && !left.computed) {
        const name = propertyName(left.property);
        if (name) defined.add(name);
      }
    },
    CallExpression(node) {
      const callee = node.callee;
      if (callee.type !== 'MemberExpression' || callee.computed) return;
      // `hook?.()` and `obj?.method()` are calls the code itself treats as optional.
      if (node.optional || callee.optional) return;
      const method = propertyName(callee.property);
      if (!method) return;
      called.push({
        object: callee.object.type === 'Identifier' ? callee.object.name : undefined,
        method,
      });
    },
  });
  const builtins = builtinMethodNames();
  const reported = new Set<string>();
  for (const call of called) {
    const service = call.object !== undefined ? api.services.get(call.object) : undefined;
    if (service && !service.has(call.method)) {
      const key = `${call.object}.${call.method}`;
      if (!reported.has(key)) {
        reported.add(key);
        problems.push({
          rule: 'service-method',
          message: `${key} is not declared by @types/google-apps-script`,
        });
      }
      continue;
    }
    if (service) continue;
    if (
      api.allMembers.has(call.method) ||
      builtins.has(call.method) ||
      defined.has(call.method) ||
      call.method in LIBRARY_HOOKS
    ) {
      continue;
    }
    if (!reported.has(call.method)) {
      reported.add(call.method);
      problems.push({
        rule: 'unknown-method',
        message: `.${call.method}() is neither an Apps Script method, an ECMAScript built-in, nor defined in the bundle`,
      });
    }
  }
  return problems;
}

/**
 * The OAuth scopes a bundle needs, from the Apps Script services it calls (each service's
 * reference page lists its scopes under "Authorization"). The manifest must ask for exactly
 * these: nothing broader, nothing missing.
 */
const SCOPE_RULES: ReadonlyArray<{ object: string; method?: RegExp; scope: string }> = [
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
  { object: 'SpreadsheetApp', scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly' },
  // openById / openByUrl reach files other than the bound one: their reference entries list only
  // https://www.googleapis.com/auth/spreadsheets (spreadsheet-app#openById(String)).
  {
    object: 'SpreadsheetApp',
    method: /^(openById|openByUrl|open|create)$/,
    scope: 'https://www.googleapis.com/auth/spreadsheets',
  },
  // https://developers.google.com/apps-script/reference/base/ui (menus, alerts, dialogs)
  {
    object: 'SpreadsheetApp',
    method: /^getUi$/,
    scope: 'https://www.googleapis.com/auth/script.container.ui',
  },
  // https://developers.google.com/apps-script/reference/script/script-app (triggers)
  {
    object: 'ScriptApp',
    method: /^(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/,
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
  },
  // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
  {
    object: 'Session',
    method: /^(getActiveUser|getEffectiveUser)$/,
    scope: 'https://www.googleapis.com/auth/userinfo.email',
  },
  // https://developers.google.com/apps-script/reference/document/document-app
  { object: 'DocumentApp', scope: 'https://www.googleapis.com/auth/documents' },
  // https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate (Authorization:
  // documents, drive or drive.file; the manifest's documents scope covers get and batchUpdate)
  { object: 'Docs', scope: 'https://www.googleapis.com/auth/documents' },
  // https://developers.google.com/apps-script/reference/drive/drive-app
  { object: 'DriveApp', scope: 'https://www.googleapis.com/auth/drive' },
  // https://developers.google.com/apps-script/reference/mail/mail-app
  { object: 'MailApp', scope: 'https://www.googleapis.com/auth/script.send_mail' },
  // https://developers.google.com/apps-script/reference/forms/form-app (secret ballots)
  { object: 'FormApp', scope: 'https://www.googleapis.com/auth/forms' },
  // https://developers.google.com/apps-script/reference/html/html-service (dialogs need container.ui)
  { object: 'HtmlService', scope: 'https://www.googleapis.com/auth/script.container.ui' },
];

export function requiredScopes(code: string): string[] {
  const program = parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  const scopes = new Set<string>();
  walkSimple(program, {
    MemberExpression(node) {
      if (node.object.type !== 'Identifier' || node.computed) return;
      const object = node.object.name;
      const method = propertyName(node.property) ?? '';
      for (const rule of SCOPE_RULES) {
        if (rule.object === object && (!rule.method || rule.method.test(method))) {
          scopes.add(rule.scope);
        }
      }
    },
  });
  // The full spreadsheets scope includes what currentonly grants: asking for both is not narrower.
  if (scopes.has('https://www.googleapis.com/auth/spreadsheets'))
    scopes.delete('https://www.googleapis.com/auth/spreadsheets.currentonly');
  return [...scopes].sort();
}
