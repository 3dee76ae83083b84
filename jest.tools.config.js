/** Tests that need programs beyond Node (LibreOffice's soffice): npm run test:tools, run by .ci/run. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/tools'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.tools.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
