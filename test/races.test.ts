import { seedIds } from '@nq57/shared';
import { useTestHub } from './support/hub';

// Races answered as their sequential twins: the same requests sent at once get what one-at-a-time would give.
const hub = useTestHub();
const TRIALS = 20;

type Answer = { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };

/** What an answer amounts to: "ok", or its first error code. */
function outcome(answer: Answer): string {
  return answer.errors?.[0]?.extensions?.code ?? (answer.data ? 'ok' : 'no data');
}

const CREATE_DIRECTIVE = `mutation RaceDirective($input: DocumentInput!) { createDirective(input: $input) { id } }`;

const PLAN = {
  provincial: {
    create: `mutation RaceProvincialPlan($input: ProvincialPlanInput!) { createProvincialPlan(input: $input) { id tasks { id } } }`,
    field: 'createProvincialPlan',
    jurisdiction: { provinceCode: '15' },
    link: `mutation RaceProvincialLink($input: LinkTaskInput!) { linkProvincialTask(input: $input) { id } }`,
    level: 'PROVINCIAL',
  },
  commune: {
    create: `mutation RaceCommunePlan($input: CommunePlanInput!) { createCommunePlan(input: $input) { id tasks { id } } }`,
    field: 'createCommunePlan',
    jurisdiction: { communeCode: '24682' },
    link: `mutation RaceCommuneLink($input: LinkTaskInput!) { linkCommuneTask(input: $input) { id } }`,
    level: 'COMMUNE',
  },
} as const;

/** A fresh plan of `count` tasks at `level`, for links no other trial touches. */
async function freshTasks(level: keyof typeof PLAN, count: number, trial: string): Promise<string[]> {
  const plan = PLAN[level];
  const answer = await hub().query<Record<string, { tasks: { id: string }[] }>>(plan.create, {
    input: {
      ...plan.jurisdiction,
      kind: 'PLAN',
      title: `Kế hoạch thử đồng thời ${trial}`,
      tasks: Array.from({ length: count }, (_unused, index) => ({ content: `Nhiệm vụ ${index + 1}` })),
    },
  });
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data[plan.field].tasks.map((task) => task.id);
}

function link(level: keyof typeof PLAN, from: string, to: string): Promise<Answer> {
  const plan = PLAN[level];
  return hub().query(plan.link, { input: { taskId: from, implements: [{ level: plan.level, id: to }] } });
}

describe('concurrent writes answer like the same writes one at a time', () => {
  it(`${TRIALS} identical createDirective calls at once: one is recorded, the others are DUPLICATE`, async () => {
    const answers = await Promise.all(
      Array.from({ length: TRIALS }, () =>
        hub().query(CREATE_DIRECTIVE, {
          input: { number: '777/QĐ-TTg', kind: 'DECISION', title: 'Quyết định thử đồng thời' },
        }),
      ),
    );
    const outcomes = answers.map(outcome).sort();
    expect(outcomes).toEqual(['ok', ...Array(TRIALS - 1).fill('DUPLICATE')].sort());
  });

  it.each([
    ['central', 'updateCentralTaskStatus', seedIds.centralTask('71/NQ-CP#6')],
    ['provincial', 'updateProvincialTaskStatus', seedIds.task('003-30')],
    ['commune', 'updateCommuneTaskStatus', seedIds.task('004-12')],
  ])(
    `${TRIALS} retries of one %s report at once: one is applied, the others replay it`,
    async (_level, field, id) => {
      const report = `mutation RaceRetry($input: TaskStatusInput!) {
        ${field}(input: $input) { replayed task { version } event { id } }
      }`;
      const input = {
        id,
        status: 'IN_PROGRESS',
        progress: 15,
        expectedVersion: 1,
        idempotencyKey: `race-${id}`,
      };
      const answers = (await Promise.all(
        Array.from({ length: TRIALS }, () => hub().query(report, { input })),
      )) as {
        data?: Record<string, { replayed: boolean; task: { version: number }; event: { id: string } }>;
      }[];
      const results = answers.map((answer) => answer.data?.[field]);
      expect({
        applied: results.filter((result) => result?.replayed === false).length,
        replayed: results.filter((result) => result?.replayed === true).length,
        events: new Set(results.map((result) => result?.event.id)).size,
        versions: [...new Set(results.map((result) => result?.task.version))],
      }).toEqual({ applied: 1, replayed: TRIALS - 1, events: 1, versions: [2] });
    },
  );

  describe.each(['provincial', 'commune'] as const)('%s plans', (level) => {
    const plan = PLAN[level];
    const create = (input: Record<string, unknown>): Promise<Answer> =>
      hub().query(plan.create, { input: { ...plan.jurisdiction, kind: 'PLAN', tasks: [], ...input } });

    it(`${TRIALS} identical creations at once, numbered and not: one is recorded, the others are DUPLICATE`, async () => {
      const numbered = { number: '99/KH-UBND', issuer: 'Ủy ban nhân dân', title: 'Kế hoạch có số' };
      const unnumbered = { title: `Kế hoạch không số ${level}`, issuedOn: '2025-11-20' };
      const answers = await Promise.all(
        [numbered, unnumbered].map((input) =>
          Promise.all(Array.from({ length: TRIALS }, () => create(input))),
        ),
      );
      expect(answers.map((batch) => batch.map(outcome).sort())).toEqual(
        Array(2).fill(['ok', ...Array(TRIALS - 1).fill('DUPLICATE')].sort()),
      );
    });

    it('a plan is the same document by jurisdiction, issuer and folded number, or title and date when unnumbered', async () => {
      const first = await create({ number: '88/KH-UBND', issuer: 'UBND', title: 'Bản đầu' });
      const recorded = (first.data as Record<string, { id: string }>)[plan.field].id;
      const again = await create({ number: ' 88/kh-ubnd', issuer: 'UBND', title: 'Bản in lại' });
      expect(again).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: 'This plan is already recorded as 88/KH-UBND',
            extensions: expect.objectContaining({ code: 'DUPLICATE', planId: recorded }),
          }),
        ],
      });
      const others = await Promise.all([
        create({ number: '88/KH-UBND', issuer: 'Sở Khoa học và Công nghệ', title: 'Bản đầu' }),
        create({ number: '89/KH-UBND', issuer: 'UBND', title: 'Bản đầu' }),
        create({ title: 'Bản đầu', issuer: 'UBND' }),
      ]);
      expect(others.map(outcome)).toEqual(['ok', 'ok', 'ok']);
    });
  });

  describe.each(['provincial', 'commune'] as const)('%s links', (level) => {
    it(`A→B and B→A at once, ${TRIALS} times: each time one link is made and the other is a CYCLE`, async () => {
      const tasks = await freshTasks(level, 2 * TRIALS, `${level} cycle`);
      const trials = await Promise.all(
        Array.from({ length: TRIALS }, async (_unused, trial) => {
          const [a, b] = [tasks[2 * trial], tasks[2 * trial + 1]];
          const answers = await Promise.all([link(level, a, b), link(level, b, a)]);
          return answers.map(outcome).sort();
        }),
      );
      expect(trials).toEqual(Array(TRIALS).fill(['CYCLE', 'ok']));
    });

    it(`B→C and C→A at once while A→B exists, ${TRIALS} times: one of them is a CYCLE`, async () => {
      const tasks = await freshTasks(level, 3 * TRIALS, `${level} triangle`);
      const trials = await Promise.all(
        Array.from({ length: TRIALS }, async (_unused, trial) => {
          const [a, b, c] = tasks.slice(3 * trial, 3 * trial + 3);
          const first = outcome(await link(level, a, b));
          const answers = await Promise.all([link(level, b, c), link(level, c, a)]);
          return [first, ...answers.map(outcome).sort()];
        }),
      );
      expect(trials).toEqual(Array(TRIALS).fill(['ok', 'CYCLE', 'ok']));
    });

    it(`the same link twice at once, ${TRIALS} times: one is made, the other is DUPLICATE_LINK`, async () => {
      const tasks = await freshTasks(level, 2 * TRIALS, `${level} duplicate`);
      const trials = await Promise.all(
        Array.from({ length: TRIALS }, async (_unused, trial) => {
          const [a, b] = [tasks[2 * trial], tasks[2 * trial + 1]];
          const answers = await Promise.all([link(level, a, b), link(level, a, b)]);
          return answers.map(outcome).sort();
        }),
      );
      expect(trials).toEqual(Array(TRIALS).fill(['DUPLICATE_LINK', 'ok']));
    });
  });
});
