import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The schema room is what a level's entities and types build on; it must not pull in the level machinery. It
// loads the compiled room (npm test builds before Jest runs) in a process of its own and lists what it loaded.
test('@nq57/shared/schema loads no server, database client, loader or token code', () => {
  const loaded = execFileSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'schema', 'index.js'))});
       process.stdout.write(JSON.stringify(Object.keys(require.cache)));`,
    ],
    { encoding: 'utf8' },
  );
  const files = JSON.parse(loaded) as string[];
  const machinery = files.filter((file) =>
    /node_modules[\\/](@apollo|dataloader|pg|graphql-ws|ws|jose|lru-cache)[\\/]/.test(file),
  );
  const ownMachinery = files.filter((file) =>
    /shared[\\/]dist[\\/](level|store|server|db|search|federation|seeds|events)[\\/]/.test(file),
  );
  expect({ machinery, ownMachinery }).toEqual({ machinery: [], ownMachinery: [] });
  // And it is the schema: the Task interface and the amendment inputs are there.
  expect(files.some((file) => /shared[\\/]dist[\\/]task[\\/]task\.interface\.js$/.test(file))).toBe(true);
});
