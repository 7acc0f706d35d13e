import type { TestHub } from './hub';

/** The fields of a suggestion every test asserts, whole. */
const SUGGESTION = `level score similarity citedNumbers reason autoAccept centralTask { ref } provincialTask { ref }`;

/** A task's suggestions, at either level. */
export const SUGGESTIONS = {
  provincial: `query ProvincialSuggestions($id: ID!, $first: Int) {
    provincialTask(id: $id) { ref suggestedLinks(first: $first) { ${SUGGESTION} } }
  }`,
  commune: `query CommuneSuggestions($id: ID!, $first: Int) {
    communeTask(id: $id) { ref suggestedLinks(first: $first) { ${SUGGESTION} } }
  }`,
};

/** Accepting and dismissing, at either level; each answers the task, its links and its next suggestion. */
export function suggestionMutation(verb: 'accept' | 'dismiss', level: 'Provincial' | 'Commune'): string {
  const links =
    level === 'Provincial' ? 'centralTasks { ref }' : 'centralTasks { ref } provincialTasks { ref }';
  return `mutation ${verb === 'accept' ? 'Accept' : 'Dismiss'}${level}Suggestion($input: LinkSuggestionInput!) {
    ${verb}${level}LinkSuggestion(input: $input) { ref ${links} suggestedLinks(first: 1) { centralTask { ref } provincialTask { ref } } }
  }`;
}

/** Every plan task's suggestions (the statement-count case; a provincial target by id, which needs no fetch). */
export const PLAN_SUGGESTIONS = {
  provincial: `query ProvincialPlanSuggestions($id: ID!) {
    provincialPlan(id: $id) { tasks { ref suggestedLinks { score centralTask { ref } } } }
  }`,
  commune: `query CommunePlanSuggestions($id: ID!) {
    communePlan(id: $id) { tasks { ref suggestedLinks { score centralTask { ref } provincialTask { id } } } }
  }`,
};

/** Deletes a seed task's trace links in its level (the mirror follows), so that it can be suggested them. */
export async function unlink(hub: TestHub, level: 'provincial' | 'commune', taskId: string): Promise<void> {
  await hub[level].dataSource.query('DELETE FROM task_link WHERE task_id = $1', [taskId]);
}

/** The evidence of a task's links, as the level stores them. */
export async function linkEvidence(
  hub: TestHub,
  level: 'provincial' | 'commune',
  taskId: string,
): Promise<{ target_id: string; evidence: string }[]> {
  return hub[level].dataSource.query(
    'SELECT target_id, evidence FROM task_link WHERE task_id = $1 ORDER BY target_id',
    [taskId],
  );
}

/** The statements each subgraph ran for one operation. */
export async function statementsOf(
  hub: TestHub,
  run: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const levels = [hub.central, hub.provincial, hub.commune, hub.events];
  const before = levels.map((level) => level.queries.total);
  await run();
  return Object.fromEntries(levels.map((level, i) => [level.name, level.queries.total - before[i]]));
}
