import type { UnifiedGraphHandler } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';
import { handleFederationSupergraph } from '@graphql-mesh/fusion-runtime';
import { createDefaultExecutor } from '@graphql-mesh/transport-common';
import {
  collectFields,
  type ExecutionRequest,
  type ExecutionResult,
  type Executor,
} from '@graphql-tools/utils';
import {
  BREAK,
  getOperationAST,
  GraphQLError,
  isAbstractType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** How the gateway plans operations: Hive's Rust query planner (the default) or schema stitching. */
export type QueryPlanner = 'rust' | 'stitching';

/** The planner NQ57_QUERY_PLANNER names (`rust` when unset); throws naming the variable for any other value. */
export function queryPlannerFromEnv(env: NodeJS.ProcessEnv = process.env): QueryPlanner {
  const value = env.NQ57_QUERY_PLANNER;
  if (value === undefined || value === '' || value === 'rust') return 'rust';
  if (value === 'stitching') return 'stitching';
  throw new Error(`NQ57_QUERY_PLANNER must be rust or stitching, not ${JSON.stringify(value)}`);
}

/** The runtime's `unifiedGraphHandler` for `planner` (stitching is the runtime's own default, so none). */
export function unifiedGraphHandlerFor(planner: QueryPlanner): UnifiedGraphHandler | undefined {
  return planner === 'rust' ? rustPlannerWhereItCan : undefined;
}

/**
 * The Rust query planner for queries and mutations, schema stitching for what it cannot do as we need:
 * - subscriptions: the runtime runs a subscription's plan in one execution context whose `data` each event
 *   replaces (`executeFetchPlanNode` in @graphql-hive/router-runtime), so its events can only be executed one
 *   at a time, and there is no entry point to execute the plan for a given event. `useConcurrentSubscriptionEvents`
 *   (docs/decisions/0005-live-fan-out.md, 6 and 7) executes events side by side and shares their results, with
 *   `createSourceEventStream` and `execute` on a schema that has resolvers: the stitched one.
 * - operations selecting a `@requires` field: after an entity hop the planner reads the required fields with an
 *   extra `_entities` fetch from the subgraph that just returned the object (graphql-hive/router#1539), and the
 *   provincial subgraph resolves no `ImplementationProgress` by reference.
 * The stitched schema is also the one the runtime validates against: the planner's own has no resolvers.
 */
export const rustPlannerWhereItCan: UnifiedGraphHandler = async (options) => {
  const planned = await rustQueryPlanner(options);
  const planExecutor = planned.executor;
  if (!planExecutor) throw new Error('The Rust query planner returned no executor');
  const stitched = handleFederationSupergraph(options);
  const stitchedExecutor = createDefaultExecutor(stitched.unifiedGraph);
  const selectsRequires = requiresSelector(options.unifiedGraph);
  return {
    unifiedGraph: stitched.unifiedGraph,
    getSubgraphSchema: stitched.getSubgraphSchema,
    inContextSDK: stitched.inContextSDK,
    overrideLabels: planned.overrideLabels,
    executor: (request) => {
      const operation = getOperationAST(request.document, request.operationName);
      if (!operation || operation.operation === 'subscription' || selectsRequires(request.document)) {
        return stitchedExecutor(request);
      }
      return executePlanned(planExecutor, request, operation, stitched.unifiedGraph);
    },
  };
};

async function executePlanned(
  planExecutor: Executor,
  request: ExecutionRequest,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
): Promise<ExecutionResult> {
  let result: ExecutionResult;
  try {
    result = (await planExecutor(request)) as ExecutionResult;
  } catch (error) {
    return { errors: requestErrors(error) };
  }
  return withData(result, request, operation, schema);
}

/**
 * Whether a document selects a field the supergraph marks `@join__field(requires: …)`, on its type or through
 * an interface one of its implementations has it on; remembered per parsed document.
 */
function requiresSelector(supergraph: GraphQLSchema): (document: DocumentNode) => boolean {
  const withRequires = new Set<string>();
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const requires = field.astNode?.directives?.some(
        (directive) =>
          directive.name.value === 'join__field' &&
          directive.arguments?.some((argument) => argument.name.value === 'requires'),
      );
      if (requires) withRequires.add(`${type.name}.${field.name}`);
    }
  }
  const known = new WeakMap<DocumentNode, boolean>();
  return (document) => {
    if (withRequires.size === 0) return false;
    let selects = known.get(document);
    if (selects !== undefined) return selects;
    selects = false;
    const typeInfo = new TypeInfo(supergraph);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (!parent) return undefined;
          const owners = isAbstractType(parent) ? supergraph.getPossibleTypes(parent) : [parent];
          if (!owners.some((owner) => withRequires.has(`${owner.name}.${node.name.value}`))) return undefined;
          selects = true;
          return BREAK;
        },
      }),
    );
    known.set(document, selects);
    return selects;
  };
}

/**
 * The planner's result with `data` as execution gives it when no subgraph answered any root field (an
 * unreachable subgraph, a refused mutation): the planner leaves it out, where GraphQL has `null`, or each
 * root field `null` when all of them are nullable.
 */
function withData(
  result: ExecutionResult,
  request: ExecutionRequest,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
): ExecutionResult {
  if (!result.errors?.length || result.data !== undefined) return result;
  const root = schema.getRootType(operation.operation);
  if (!root) return { ...result, data: null };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const { fields } = collectFields(schema, fragments, request.variables ?? {}, root, operation.selectionSet);
  const data: Record<string, null> = {};
  for (const [key, [field]] of fields) {
    const definition = field && root.getFields()[field.name.value];
    if (!definition || isNonNullType(definition.type)) return { ...result, data: null };
    data[key] = null;
  }
  return { ...result, data };
}

/**
 * The errors of a request the planner refused before executing it, as execution answers them (status 400, as
 * `execute` in @graphql-tools/executor gives): variables that do not coerce throw from the planner, one uncoded
 * GraphQLError or an AggregateError of several. Anything else (a coded error: shutting down) is thrown on.
 */
function requestErrors(error: unknown): GraphQLError[] {
  const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  const uncoded = (each: unknown) => each instanceof GraphQLError && each.extensions?.code === undefined;
  if (errors.length === 0 || !errors.every(uncoded)) throw error;
  return (errors as GraphQLError[]).map(
    (each) =>
      new GraphQLError(each.message, {
        nodes: each.nodes,
        source: each.source,
        positions: each.positions,
        path: each.path,
        originalError: each.originalError,
        extensions: { ...each.extensions, http: { ...(each.extensions?.http ?? {}), status: 400 } },
      }),
  );
}
