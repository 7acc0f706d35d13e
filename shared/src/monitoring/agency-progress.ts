import DataLoader from 'dataloader';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { PartyKind } from '../assignment/assignment';
import { loaderPerArgument } from '../loaders';
import { PROGRESS_AGGREGATES, progressOf, type ProgressQuery } from './progress-sql';
import { ProgressRollup, type ProgressCount } from './progress.type';
import { taskStateJoin } from './task-state-sql';

/** The roll-up of the tasks one agency (or agency group) leads. */
@ObjectType('AgencyProgress', { description: 'Tiến độ theo cơ quan chủ trì: the tasks a lead agency has' })
@Directive('@shareable')
export class AgencyProgress {
  @Field(() => String, {
    nullable: true,
    description:
      'The lead as resolved (full name for a known abbreviation); null: no lead printed or resolved',
  })
  agency!: string | null;

  @Field(() => PartyKind, { nullable: true })
  kind!: PartyKind | null;

  @Field(() => ProgressRollup)
  progress!: ProgressRollup;
}

type AgencyRow = Record<ProgressCount, number> & {
  key: string;
  agency: string | null;
  kind: PartyKind | null;
};

// A task counts once for each distinct lead it names ("Sở KH&CN; Sở Nội vụ" counts for both), so the
// agencies' totals may exceed the tasks' total; a task with no resolved lead counts under agency null.
function agencyProgressSql({ from, key }: ProgressQuery): string {
  return `SELECT ${key} AS key, lead.agency, min(lead.kind) AS kind,
  ${PROGRESS_AGGREGATES}
FROM ${from}
LEFT JOIN LATERAL (
  SELECT DISTINCT coalesce(party->>'canonicalName', party->>'name') AS agency, party->>'kind' AS kind
  FROM jsonb_array_elements(task.lead_parties) AS party) AS lead ON true
${taskStateJoin('task', '$2')}
WHERE ${key} = ANY($1) AND task.removed_at IS NULL
GROUP BY ${key}, lead.agency
ORDER BY "total" DESC, lead.agency NULLS LAST`;
}

/** Per-request loaders `(asOf) => loader` of the lead agencies' roll-ups of each key: one statement per batch. */
export function agencyProgressLoaders(
  dataSource: DataSource,
  query: ProgressQuery,
): (asOf: string) => DataLoader<string, AgencyProgress[]> {
  const sql = agencyProgressSql(query);
  return loaderPerArgument(
    (asOf: string) =>
      new DataLoader<string, AgencyProgress[]>(async (keys) => {
        const byKey = new Map<string, AgencyProgress[]>(keys.map((key) => [key, []]));
        for (const row of await dataSource.query<AgencyRow[]>(sql, [[...keys], asOf])) {
          const progress = progressOf(asOf, row);
          byKey.get(String(row.key))?.push({ agency: row.agency, kind: row.kind, progress });
        }
        return keys.map((key) => byKey.get(key) ?? []);
      }),
  );
}
