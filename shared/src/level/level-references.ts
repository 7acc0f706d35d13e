import type { ReferenceResolvers } from '../federation/build-subgraph-schema';
import type { LevelContext } from './level-loaders';
import type { LevelSpec, LevelTypes } from './level-spec';

/** How the level's entities are found from their keys: its jurisdiction by code, plan, task, indicator by id. */
export function levelReferences<L extends LevelTypes>(spec: LevelSpec<L>): ReferenceResolvers {
  const { noun } = spec.jurisdiction;
  return {
    [noun.charAt(0).toUpperCase() + noun.slice(1)]: {
      __resolveReference: (ref: { code: string }, { loaders }: LevelContext<L>) =>
        loaders.jurisdictionByCode.load(ref.code),
    },
    [`${spec.prefix}Plan`]: {
      __resolveReference: (ref: { id: string }, { loaders }: LevelContext<L>) =>
        loaders.planById.load(ref.id),
    },
    [`${spec.prefix}Task`]: {
      __resolveReference: (ref: { id: string }, { loaders }: LevelContext<L>) =>
        loaders.taskById.load(ref.id),
    },
    [`${spec.prefix}Indicator`]: {
      __resolveReference: (ref: { id: string }, { loaders }: LevelContext<L>) =>
        loaders.indicatorById.load(ref.id),
    },
  };
}
