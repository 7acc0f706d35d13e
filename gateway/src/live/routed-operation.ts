import {
  getOperationAST,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { compileFilter, type EventFilterInput, type EventMatch } from '@nq57/shared/core';
import type { OperationParams } from './share-key';

/** The live field whose subscribers can share one upstream and be routed by their filter in the gateway. */
const ROUTED_FIELD = 'taskStatusChanged';
/** The response key under which a routed execution selects each event's routing (removed before sending). */
export const ROUTING_KEY = 'nq57Routing';
const ROUTING_FIELDS = ['level', 'taskId', 'provinceCode', 'communeCode', 'directiveKeys'];

/** How a document runs when its subscribers share one unfiltered upstream and are routed by filter here. */
export interface RoutedShape {
  /** The document without the root field's `filter` and `after`, selecting the event's routing, as text. */
  query: string;
  /** Where the root field's value stands in a result (its alias or name). */
  responseKey: string;
  /** The variables that held the filter and the cursor. */
  filter: string | null;
  after: string | null;
}

/** One subscriber's part of a routed execution: what it filters on, and the operation the execution runs. */
export interface RoutedSubscription {
  shape: RoutedShape;
  match: EventMatch;
  /** The variables the routed execution keeps (the subscriber's, less the filter and the cursor). */
  variables: Record<string, unknown>;
}

const FILTER_FIELDS = new Set(['directiveNumber', 'provinceCode', 'communeCode', 'level', 'taskId']);
const LEVELS = new Set<unknown>(['CENTRAL', 'PROVINCIAL', 'COMMUNE']);
/** Shapes by operation name and document text: dashboards send the same few documents. */
const SHAPES = new LRUCache<string, RoutedShape | { none: true }>({ max: 1000 });

/**
 * The routed form of a graphql-ws `subscribe` operation, or null when it cannot be routed and runs as it is (not
 * the live field alone, an `after` cursor to replay from, a filter written inline or used elsewhere, a filter
 * variable that is not a plain filter: the runtime then answers as before). Throws the coded error
 * compileFilter gives for a filter it refuses, as the events subgraph would.
 */
export function routedSubscriptionOf(
  params: OperationParams,
  maxTokens: number | undefined,
): RoutedSubscription | null {
  if (typeof params.query !== 'string') return null;
  const shape = routedShapeOf(params.query, params.operationName ?? undefined, maxTokens);
  if (!shape) return null;
  const variables = { ...(params.variables ?? {}) };
  for (const name of [shape.after, shape.filter]) {
    if (name === null) continue;
    const value = variables[name];
    delete variables[name];
    if (name === shape.after && value !== undefined && value !== null) return null;
  }
  const filter = shape.filter === null ? null : (params.variables?.[shape.filter] ?? null);
  if (!isPlainFilter(filter)) return null;
  return { shape, match: compileFilter(filter), variables };
}

function isPlainFilter(value: unknown): value is EventFilterInput | null {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, field]) =>
      FILTER_FIELDS.has(key) &&
      (field === null || (key === 'level' ? LEVELS.has(field) : typeof field === 'string')),
  );
}

/** The routed shape of an operation (cached by its text), or null when it has none. */
export function routedShapeOf(
  query: string,
  operationName: string | undefined,
  maxTokens: number | undefined,
): RoutedShape | null {
  const key = `${operationName ?? ''}\u0000${query}`;
  let known = SHAPES.get(key);
  if (!known) {
    known = shapeOfText(query, operationName, maxTokens) ?? { none: true };
    SHAPES.set(key, known);
  }
  return 'none' in known ? null : known;
}

function shapeOfText(
  query: string,
  operationName: string | undefined,
  maxTokens: number | undefined,
): RoutedShape | null {
  try {
    return shapeOf(parse(query, { noLocation: true, maxTokens }), operationName);
  } catch {
    return null;
  }
}

function shapeOf(document: DocumentNode, operationName: string | undefined): RoutedShape | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || root?.kind !== Kind.FIELD || root.name.value !== ROUTED_FIELD) return null;
  if ((root.directives ?? []).length > 0 || hasResponseKey(root.selectionSet?.selections, ROUTING_KEY))
    return null;
  const argument = (name: string) => root.arguments?.find((each) => each.name.value === name)?.value;
  if ((root.arguments ?? []).some((each) => each.name.value !== 'filter' && each.name.value !== 'after'))
    return null;
  const filterValue = argument('filter');
  const afterValue = argument('after');
  for (const value of [filterValue, afterValue]) {
    if (value && value.kind !== Kind.VARIABLE && value.kind !== Kind.NULL) return null;
  }
  const filterName = filterValue?.kind === Kind.VARIABLE ? filterValue.name.value : null;
  const after = afterValue?.kind === Kind.VARIABLE ? afterValue.name.value : null;
  const uses = variableUses(document);
  if ([filterName, after].some((name) => name !== null && uses.get(name) !== 1)) return null;
  return {
    query: print(rewritten(document, operation, root, new Set([filterName, after]))),
    responseKey: root.alias?.value ?? root.name.value,
    filter: filterName,
    after,
  };
}

function hasResponseKey(selections: readonly SelectionNode[] | undefined, key: string): boolean {
  return (selections ?? []).some(
    (each) => each.kind === Kind.FIELD && (each.alias?.value ?? each.name.value) === key,
  );
}

function variableUses(document: DocumentNode): Map<string, number> {
  const uses = new Map<string, number>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node) {
      uses.set(node.name.value, (uses.get(node.name.value) ?? 0) + 1);
    },
  });
  return uses;
}

function rewritten(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  root: FieldNode,
  dropped: Set<string | null>,
): DocumentNode {
  const routing: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: ROUTING_KEY },
    name: { kind: Kind.NAME, value: 'routing' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ROUTING_FIELDS.map((name) => ({
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: name },
      })),
    },
  };
  const field: FieldNode = {
    ...root,
    arguments: [],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [...(root.selectionSet?.selections ?? []), routing],
    },
  };
  const routed: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: (operation.variableDefinitions ?? []).filter(
      (each) => !dropped.has(each.variable.name.value),
    ),
    selectionSet: { ...operation.selectionSet, selections: [field] },
  };
  return {
    ...document,
    definitions: document.definitions.map((each) => (each === operation ? routed : each)),
  };
}
