/** Jest: unit tests beside the code, cross-service tests in test/; all against real PostgreSQL. */
const moduleNameMapper = {
  '^@nq57/shared$': '<rootDir>/shared/src/index.ts',
  '^@nq57/shared/core$': '<rootDir>/shared/src/core/index.ts',
  '^@nq57/(central|provincial|commune|events)$': '<rootDir>/services/$1/src/index.ts',
  '^@nq57/gateway$': '<rootDir>/gateway/src/index.ts',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleNameMapper, transform };

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,services/*,gateway,scripts}/src/**/*.test.ts'],
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'] },
  ],
};
