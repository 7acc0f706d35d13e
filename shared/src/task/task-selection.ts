import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../federation/selected-fields';

/** Which entity properties a GraphQL field of a task reads. The Task interface's own fields, for every level. */
const TASK_FIELDS: Record<string, readonly string[]> = {
  __typename: [],
  id: ['id'],
  ref: ['ref'],
  position: ['position'],
  ordinal: ['ordinal'],
  content: ['content'],
  section: ['section'],
  group: ['group'],
  groupDerived: ['groupDerived'],
  output: ['output'],
  notes: ['notes'],
  status: ['status'],
  progress: ['progress'],
  version: ['version'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  removedAt: ['removedAt'],
  removedBasis: ['removedBasis'],
  lead: ['leadColumns'],
  cooperating: ['cooperatingColumns'],
  deadline: ['deadlineColumns'],
  centralDeadline: ['centralDeadlineColumns'],
};

/** A set of task properties to read, with a key that names it (for loaders per selection). */
export interface TaskSelection {
  key: string;
  /** Null: every column (a field was selected whose needs are not listed). */
  properties: readonly string[] | null;
}

/** Every column: for loads that do not come from a GraphQL selection. */
export const ALL_TASK_COLUMNS: TaskSelection = { key: '*', properties: null };

/**
 * The properties of `typeName` the request's operation reads: the Task fields plus `levelFields` (the level's
 * own field resolvers and what they read). Any other field selected (a resolver added elsewhere) means every
 * column, so a new field can never see a property missing.
 */
export function taskSelection(
  info: GraphQLResolveInfo,
  typeName: string,
  levelFields: Record<string, readonly string[]>,
): TaskSelection {
  const properties = new Set<string>(['id']);
  for (const field of selectedFields(info, typeName)) {
    const needs = TASK_FIELDS[field] ?? levelFields[field];
    if (needs === undefined) return ALL_TASK_COLUMNS;
    for (const property of needs) properties.add(property);
  }
  const sorted = [...properties].sort();
  return { key: sorted.join(','), properties: sorted };
}
