import type { NonEmptyArray } from 'type-graphql';
import { catchUpTraceLinks } from '../events/read-model';
import type { ReferenceResolvers } from '../federation/build-subgraph-schema';
import { catchUpSearchIndex } from '../search/search-index';
import type { ResolverDeps, SubgraphServiceDefinition } from '../server/level-service';
import { levelReferences } from './level-references';
import { levelEntities, type LevelSpec, type LevelTypes } from './level-spec';
import { LevelTaskStore } from './level-task-store';
import type { LinkRules } from './task-links';

/** What a level's resolvers are made with: the data source and the level's one task store. */
export interface LevelResolverDeps<L extends LevelTypes> extends ResolverDeps {
  store: LevelTaskStore<L>;
}

/** What a level service declares beside its spec: what is its own, and what the factories cannot know. */
export interface LevelServiceParts<L extends LevelTypes, Loaders> extends Pick<
  SubgraphServiceDefinition<Loaders>,
  'migrations' | 'orphanedTypes' | 'createLoaders' | 'seed'
> {
  /** What the level's tasks may link to (the rules of `link<Prefix>Task`). */
  linkRules: LinkRules<L>;
  /** The resolvers, in the order the service lists them; each takes what it writes or reads with. */
  resolvers: (deps: LevelResolverDeps<L>) => NonEmptyArray<object>;
  /** References beyond the level's own four (levelReferences). */
  references?: ReferenceResolvers;
}

/** A level's subgraph from its spec and own `parts`: name, schema, entities, task store, catch-up, references. */
export function levelServiceDefinition<L extends LevelTypes, Loaders>(
  spec: LevelSpec<L>,
  { linkRules, resolvers, references, ...parts }: LevelServiceParts<L, Loaders>,
): SubgraphServiceDefinition<Loaders> {
  return {
    name: spec.adjective,
    schema: spec.adjective,
    entities: levelEntities(spec),
    ...parts,
    resolvers: ({ dataSource }) =>
      resolvers({ dataSource, store: new LevelTaskStore(spec, dataSource, linkRules) }),
    catchUp: async (dataSource) => {
      await catchUpSearchIndex(dataSource, spec.level);
      await catchUpTraceLinks(dataSource, spec.level);
    },
    references: { ...levelReferences(spec), ...references },
  };
}
