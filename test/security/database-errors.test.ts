import { Client } from 'pg';
import { useTestHub } from '../support/hub';

// A subgraph whose database connection drops mid-request answers with a code and no driver text.
const hub = useTestHub();

const TRACE = 'query DroppedTrace { directive(number: "71/NQ-CP") { number } }';

/** Runs `query` through the gateway while its statement waits on a lock, and kills that statement's backend. */
async function answerWithKilledBackend(): Promise<unknown> {
  const holder = new Client({ connectionString: hub().databaseUrl });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE central.directive IN ACCESS EXCLUSIVE MODE');
    const answer = hub().query(TRACE);
    for (let killed = 0; killed === 0;) {
      const { rows } = await holder.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
      killed = rows.length;
      if (!killed) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query('ROLLBACK');
    return await answer;
  } finally {
    await holder.end();
  }
}

test('a connection terminated under a query is answered DATABASE_UNAVAILABLE, and the next query is served', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const answer = (await answerWithKilledBackend()) as { errors: { extensions: { reference: string } }[] };
  // The driver's text goes to the subgraph's log, under the reference the client was given.
  const referenced = logged.mock.calls.filter(([first]) => /^\[[0-9a-f-]{36}\]$/.test(String(first)));
  expect(referenced.map(([reference, error]) => [reference, (error as Error).message])).toEqual([
    [`[${answer.errors[0].extensions.reference}]`, 'terminating connection due to administrator command'],
  ]);
  logged.mockRestore();
  expect(answer).toEqual({
    data: { directive: null },
    errors: [
      {
        message: 'The database did not answer; try again.',
        path: ['directive'],
        extensions: { code: 'DATABASE_UNAVAILABLE', reference: expect.any(String), serviceName: 'central' },
      },
    ],
  });
  expect(await hub().query(TRACE)).toEqual({ data: { directive: { number: '71/NQ-CP' } } });
});
