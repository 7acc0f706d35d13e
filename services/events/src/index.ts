import { runService } from '@nq57/shared';
import { definition, start } from './server';

export { start, definition };
// For the search benchmark (scripts/src/bench-search.ts): the SQL searchTasks runs, to EXPLAIN it.
export { searchRequest } from './search/search-request';
export { searchStatements } from './search/search-sql';
export { SearchTasksArgs, TaskSearchFilter, TaskSearchOrder } from './search/task-search.args';

if (require.main === module) void runService(start, 4004);
