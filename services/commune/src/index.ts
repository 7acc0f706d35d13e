import { runService } from '@nq57/shared';
import { definition, start } from './server';

export { start, definition };
export type { CommuneOptions } from './server';

if (require.main === module) {
  const centralUrl = process.env.CENTRAL_URL ?? 'http://127.0.0.1:4001/graphql';
  const provincialUrl = process.env.PROVINCIAL_URL ?? 'http://127.0.0.1:4002/graphql';
  void runService((options) => start({ ...options, centralUrl, provincialUrl }), 4003);
}
