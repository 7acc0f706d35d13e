import { useTestHub } from '../support/hub';
import { collect, wsClient } from '../support/live';
import { seedTasks, updateMutation } from '../support/seed-tasks';

// The head of the event log: read before a view's data, it is the cursor to subscribe after so that an event
// committed between the read and the subscription is replayed, not lost.
const hub = useTestHub();

const HEAD = 'query EventLogHead { eventLogHead }';
const LIVE = `subscription AfterHead($filter: TaskEventFilter, $after: String) {
  taskStatusChanged(filter: $filter, after: $after) { cursor progress }
}`;

async function head(): Promise<string> {
  const answer = await hub().query<{ eventLogHead: string }>(HEAD, {}, null);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.eventLogHead;
}

test('an event committed after the head was read and before the subscription started is delivered first', async () => {
  const { get } = await seedTasks(hub());
  const task = get('003-81');
  const before = await head();
  // Committed in the window a view has between reading its data and subscribing.
  const missed = await hub().query<{ report: { event: { cursor: string } } }>(updateMutation(task.typename), {
    input: { id: task.id, status: 'IN_PROGRESS', progress: 30, expectedVersion: task.version },
  });
  const cursor = missed.data!.report.event.cursor;
  expect(await head()).toBe(cursor);
  const client = wsClient(hub().gateway.wsUrl);
  try {
    const live = collect<{ cursor: string; progress: number }>(client, 'taskStatusChanged', LIVE, {
      filter: { taskId: task.id },
      after: before,
    });
    expect(await live.waitFor(1)).toEqual([{ cursor, progress: 30 }]);
    live.stop();
  } finally {
    await client.dispose();
  }
});
