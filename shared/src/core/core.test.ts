import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Loading the core room must not load the decorator and database stack: the gateway depends on that. It loads
// the compiled room (npm test builds before Jest runs), in a process of its own, and lists the modules it loaded.
test('@nq57/shared/core loads no type-graphql, TypeORM, class-validator or reflect-metadata', () => {
  const loaded = execFileSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'core', 'index.js'))});
       process.stdout.write(JSON.stringify(Object.keys(require.cache)));`,
    ],
    { encoding: 'utf8' },
  );
  const heavy = (JSON.parse(loaded) as string[]).filter((file) =>
    /node_modules[\\/](type-graphql|typeorm|class-validator|reflect-metadata|@apollo)[\\/]/.test(file),
  );
  expect(heavy).toEqual([]);
});
