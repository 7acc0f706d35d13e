import type { HubHandle } from '../hub';

/** One suggestion as the benchmark asks for it. */
export interface FetchedSuggestion {
  score: number;
  similarity: number;
  autoAccept: boolean;
  centralTask: { id: string } | null;
  provincialTask: { id: string } | null;
}

/** A plan task with its suggestions. */
export interface FetchedTask {
  id: string;
  ref: string | null;
  suggestedLinks: FetchedSuggestion[];
}

/** Which plan to ask for: its level and id. */
export interface PlanRef {
  level: 'provincial' | 'commune';
  id: string;
}

const FIELDS = 'score similarity autoAccept centralTask { id } provincialTask { id }';

/** The GraphQL query for every task of a plan with `first` suggestions each (one request, one statement). */
export function planSuggestionsQuery(plan: PlanRef, first: number): string {
  return `query PlanSuggestions($id: ID!) { ${plan.level}Plan(id: $id) { tasks { id ref suggestedLinks(first: ${first}) { ${FIELDS} } } } }`;
}

/** Posts an operation to the gateway, with a bearer token when given; throws on GraphQL errors. */
export async function postGateway<T>(
  hub: HubHandle,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(hub.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

/** Every task of a plan with up to `first` suggestions each, through the gateway. */
export async function fetchPlanSuggestions(
  hub: HubHandle,
  plan: PlanRef,
  first: number,
): Promise<FetchedTask[]> {
  const data = await postGateway<Record<string, { tasks: FetchedTask[] } | null>>(
    hub,
    planSuggestionsQuery(plan, first),
    { id: plan.id },
  );
  const found = data[`${plan.level}Plan`];
  if (!found) throw new Error(`No ${plan.level} plan ${plan.id}`);
  return found.tasks;
}

/** The id of the suggested task, whichever level it is at. */
export function targetOf(suggestion: FetchedSuggestion): string {
  return (suggestion.centralTask ?? suggestion.provincialTask)?.id ?? '';
}
