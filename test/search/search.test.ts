import { subgraphsOf, useTestHub, type GraphQLResult } from '../support/hub';
import { allWords, deadlineOrder, listOrder, oracleTasks, perLevel, phrase, type OracleTask } from './oracle';

const hub = useTestHub();

// The day of the monitoring tests: no report made, lights as docs/monitoring.md tabulates them.
const AS_OF = '2025-12-10';

type Hit = { level: string; score: number | null; task: { __typename: string; id: string } };
type Page = {
  totalCount: number;
  edges: { cursor: string; node: Hit }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const SEARCH = `
  query Search($query: String, $filter: TaskSearchFilter, $asOf: String, $orderBy: TaskSearchOrder, $first: Int,
               $after: String) {
    searchTasks(query: $query, filter: $filter, asOf: $asOf, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { level score task { __typename id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Variables = {
  query?: string;
  filter?: Record<string, unknown>;
  asOf?: string;
  orderBy?: 'RELEVANCE' | 'DEADLINE';
  first?: number;
  after?: string;
};

async function search(variables: Variables): Promise<Page> {
  const { data, errors } = await hub().query<{ searchTasks: Page }>(
    SEARCH,
    variables as Record<string, unknown>,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return (data as { searchTasks: Page }).searchTasks;
}

/** Every hit of a search, page by page, checking that the pages chain up. */
async function walk(variables: Variables, first: number): Promise<Hit[]> {
  const hits: Hit[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await search({ ...variables, first, after });
    hits.push(...page.edges.map((edge) => edge.node));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return hits;
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor as string;
  }
  throw new Error('more than 100 pages');
}

const ids = (hits: Hit[]): string[] => hits.map((hit) => hit.task.id);
const sorted = (values: string[]): string[] => [...values].sort();
const idsOf = (tasks: OracleTask[]): string[] => sorted(tasks.map((task) => task.id));

function codesOf(result: GraphQLResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

function eventsStatements(): number {
  const events = subgraphsOf(hub()).find((subgraph) => subgraph.name === 'events');
  if (!events) throw new Error('no events subgraph');
  return events.queries.total;
}

let tasks: OracleTask[];

beforeAll(async () => {
  tasks = await oracleTasks(hub(), AS_OF);
});

describe('searchTasks on the seed data', () => {
  it('indexes every seeded task of the three levels', async () => {
    // 98 central tasks; 30 + 6 + 10 + 85 provincial rows (000-003); 20 rows of Thuận An (004).
    expect(perLevel(tasks)).toEqual({ CENTRAL: 98, PROVINCIAL: 131, COMMUNE: 20 });
    const all = await walk({}, 100);
    expect(ids(all)).toEqual(listOrder(tasks));
  });

  it('finds "chuyển đổi số" without accents, in any case, across all three levels', async () => {
    const expected = allWords(tasks, 'chuyển đổi số');
    // The words "chuyển", "đổi" and "số" anywhere in a task's content, lead, section or output.
    expect(perLevel(expected)).toEqual({ CENTRAL: 15, PROVINCIAL: 79, COMMUNE: 16 });
    for (const query of ['chuyen doi so', 'chuyển đổi số', 'CHUYỂN ĐỔI SỐ', '  Chuyen   DOI so ']) {
      const page = await search({ query, first: 100 });
      expect([query, page.totalCount]).toEqual([query, 110]);
      const hits = await walk({ query }, 50);
      expect([query, sorted(ids(hits))]).toEqual([query, idsOf(expected)]);
    }
  });

  it('folds in SQL as the oracle does: đ is d, marks go, case goes', async () => {
    const [row] = await hub().events.dataSource.query(
      `SELECT search_fold('Đường Đắk Lắk, Thuận An: ỨNG DỤNG AI') AS precomposed, search_fold($1) AS decomposed`,
      ['Ứng dụng trí tuệ'.normalize('NFD')],
    );
    expect(row).toEqual({
      precomposed: 'duong dak lak, thuan an: ung dung ai',
      decomposed: 'ung dung tri tue',
    });
  });

  it('decomposed input (NFD) finds what precomposed input finds', async () => {
    const precomposed = await search({ query: 'trí tuệ nhân tạo', first: 100 });
    const decomposed = await search({ query: 'trí tuệ nhân tạo'.normalize('NFD'), first: 100 });
    expect(perLevel(allWords(tasks, 'tri tue nhan tao'))).toEqual({ CENTRAL: 1, PROVINCIAL: 1, COMMUNE: 1 });
    expect(ids(decomposed.edges.map((edge) => edge.node))).toEqual(
      ids(precomposed.edges.map((edge) => edge.node)),
    );
    expect(sorted(ids(precomposed.edges.map((edge) => edge.node)))).toEqual(
      idsOf(allWords(tasks, 'tri tue nhan tao')),
    );
  });

  it('reads quotes as a phrase, -word as an exclusion and `or` as an alternative', async () => {
    const quoted = await walk({ query: '"chuyen doi so"' }, 100);
    const inPhrase = phrase(tasks, 'chuyen doi so');
    expect(perLevel(inPhrase)).toEqual({ CENTRAL: 14, PROVINCIAL: 78, COMMUNE: 16 });
    expect(sorted(ids(quoted))).toEqual(idsOf(inPhrase));

    const excluded = await walk({ query: 'chuyen doi so -xa' }, 100);
    const withXa = new Set(allWords(tasks, 'xa').map((task) => task.id));
    expect(sorted(ids(excluded))).toEqual(
      idsOf(allWords(tasks, 'chuyen doi so').filter((task) => !withXa.has(task.id))),
    );

    const either = await walk({ query: 'blockchain or "ban dan" ' }, 100);
    expect(sorted(ids(either))).toEqual(
      sorted([...new Set([...idsOf(allWords(tasks, 'blockchain')), ...idsOf(phrase(tasks, 'ban dan'))])]),
    );
  });

  it('ranks by relevance: scores never rise, ties go by level, position and id', async () => {
    const hits = await walk({ query: 'chuyen doi so' }, 100);
    const scores = hits.map((hit) => hit.score as number);
    expect(scores.every((score) => typeof score === 'number' && score > 0)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byId = new Map(tasks.map((task) => [task.id, task]));
    for (let i = 1; i < hits.length; i++) {
      if (hits[i].score !== hits[i - 1].score) continue;
      const [a, b] = [byId.get(hits[i - 1].task.id), byId.get(hits[i].task.id)] as OracleTask[];
      expect([a.ref, b.ref, tieOrdered(a, b)]).toEqual([a.ref, b.ref, true]);
    }
  });

  it('orders by deadline: governing due date ascending, tasks without one last, then id', async () => {
    const expected = allWords(tasks, 'chuyen doi so');
    const hits = await walk({ query: 'chuyen doi so', orderBy: 'DEADLINE' }, 9);
    expect(ids(hits)).toEqual(deadlineOrder(expected));
    const dues = hits.map((hit) => tasks.find((task) => task.id === hit.task.id)?.due ?? '9999');
    expect(dues).toEqual([...dues].sort());
  });

  it('narrows to exact counts with each filter', async () => {
    const count = async (filter: Record<string, unknown>, query?: string): Promise<number> =>
      (await search({ query, filter, asOf: AS_OF, first: 1 })).totalCount;
    const matching = allWords(tasks, 'chuyen doi so');
    const expect_ = async (
      filter: Record<string, unknown>,
      keep: (task: OracleTask) => boolean,
      expected: number,
    ): Promise<void> => {
      // The count the oracle gives, written out, and the same count from searchTasks, with and without a query.
      expect([filter, tasks.filter(keep).length]).toEqual([filter, expected]);
      expect([filter, await count(filter)]).toEqual([filter, expected]);
      expect([filter, await count(filter, 'chuyen doi so')]).toEqual([filter, matching.filter(keep).length]);
    };
    await expect_({ levels: ['COMMUNE'] }, (t) => t.level === 'COMMUNE', 20);
    await expect_({ levels: ['CENTRAL', 'COMMUNE'] }, (t) => t.level !== 'PROVINCIAL', 118);
    // Thái Nguyên: 003's 85 rows; Lâm Đồng (68): Thuận An's 20 rows, through the commune's province.
    await expect_({ provinceCode: '19' }, (t) => t.provinceCode === '19', 85);
    await expect_({ provinceCode: '68' }, (t) => t.provinceCode === '68', 20);
    await expect_({ communeCode: '24682' }, (t) => t.communeCode === '24682', 20);
    await expect_({ group: 3 }, (t) => t.group === 3, 52);
    await expect_({ statuses: ['NOT_STARTED'] }, () => true, 249);
    await expect_({ statuses: ['IN_PROGRESS', 'CANCELLED'] }, () => false, 0);
    // The lights of docs/monitoring.md as of 2025-12-10: RED = 4 central + 12 + 1 + 3 provincial.
    await expect_({ lights: ['RED'] }, (t) => t.light === 'RED', 20);
    await expect_({ lights: ['GREY', 'YELLOW'] }, (t) => t.light === 'GREY' || t.light === 'YELLOW', 100);
    await expect_(
      { agency: 'so khoa hoc va cong nghe' },
      (t) => t.lead.includes('so khoa hoc va cong nghe'),
      32,
    );
    await expect_({ agency: 'UBND CẤP XÃ' }, (t) => t.lead.includes('ubnd cap xa'), 29);
    await expect_(
      { dueFrom: '2025-12-01', dueTo: '2025-12-31' },
      (t) => inRange(t.due, '2025-12-01', '2025-12-31'),
      130,
    );
    await expect_({ dueFrom: '2026-01-01' }, (t) => inRange(t.due, '2026-01-01', '9999'), 49);
    await expect_({ dueTo: '2025-09-30' }, (t) => inRange(t.due, '0000', '2025-09-30'), 14);
    await expect_(
      { levels: ['PROVINCIAL'], provinceCode: '19', lights: ['YELLOW'], dueTo: '2025-12-15' },
      (t) => t.provinceCode === '19' && t.light === 'YELLOW' && inRange(t.due, '0000', '2025-12-15'),
      24,
    );
  });

  it('lists every task a filter matches when the query is blank, in level, position, id order', async () => {
    const filter = { provinceCode: '15' };
    const expected = tasks.filter((task) => task.provinceCode === '15');
    expect(expected).toHaveLength(30);
    for (const query of [undefined, '', '   ']) {
      const hits = await walk({ query, filter }, 7);
      expect(ids(hits)).toEqual(listOrder(expected));
      expect(hits.every((hit) => hit.score === null)).toBe(true);
    }
  });

  it('walks every page with no duplicate and no gap, in both orders', async () => {
    for (const orderBy of ['RELEVANCE', 'DEADLINE'] as const) {
      const whole = await search({ query: 'du lieu', orderBy, first: 100 });
      expect(whole.pageInfo.hasNextPage).toBe(false);
      for (const first of [4, 25]) {
        const paged = await walk({ query: 'du lieu', orderBy }, first);
        expect([orderBy, first, ids(paged)]).toEqual([orderBy, first, ids(whole.edges.map((e) => e.node))]);
      }
      expect(sorted(ids(whole.edges.map((e) => e.node)))).toEqual(idsOf(allWords(tasks, 'du lieu')));
    }
  });

  it('answers a page in one SQL statement, and the count in one more, whatever the page size', async () => {
    const cost = async (first: number, totalCount: boolean): Promise<number> => {
      const before = eventsStatements();
      const { errors } = await hub().query(
        `query SearchCost($first: Int) {
          searchTasks(query: "chuyen doi so", filter: { lights: [RED, YELLOW] }, first: $first) {
            ${totalCount ? 'totalCount' : ''} edges { node { level score highlights { start end } task { id } } }
          }
        }`,
        { first },
      );
      expect(errors).toBeUndefined();
      return eventsStatements() - before;
    };
    expect([
      await cost(1, false),
      await cost(100, false),
      await cost(1, true),
      await cost(100, true),
    ]).toEqual([1, 1, 2, 2]);
  });

  it('marks the matched words of the content', async () => {
    const { data } = await hub().query<{
      searchTasks: {
        edges: { node: { highlights: { start: number; end: number }[]; task: { content: string } } }[];
      };
    }>(`query Highlights {
      searchTasks(query: "tri tue nhan tao", first: 3) {
        edges { node { highlights { start end } task { content } } }
      }
    }`);
    for (const { node } of data?.searchTasks.edges ?? []) {
      const marked = node.highlights.map(({ start, end }) =>
        node.task.content.slice(start, end).toLowerCase(),
      );
      expect(marked.length).toBeGreaterThanOrEqual(4);
      expect(new Set(marked)).toEqual(new Set(['trí', 'tuệ', 'nhân', 'tạo']));
    }
    expect(data?.searchTasks.edges).toHaveLength(3);
  });
});

describe('searchTasks input checks', () => {
  const tooLong = 'chuyển đổi số '.repeat(15);
  it.each([
    ['a query over 200 characters', { query: tooLong }, 'BAD_USER_INPUT'],
    ['first = 0', { first: 0 }, 'BAD_USER_INPUT'],
    ['first = 101', { first: 101 }, 'BAD_USER_INPUT'],
    ['a cursor that is not one', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT'],
    ['a cursor of the event log', { after: 'c2VxOjI' }, 'BAD_USER_INPUT'],
    ['a cursor with a forged key', { after: forged() }, 'BAD_USER_INPUT'],
    ['an empty list of levels', { filter: { levels: [] } }, 'BAD_USER_INPUT'],
    ['a province code that is not one', { filter: { provinceCode: '1; DROP TABLE x' } }, 'BAD_USER_INPUT'],
    ['a commune code that is not one', { filter: { communeCode: '246' } }, 'BAD_USER_INPUT'],
    ['group 9', { filter: { group: 9 } }, 'BAD_USER_INPUT'],
    ['a blank agency', { filter: { agency: '   ' } }, 'BAD_USER_INPUT'],
    ['a reversed due range', { filter: { dueFrom: '2026-01-01', dueTo: '2025-01-01' } }, 'BAD_USER_INPUT'],
    ['a due date that does not exist', { filter: { dueTo: '2025-02-30' } }, 'INVALID_DATE'],
    ['an asOf that is not a date', { asOf: '10/12/2025', filter: { lights: ['RED'] } }, 'INVALID_DATE'],
  ])('refuses %s', async (_name, variables, code) => {
    const result = await hub().query(SEARCH, variables as Record<string, unknown>);
    expect([result.data ?? null, codesOf(result)]).toEqual([null, [code]]);
  });

  it('refuses a cursor made for another query, filter, order or day', async () => {
    const page = await search({ query: 'chuyen doi so', filter: { lights: ['RED'] }, asOf: AS_OF, first: 1 });
    const after = page.pageInfo.endCursor as string;
    for (const other of [
      { query: 'chuyen doi', filter: { lights: ['RED'] }, asOf: AS_OF },
      { query: 'chuyen doi so', filter: { lights: ['RED', 'GREY'] }, asOf: AS_OF },
      { query: 'chuyen doi so', filter: { lights: ['RED'] }, asOf: '2025-12-11' },
      { query: 'chuyen doi so', filter: { lights: ['RED'] }, asOf: AS_OF, orderBy: 'DEADLINE' },
    ]) {
      const result = await hub().query(SEARCH, { ...other, after, first: 1 });
      expect([other, codesOf(result)]).toEqual([other, ['BAD_USER_INPUT']]);
    }
    // The same search, with the query spelt with accents and extra spaces, is the same search.
    const same = await search({
      query: ' chuyển  đổi số',
      filter: { lights: ['RED'] },
      asOf: AS_OF,
      first: 1,
      after,
    });
    expect(same.edges).toHaveLength(1);
  });

  it('matches nothing, without an error, for a query of punctuation only', async () => {
    expect(await search({ query: '!!! ??? ...', first: 5 })).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('takes LIKE wildcards in agency literally', async () => {
    expect((await search({ filter: { agency: '%' }, first: 1 })).totalCount).toBe(
      tasks.filter((task) => task.lead.includes('%')).length,
    );
    expect((await search({ filter: { agency: 's_ khoa' }, first: 1 })).totalCount).toBe(0);
  });
});

/** A cursor shaped like the hub's, with a binding no search has: refused. */
function forged(): string {
  return Buffer.from(
    JSON.stringify(['s1', 'AAAAAAAAAAAAAAAA', '0', 0, 1, '00000000-0000-0000-0000-000000000000']),
  ).toString('base64url');
}

function inRange(due: string | null, from: string, to: string): boolean {
  return due !== null && due >= from && due <= to;
}

/** Two hits of equal score come in level, position, id order. */
function tieOrdered(a: OracleTask, b: OracleTask): boolean {
  return (
    a.levelRank < b.levelRank ||
    (a.levelRank === b.levelRank && (a.position < b.position || (a.position === b.position && a.id < b.id)))
  );
}
