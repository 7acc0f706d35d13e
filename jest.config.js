/** Jest: unit tests beside the code, cross-service tests in test/; all against real PostgreSQL. */
const moduleNameMapper = {
  '^@nq57/shared$': '<rootDir>/shared/src/index.ts',
  '^@nq57/shared/core$': '<rootDir>/shared/src/core/index.ts',
  '^@nq57/shared/schema$': '<rootDir>/shared/src/schema/index.ts',
  '^@nq57/(central|provincial|commune|events)$': '<rootDir>/services/$1/src/index.ts',
  '^@nq57/gateway$': '<rootDir>/gateway/src/index.ts',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  // The Rust query planner's runtime loads the native planner with `await import()`, which Jest's CommonJS
  // module system cannot serve without --experimental-vm-modules; compiled to CommonJS it is a require().
  '/@graphql-hive/router-runtime/dist/index\\.cjs$': [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
  ],
};
// node_modules stay untransformed, but for that one package.
const transformIgnorePatterns = ['/node_modules/(?!@graphql-hive/router-runtime/)'];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
};

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
