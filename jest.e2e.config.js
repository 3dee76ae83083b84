/** Browser tests: the built preview in Debian's headless Chromium (npm run test:e2e). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
