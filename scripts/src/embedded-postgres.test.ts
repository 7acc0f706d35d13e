import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assertPostgresUserCanReach } from './embedded-postgres';

describe('assertPostgresUserCanReach', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'nq57-reach-'));
    await mkdir(path.join(root, 'open', 'inner'), { recursive: true });
    await mkdir(path.join(root, 'private', 'inner'), { recursive: true });
    await chmod(root, 0o755);
    await chmod(path.join(root, 'open'), 0o755);
    await chmod(path.join(root, 'private'), 0o700);
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('as root, names the directory the postgres user cannot enter; otherwise has nothing to check', async () => {
    const hidden = (): Promise<void> =>
      assertPostgresUserCanReach([path.join(root, 'private', 'inner', 'data')]);
    await expect(
      assertPostgresUserCanReach([path.join(root, 'open', 'inner', 'data')]),
    ).resolves.toBeUndefined();
    if (process.getuid?.() === 0) {
      await expect(hidden()).rejects.toThrow(`cannot enter ${path.join(root, 'private')} (mode 700)`);
    } else {
      await expect(hidden()).resolves.toBeUndefined();
    }
  });
});
