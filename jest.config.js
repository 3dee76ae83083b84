/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/helpers/jsdom-setup.ts', '<rootDir>/test/helpers/fast-check-seed.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
