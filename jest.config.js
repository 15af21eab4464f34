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
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  testTimeout: 120000,
};
