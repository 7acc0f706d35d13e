import { documentNumberKey } from '@nq57/shared';

/** What a national-mode subscriber follows: everything, a province, a commune or a directive. */
export type NationalKind = 'national' | 'province' | 'commune' | 'directive';

/** One subscriber of the national mode: its filter, and whether it selects fields of other subgraphs. */
export interface NationalSubscriber {
  kind: NationalKind;
  /** The `filter` argument it sends (null: none). */
  filter: { provinceCode: string } | { communeCode: string } | { directiveNumber: string } | null;
  /** The oracle's key of the events it selects (see `routeKeys`). */
  key: string;
  cross: boolean;
}

/** How many subscribers of each kind, and how often one of a kind selects cross-subgraph fields. */
export interface MixShape {
  dashboards: number;
  perProvince: number;
  perCommune: number;
  directiveSubscribers: number;
  /** Every n-th subscriber of each kind (the first, then every n-th after it) is cross-subgraph; 0: none. */
  crossEvery: number;
}

/** The event fields every subscriber selects; `cross` adds fields the gateway resolves from the levels. */
export const EVENT_FIELDS = 'cursor at actor from to progress';

const PLAIN_TASK = 'task { __typename id }';
const CROSS_TASK = `task {
      __typename
      id
      content
      ... on CommuneTask { commune { name province { name } } }
      ... on ProvincialTask { plan { province { name } } }
    }`;

/** The subscription document a subscriber sends: the same text for every subscriber of one selection. */
export function subscriptionDocument(cross: boolean): string {
  return `subscription NationalLive($filter: TaskEventFilter) {
  taskStatusChanged(filter: $filter) {
    ${EVENT_FIELDS}
    ${cross ? CROSS_TASK : PLAIN_TASK}
  }
}`;
}

/**
 * The national subscriber mix: `dashboards` with no filter, `perProvince` per province, `perCommune` per
 * commune, and `directiveSubscribers` spread evenly, in blocks, over `directives`. Deterministic for its inputs.
 */
export function subscriberMix(
  shape: MixShape,
  provinces: readonly string[],
  communes: readonly string[],
  directives: readonly string[],
): NationalSubscriber[] {
  const cross = (index: number): boolean => shape.crossEvery > 0 && index % shape.crossEvery === 0;
  const mix: NationalSubscriber[] = [];
  for (let i = 0; i < shape.dashboards; i++) {
    mix.push({ kind: 'national', filter: null, key: ALL, cross: cross(i) });
  }
  repeatEach(provinces, shape.perProvince, (code, i) =>
    mix.push({ kind: 'province', filter: { provinceCode: code }, key: provinceKey(code), cross: cross(i) }),
  );
  repeatEach(communes, shape.perCommune, (code, i) =>
    mix.push({ kind: 'commune', filter: { communeCode: code }, key: communeKey(code), cross: cross(i) }),
  );
  if (directives.length > 0) {
    for (let i = 0; i < shape.directiveSubscribers; i++) {
      // In blocks, not round robin: with round robin, every n-th subscriber could fall on the same directives.
      const number = directives[Math.floor((i * directives.length) / shape.directiveSubscribers)];
      const filter = { directiveNumber: number };
      mix.push({ kind: 'directive', filter, key: directiveKey(number), cross: cross(i) });
    }
  }
  return mix;
}

function repeatEach(
  codes: readonly string[],
  times: number,
  add: (code: string, index: number) => void,
): void {
  let index = 0;
  for (const code of codes) for (let n = 0; n < times; n++) add(code, index++);
}

/** Distinct operations (document and variables) among the subscribers: what a sharing gateway runs upstream. */
export function distinctOperations(mix: readonly NationalSubscriber[]): number {
  return new Set(mix.map((subscriber) => `${subscriber.cross ? 'x' : '-'}|${subscriber.key}`)).size;
}

/** How many distinct documents the mix sends (the filters left aside): the fewest upstreams a gateway can hold. */
export function distinctDocuments(mix: readonly NationalSubscriber[]): number {
  return new Set(mix.map((subscriber) => subscriber.cross)).size;
}

/** How many subscribers of each kind, for the report. */
export function countByKind(mix: readonly NationalSubscriber[]): Record<NationalKind, number> {
  const counts: Record<NationalKind, number> = { national: 0, province: 0, commune: 0, directive: 0 };
  for (const subscriber of mix) counts[subscriber.kind]++;
  return counts;
}

const ALL = 'all';

/** The oracle key of a province filter. */
export function provinceKey(code: string): string {
  return `p:${code}`;
}

/** The oracle key of a commune filter. */
export function communeKey(code: string): string {
  return `c:${code}`;
}

/** The oracle key of a directive filter: the folded number, as the events subgraph folds it. */
export function directiveKey(number: string): string {
  return `d:${documentNumberKey(number)}`;
}

/** An event's routing columns as the log stores them (directive keys already folded). */
export interface RoutedEvent {
  seq: number;
  provinceCode: string | null;
  communeCode: string | null;
  directiveKeys: readonly string[];
}

/** Every oracle key whose filter selects `event`: no filter, its province, its commune, each of its directives. */
export function routeKeys(event: RoutedEvent): string[] {
  const keys = [ALL];
  if (event.provinceCode !== null) keys.push(provinceKey(event.provinceCode));
  if (event.communeCode !== null) keys.push(communeKey(event.communeCode));
  for (const folded of new Set(event.directiveKeys)) keys.push(`d:${folded}`);
  return keys;
}
