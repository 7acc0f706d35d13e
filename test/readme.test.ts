import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestHub } from './support/hub';
import { collect, wsClient } from './support/live';
import { tokenFor } from './support/tokens';

// The README's examples, run against a freshly seeded hub: its printed output is what the hub answers.
const hub = useTestHub();
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The fenced blocks of `lang` in the README's section titled `heading`, in order. */
function blocks(heading: string, lang: 'graphql' | 'json'): string[] {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
}

async function data<T>(query: string): Promise<T> {
  const answer = await hub().query<T>(query, {}, null);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

test('One trace: the task printed is the one the Trace query returns', async () => {
  const [query] = blocks('One trace, with its real output', 'graphql');
  const [printed] = blocks('One trace, with its real output', 'json').map((text) => JSON.parse(text));
  const answer = await data<{ directive: { tasks: { ref: string }[] } }>(query);
  expect(answer.directive.tasks.find((task) => task.ref === printed.ref)).toEqual(printed);
});

test('Monitoring: the printed output is the whole answer', async () => {
  const [query] = blocks('Monitoring', 'graphql');
  const [printed] = blocks('Monitoring', 'json').map((text) => JSON.parse(text));
  expect(await data(query)).toEqual(printed);
});

test('Search: the printed counts, in all and per level', async () => {
  const match = /counts (\d+) tasks: (\d+) central, (\d+) provincial and (\d+) commune/.exec(README);
  if (!match) throw new Error('README no longer prints the search counts');
  const count = async (level?: string): Promise<number> => {
    const filter = level ? `, filter: { levels: [${level}] }` : '';
    const answer = await data<{ searchTasks: { totalCount: number } }>(
      `query SearchCount { searchTasks(query: "chuyen doi so"${filter}) { totalCount } }`,
    );
    return answer.searchTasks.totalCount;
  };
  expect(await Promise.all([count(), count('CENTRAL'), count('PROVINCIAL'), count('COMMUNE')])).toEqual(
    match.slice(1).map(Number),
  );
});

test('Live status: the printed report reaches the printed subscription as printed', async () => {
  const [subscription, mutation] = blocks('Live status', 'graphql');
  const [printed] = blocks('Live status', 'json').map((text) => JSON.parse(text));
  const client = wsClient(hub().gateway.wsUrl);
  try {
    const live = collect<Record<string, unknown>>(client, 'taskStatusChanged', subscription, {
      filter: { directiveNumber: '71/NQ-CP' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const token = await tokenFor({ role: 'reporter', jurisdiction: '24682' });
    const input = {
      id: printed.task.id,
      status: printed.to,
      progress: printed.progress,
      note: printed.note,
      expectedVersion: 1,
      idempotencyKey: /idempotencyKey: "([^"]+)"/.exec(mutation)?.[1],
    };
    const report = await hub().query(mutation, { input }, token);
    if (report.errors) throw new Error(JSON.stringify(report.errors));
    const [event] = await live.waitFor(1);
    live.stop();
    const { content, ...task } = event.task as { content: string };
    // The README shortens the content and shows the time and cursor of its own run.
    expect({ ...event, at: typeof event.at, cursor: typeof event.cursor, task }).toEqual({
      ...printed,
      at: 'string',
      cursor: 'string',
      task: { ...printed.task, content: undefined },
    });
    expect(content.startsWith(printed.task.content.replace(/ …$/, ''))).toBe(true);
  } finally {
    await client.dispose();
  }
});

test('Amending: the printed answer is what a planner of the province gets', async () => {
  const heading = 'Bringing plans in, and amending them';
  const [mutation] = blocks(heading, 'graphql');
  const [printed] = blocks(heading, 'json').map((text) => JSON.parse(text));
  const token = await tokenFor({ role: 'planner', jurisdiction: '19' });
  expect(await hub().query(mutation, {}, token)).toEqual({ data: printed });
});
