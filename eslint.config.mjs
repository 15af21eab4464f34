// Strict, type-aware lint in the spirit of google/aside: the bundle's code may use only what
// Apps Script's V8 has, and src/core may use no Apps Script service at all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Globals that exist in Node or browsers but not in Apps Script (DESIGN §4). */
const NOT_IN_APPS_SCRIPT = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'setImmediate',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'atob',
  'btoa',
  'crypto',
  'queueMicrotask',
  'process',
  'window',
  'document',
  'require',
  'module',
  'exports',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'performance',
].map((name) => ({ name, message: `${name} does not exist in Apps Script (DESIGN §4).` }));

/** Apps Script services: src/core must stay pure (DESIGN §4). */
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'DocumentApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'HtmlService',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
  'Charts',
  'UrlFetchApp',
  'ContentService',
  'CardService',
  'XmlService',
].map((name) => ({
  name,
  message: `src/core is pure: pass data in from src/gas instead of calling ${name}.`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'out/', 'coverage/', 'test/fixtures/', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: { ...globals.es2020 } },
    rules: {
      'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'PropertyDefinition[key.type="PrivateIdentifier"]',
          message: 'No #private fields: Apps Script targets ES2020.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'vm', '../../local/*', '../local/*'] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT, ...APPS_SCRIPT_SERVICES],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '../gas/*', '../../gas/*', '*/gas/*', '../main'] },
      ],
    },
  },
  {
    files: ['local/**/*.ts', 'test/**/*.ts', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // The host's fakes are called by untyped script code, exactly as Apps Script is: coercing and
    // checking arguments the types already promise is deliberate there.
    files: ['local/host/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
