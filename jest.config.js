// The local host runs scripts in their manifest's time zone (local/host/index.ts). Jest gives
// each test file its own copy of process.env, where setting TZ changes nothing, so it is set here,
// before the workers start, for every test whatever the machine's time zone.
process.env.TZ = require('./appsscript.json').timeZone;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Types are checked once by `npm run typecheck` (tsc --noEmit); tests only transpile.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  testTimeout: 120000,
  // Two workers on CI's two cores: the end-to-end files spend their time in one process each.
  maxWorkers: 2,
};
