import { runService } from '@nq57/shared';
import { definition, start } from './server';

export { start, definition };

if (require.main === module) void runService(start, 4004);
