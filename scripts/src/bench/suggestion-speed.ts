import { Role, localKeyPair, officialCommunes, readSeedPlans, signToken } from '@nq57/shared';
import type { HubHandle } from '../hub';
import { timeRuns, type Percentiles } from './harness';
import { planSuggestionsQuery, postGateway, type PlanRef } from './suggestion-client';

/** The time of one plan's suggestions through the gateway, and the statements each subgraph ran for it. */
export interface SpeedFigure extends Percentiles {
  level: PlanRef['level'];
  tasks: number;
  jurisdiction: string;
  statements: Record<string, number>;
}

const PLAN_TASKS = 100;
const PROVINCE = '19';
const WARM_UP = 2;

/**
 * Writes a 100-task provincial plan of Thái Nguyên and a 100-task commune plan of one of its communes (the seed
 * rows' printed text, in turn), then times `suggestedLinks` (default `first`) for every task of each.
 */
export async function measureSpeed(hub: HubHandle, runs: number): Promise<SpeedFigure[]> {
  const token = await adminToken();
  const commune = officialCommunes().find((c) => c.provinceCode === PROVINCE);
  if (!commune) throw new Error(`No commune in province ${PROVINCE}`);
  const plans: [PlanRef['level'], string][] = [
    ['provincial', PROVINCE],
    ['commune', commune.code],
  ];
  const figures: SpeedFigure[] = [];
  for (const [level, jurisdiction] of plans) {
    const plan = { level, id: await createPlan(hub, level, jurisdiction, token) };
    figures.push({ level, tasks: PLAN_TASKS, jurisdiction, ...(await time(hub, plan, runs)) });
  }
  return figures;
}

async function time(hub: HubHandle, plan: PlanRef, runs: number) {
  const query = planSuggestionsQuery(plan, 5);
  const once = async (): Promise<void> => {
    await postGateway(hub, query, { id: plan.id });
  };
  const levels = [hub.central, hub.provincial, hub.commune];
  const before = levels.map((level) => level.queries.total);
  await once();
  const statements = Object.fromEntries(
    levels.map((level, i) => [level.name, level.queries.total - before[i]]),
  );
  return { ...(await timeRuns(once, WARM_UP, runs)), statements };
}

async function createPlan(
  hub: HubHandle,
  level: PlanRef['level'],
  jurisdiction: string,
  token: string,
): Promise<string> {
  const rows = [...readSeedPlans('provincial'), ...readSeedPlans('commune')].flatMap((plan) => plan.tasks);
  const tasks = Array.from({ length: PLAN_TASKS }, (_, i) => {
    const row = rows[(i * 7) % rows.length];
    return { ordinal: String(i + 1), content: row.content, lead: row.lead, deadline: row.deadline };
  });
  const code = level === 'provincial' ? { provinceCode: jurisdiction } : { communeCode: jurisdiction };
  const prefix = level === 'provincial' ? 'Provincial' : 'Commune';
  const data = await postGateway<Record<string, { id: string }>>(
    hub,
    `mutation Create($input: ${prefix}PlanInput!) { create${prefix}Plan(input: $input) { id } }`,
    {
      input: {
        ...code,
        number: `S-${jurisdiction}/KH-UBND`,
        kind: 'PLAN',
        title: 'Suggestion benchmark',
        tasks,
      },
    },
    token,
  );
  return data[`create${prefix}Plan`].id;
}

async function adminToken(): Promise<string> {
  const { privateKey } = await localKeyPair(process.env.NQ57_AUTH_DIR!);
  return signToken(
    { subject: 'bench-suggestions', role: Role.ADMIN, jurisdiction: 'central', ttlSeconds: 3600 },
    { issuer: 'nq57-hub', audience: 'nq57-hub', signingKey: privateKey, algorithm: 'ES256' },
  );
}
