import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** A seeded task the benchmark reports on, with the state its last accepted report left. */
export interface BenchTask {
  id: string;
  mutation: 'updateProvincialTaskStatus' | 'updateCommuneTaskStatus';
  version: number;
  status: string;
  progress: number;
}

/** What a run of updates did. */
export interface WriteResult {
  sent: number;
  committed: number;
  /** Refused or failed updates by error code or message. */
  failures: Map<string, number>;
  /** Ticks of a fixed-rate run that found every task with an update in flight (nothing sent). */
  skipped: number;
  /** Seconds from the first update sent to the last one answered (at least the planned duration). */
  seconds: number;
  /** Round-trip time of each committed update through the gateway, in ms. */
  latencies: number[];
}

interface TaskRow {
  id: string;
  version: number;
  status: string;
  progress: number;
}

const TASKS_QUERY = `query BenchTasks {
  province(code: "19") { plans { tasks { id version status progress } } }
  commune(code: "24682") { plans { tasks { id version status progress } } }
}`;

/** Where the writers send updates, with the token they send them with. */
export interface WriteTarget {
  url: string;
  token: string;
}

// Keep-alive connections reused by every writer. node:http rather than Node's fetch: on this 2-vCPU VM fetch
// (undici) costs the load generator about 0.6 ms of CPU a request and node:http about 0.1 ms, and the load
// generator shares the cores with the hub it measures. An idle socket is closed after 4 s, as undici does, well
// before the servers' 65 s, so a writer never reuses one the server is closing.
const AGENT = new http.Agent({ keepAlive: true, timeout: 4000 });

/** Sends one GraphQL request over HTTP (with a bearer token when given) and returns its JSON answer. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const body = JSON.stringify({ query, variables });
  const response = await post(url, body, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const ok = response.status >= 200 && response.status < 300;
  if (!ok && !response.contentType.includes('json')) {
    return { errors: [{ message: `HTTP ${response.status}` }] };
  }
  return JSON.parse(response.text) as Awaited<ReturnType<typeof graphql<T>>>;
}

/** POSTs `body` on a pooled keep-alive connection and resolves with the whole answer. */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; contentType: string; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        agent: AGENT,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The seeded tasks of Thái Nguyên's plans (province 19) and Xã Thuận An's plans (commune 24682). */
export async function loadTasks(gatewayUrl: string): Promise<BenchTask[]> {
  type Plans = { plans: { tasks: TaskRow[] }[] } | null;
  const { data, errors } = await graphql<{ province: Plans; commune: Plans }>(gatewayUrl, TASKS_QUERY);
  if (!data?.province || !data.commune) throw new Error(`Could not load tasks: ${JSON.stringify(errors)}`);
  const rows = (plans: Plans): TaskRow[] => plans?.plans.flatMap((plan) => plan.tasks) ?? [];
  return [
    ...rows(data.province).map((row) => ({ ...row, mutation: 'updateProvincialTaskStatus' as const })),
    ...rows(data.commune).map((row) => ({ ...row, mutation: 'updateCommuneTaskStatus' as const })),
  ];
}

/**
 * Hands out tasks round robin, never one that has an update in flight. A queue with a moving head: the national
 * pool holds 167,901 tasks, and `Array.prototype.shift` on it cost the load generator 0.6 ms a report (22 % of
 * its CPU), on the cores the hub runs on.
 */
export class TaskPool {
  private free: BenchTask[];
  private head = 0;

  constructor(tasks: readonly BenchTask[]) {
    this.free = [...tasks];
  }

  /** The next task with no update in flight, or null when all are busy. */
  take(): BenchTask | null {
    if (this.head === this.free.length) return null;
    const task = this.free[this.head++];
    // Drop the taken front now and then, so the array does not grow with every round.
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.free.length) {
      this.free = this.free.slice(this.head);
      this.head = 0;
    }
    return task;
  }

  /** Makes a task available again, at the end of the round. */
  release(task: BenchTask): void {
    this.free.push(task);
  }

  /** Tasks free to take now. */
  get size(): number {
    return this.free.length - this.head;
  }
}

const COMPACT_AFTER = 1024;

/** Sends `rate` updates a second for `seconds` (open loop: late ticks catch up), then waits for the answers. */
export async function writeAtRate(
  target: WriteTarget,
  pool: TaskPool,
  rate: number,
  seconds: number,
): Promise<WriteResult> {
  const result = emptyResult();
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  for (let tick = 0; tick < total; tick++) {
    const wait = startedAt + (tick * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const task = pool.take();
    if (!task) result.skipped++;
    else inFlight.push(sendUpdate(target, pool, task, result));
  }
  await Promise.all(inFlight);
  result.seconds = Math.max(seconds, (performance.now() - startedAt) / 1000);
  return result;
}

/** `writers` concurrent loops, each sending its next update as soon as the last one is answered. */
export async function writeFlatOut(
  target: WriteTarget,
  pool: TaskPool,
  writers: number,
  seconds: number,
): Promise<WriteResult> {
  const result = emptyResult();
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const task = pool.take();
      if (task) await sendUpdate(target, pool, task, result);
      else await sleep(1);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  result.seconds = (performance.now() - startedAt) / 1000;
  return result;
}

/** Committed updates per second of a run. */
export function commitRate(result: WriteResult): number {
  return result.committed / result.seconds;
}

/** A write result with nothing sent yet. */
export function emptyResult(): WriteResult {
  return { sent: 0, committed: 0, failures: new Map(), skipped: 0, seconds: 0, latencies: [] };
}

/** Moves a task to IN_PROGRESS with progress one higher (back to 1, with a reason, after 100). */
export async function sendUpdate(
  target: WriteTarget,
  pool: TaskPool,
  task: BenchTask,
  result: WriteResult,
): Promise<void> {
  const climbing = task.status === 'IN_PROGRESS' && task.progress < 100;
  const input = {
    id: task.id,
    status: 'IN_PROGRESS',
    progress: climbing ? task.progress + 1 : 1,
    note: climbing || task.status === 'NOT_STARTED' ? undefined : 'benchmark: progress starts over',
    expectedVersion: task.version,
  };
  const query = `mutation BenchUpdate($input: TaskStatusInput!) {
    ${task.mutation}(input: $input) { task { version status progress } }
  }`;
  result.sent++;
  const sentAt = performance.now();
  try {
    const { data, errors } = await graphql<Record<string, { task: TaskRow }>>(
      target.url,
      query,
      { input },
      target.token,
    );
    const updated = data?.[task.mutation]?.task;
    if (updated) {
      Object.assign(task, { version: updated.version, status: updated.status, progress: updated.progress });
      result.committed++;
      result.latencies.push(performance.now() - sentAt);
    } else {
      countFailure(result, errors?.[0]?.extensions?.code ?? errors?.[0]?.message ?? 'no data');
    }
  } catch (error) {
    countFailure(result, error instanceof Error ? error.message : String(error));
  } finally {
    pool.release(task);
  }
}

function countFailure(result: WriteResult, reason: string): void {
  result.failures.set(reason, (result.failures.get(reason) ?? 0) + 1);
}
