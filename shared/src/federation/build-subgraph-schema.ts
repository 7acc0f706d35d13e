import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@interfaceObject", "@inaccessible"])`;

/** Reference resolvers by type name: how this subgraph turns `{ __typename, id }` into an entity. */
export type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

// Subscriptions here bring their own `subscribe` (the event log); type-graphql still asks for a PubSub.
const NO_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error('No PubSub: subscriptions read the event log');
  },
  subscribe: () => {
    throw new Error('No PubSub: subscriptions read the event log');
  },
};

/** Builds a type-graphql schema and turns it into an Apollo Federation 2 subgraph schema. */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ pubSub: NO_PUB_SUB, ...options, skipCheck: true });
  const resolvers = mergeResolvers(createResolversMap(schema) as GraphQLResolverMap<unknown>, references);
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers,
  });
}

function mergeResolvers(
  base: GraphQLResolverMap<unknown>,
  references: ReferenceResolvers,
): GraphQLResolverMap<unknown> {
  const merged: GraphQLResolverMap<unknown> = { ...base };
  for (const [typeName, reference] of Object.entries(references)) {
    merged[typeName] = { ...(base[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  return merged;
}
