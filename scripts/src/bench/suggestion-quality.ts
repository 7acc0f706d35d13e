import { LINK_SUGGESTION_THRESHOLD, readSeedLinks, readSeedPlans, seedIds } from '@nq57/shared';
import type { HubHandle } from '../hub';
import { fetchPlanSuggestions, targetOf, type FetchedTask } from './suggestion-client';

/** How well one plan's suggestions find the links the seed data holds. */
export interface PlanQuality {
  plan: string;
  tasks: number;
  links: number;
  atOne: number;
  atThree: number;
  /** Suggestions at or above the default threshold, and how many of them are not seed links. */
  accepted: number;
  wrong: number;
}

/** What would be accepted automatically at a threshold, over all seed plans. */
export interface ThresholdRow {
  threshold: number;
  accepted: number;
  wrong: number;
}

/** The quality figures of the seed data. */
export interface QualityReport {
  hiddenLinks: number;
  plans: PlanQuality[];
  total: PlanQuality;
  sweep: ThresholdRow[];
  /** The best score of a suggestion that is not a seed link: the threshold must stay above it. */
  bestWrongScore: number;
  /** Seed links not in their task's top 3, as "task → target (rank n)". */
  misses: string[];
}

const THRESHOLDS = [0.6, 0.7, 0.75, 0.8, 0.82, 0.85, 0.9, 0.95];
// Enough to hold every candidate above any threshold swept: auto-accept needs a cited number.
const FIRST = 20;

/**
 * Hides the seed's trace links (deletes them from both levels; the mirror follows), asks for the suggestions of
 * every seed task through the gateway and compares them with links.json.
 */
export async function measureQuality(hub: HubHandle): Promise<QualityReport> {
  const hiddenLinks = await hideLinks(hub);
  const gold = seedLinks();
  const scored: { plan: string; tasks: FetchedTask[] }[] = [];
  for (const level of ['provincial', 'commune'] as const) {
    for (const plan of readSeedPlans(level)) {
      const tasks = await fetchPlanSuggestions(hub, { level, id: seedIds.plan(plan.plan.key) }, FIRST);
      scored.push({ plan: `${plan.plan.key} ${plan.plan.number ?? '(no number)'}`, tasks });
    }
  }
  const plans = scored.map(({ plan, tasks }) => planQuality(plan, tasks, gold));
  const all = scored.flatMap(({ tasks }) => tasks);
  return {
    hiddenLinks,
    plans,
    total: planQuality('all', all, gold),
    sweep: THRESHOLDS.map((threshold) => ({ threshold, ...accepted(all, gold, threshold) })),
    bestWrongScore: Math.max(0, ...wrongScores(all, gold)),
    misses: misses(all, gold),
  };
}

async function hideLinks(hub: HubHandle): Promise<number> {
  let count = 0;
  for (const level of [hub.provincial, hub.commune]) {
    const [{ n }] = (await level.dataSource.query(
      'WITH gone AS (DELETE FROM task_link RETURNING 1) SELECT count(*)::int AS n FROM gone',
    )) as { n: number }[];
    count += n;
  }
  return count;
}

function seedLinks(): Map<string, Set<string>> {
  const gold = new Map<string, Set<string>>();
  for (const link of readSeedLinks()) {
    gold.set(seedIds.task(link.task), new Set(link.implements.map((key) => seedIds.centralTask(key))));
  }
  return gold;
}

function planQuality(plan: string, tasks: FetchedTask[], gold: Map<string, Set<string>>): PlanQuality {
  let links = 0;
  let atOne = 0;
  let atThree = 0;
  for (const task of tasks) {
    const targets = task.suggestedLinks.map(targetOf);
    for (const target of gold.get(task.id) ?? []) {
      const rank = targets.indexOf(target) + 1;
      links++;
      if (rank === 1) atOne++;
      if (rank >= 1 && rank <= 3) atThree++;
    }
  }
  return {
    plan,
    tasks: tasks.length,
    links,
    atOne,
    atThree,
    ...accepted(tasks, gold, LINK_SUGGESTION_THRESHOLD),
  };
}

function accepted(tasks: FetchedTask[], gold: Map<string, Set<string>>, threshold: number) {
  let count = 0;
  let wrong = 0;
  for (const task of tasks) {
    for (const suggestion of task.suggestedLinks.filter((s) => s.score >= threshold)) {
      count++;
      if (!gold.get(task.id)?.has(targetOf(suggestion))) wrong++;
    }
  }
  return { accepted: count, wrong };
}

function wrongScores(tasks: FetchedTask[], gold: Map<string, Set<string>>): number[] {
  return tasks.flatMap((task) =>
    task.suggestedLinks.filter((s) => !gold.get(task.id)?.has(targetOf(s))).map((s) => s.score),
  );
}

function misses(tasks: FetchedTask[], gold: Map<string, Set<string>>): string[] {
  const keyOf = new Map(
    readSeedLinks().flatMap((link) => link.implements.map((key) => [seedIds.centralTask(key), key])),
  );
  return tasks.flatMap((task) => {
    const targets = task.suggestedLinks.map(targetOf);
    return [...(gold.get(task.id) ?? [])]
      .map((target) => ({ target, rank: targets.indexOf(target) + 1 }))
      .filter(({ rank }) => rank === 0 || rank > 3)
      .map(
        ({ target, rank }) =>
          `${task.ref} → ${keyOf.get(target) ?? target} (${rank === 0 ? `not in the top ${FIRST}` : `rank ${rank}`})`,
      );
  });
}
