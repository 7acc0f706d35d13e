import { TaskLevel, TaskStatus, TrafficLight } from '@nq57/shared';
import { searchStatements } from './search-sql';
import type { SearchRequest } from './search-request';
import { TaskSearchOrder } from './task-search.args';

const HOSTILE = "x'); DROP TABLE task_search; --";
const ID = '6f1c1a3e-5b1d-5c8e-9d47-1c2b3a4d5e6f';

function request(overrides: Partial<SearchRequest>): SearchRequest {
  return {
    query: HOSTILE,
    filter: {
      levels: [TaskLevel.COMMUNE],
      provinceCode: '68',
      communeCode: '24682',
      group: 3,
      statuses: [TaskStatus.IN_PROGRESS],
      lights: [TrafficLight.RED],
      agency: 'Sở 100%_\\',
      dueFrom: '2025-01-01',
      dueTo: '2025-12-31',
    },
    order: TaskSearchOrder.RELEVANCE,
    asOf: '2025-12-10',
    first: 20,
    after: null,
    binding: 'b',
    ...overrides,
  };
}

describe('search SQL', () => {
  it.each<[string, Partial<SearchRequest>]>([
    ['relevance with a query', {}],
    [
      'relevance after a cursor',
      { after: { order: TaskSearchOrder.RELEVANCE, rank: '-1', levelRank: 2, position: 3, taskId: ID } },
    ],
    [
      'deadline after a cursor',
      {
        order: TaskSearchOrder.DEADLINE,
        after: { order: TaskSearchOrder.DEADLINE, due: '2025-12-15', taskId: ID },
      },
    ],
    ['no query', { query: null }],
  ])('passes every value as a parameter (%s)', (_name, overrides) => {
    const { page, count } = searchStatements(request(overrides));
    for (const statement of [page, count]) {
      expect(statement.sql).not.toContain('DROP');
      expect(statement.sql).not.toMatch(/'68'|'24682'|2025-|IN_PROGRESS|RED|COMMUNE/);
      const placeholders = new Set(statement.sql.match(/\$\d+/g));
      expect(placeholders.size).toBe(statement.params.length);
    }
    expect(page.params.at(-1)).toBe(21);
  });

  it('escapes LIKE wildcards in agency', () => {
    const { count } = searchStatements(request({}));
    expect(count.params).toContain('Sở 100\\%\\_\\\\');
  });

  it('asks for the light only when the filter names lights', () => {
    const without = searchStatements(request({ filter: { provinceCode: '19' }, asOf: null }));
    expect(without.count.sql).not.toContain('task_state');
    expect(without.count).toEqual({
      sql: "SELECT count(*)::int AS count\nFROM task_search s\nWHERE s.document @@ websearch_to_tsquery('pg_catalog.simple', search_fold($1))\n  AND s.province_code = $2",
      params: [HOSTILE, '19'],
    });
    expect(searchStatements(request({})).count.sql).toContain('CROSS JOIN LATERAL task_state(');
  });
});
