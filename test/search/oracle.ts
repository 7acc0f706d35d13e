import type { TestHub } from '../support/hub';

/**
 * An independent model of search, for tests: every seeded task read through the gateway from its own level
 * (never from the search projection), and matching done in JavaScript with a plain fold. What it expects
 * searchTasks to return, searchTasks must return.
 */
export interface OracleTask {
  id: string;
  ref: string;
  typename: 'CentralTask' | 'ProvincialTask' | 'CommuneTask';
  level: 'CENTRAL' | 'PROVINCIAL' | 'COMMUNE';
  levelRank: number;
  position: number;
  group: number | null;
  status: string;
  light: string;
  provinceCode: string | null;
  communeCode: string | null;
  /** The governing due date: the local deadline's, else the central one's; null when neither has one. */
  due: string | null;
  /** The folded words of content, lead (as printed, then canonical names), section and output, in that order. */
  words: string[];
  /** The folded lead as printed and its canonical names. */
  lead: string;
}

/** Lower case, accents dropped, đ → d: what "accent-insensitive" means for Vietnamese. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

function wordsOf(text: string | null | undefined): string[] {
  return fold(text ?? '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

const FIELDS = `__typename id ref position content section output group status
  lead { text parties { canonicalName } } deadline { dueDate } centralDeadline { dueDate }
  state(asOf: $asOf) { light }`;

const ALL = `
  query SearchOracle($asOf: String) {
    directives { tasks { ${FIELDS} } }
    laoCai: province(code: "15") { code plans { tasks { ${FIELDS} } } }
    laiChau: province(code: "12") { code plans { tasks { ${FIELDS} } } }
    khanhHoa: province(code: "56") { code plans { tasks { ${FIELDS} } } }
    thaiNguyen: province(code: "19") { code plans { tasks { ${FIELDS} } } }
    thuanAn: commune(code: "24682") { code province { code } plans { tasks { ${FIELDS} } } }
  }
`;

type Row = {
  __typename: OracleTask['typename'];
  id: string;
  ref: string;
  position: number;
  content: string;
  section: string | null;
  output: string | null;
  group: number | null;
  status: string;
  lead: { text: string; parties: { canonicalName: string | null }[] } | null;
  deadline: { dueDate: string | null } | null;
  centralDeadline: { dueDate: string | null } | null;
  state: { light: string };
};
type Place = { code: string; province?: { code: string }; plans: { tasks: Row[] }[] };

const LEVELS = { CentralTask: 'CENTRAL', ProvincialTask: 'PROVINCIAL', CommuneTask: 'COMMUNE' } as const;
const RANKS = { CENTRAL: 0, PROVINCIAL: 1, COMMUNE: 2 } as const;

/** Every seeded task, with the lights as of `asOf`. */
export async function oracleTasks(hub: TestHub, asOf: string): Promise<OracleTask[]> {
  const { data, errors } = await hub.query<{ directives: { tasks: Row[] }[] } & Record<string, Place>>(ALL, {
    asOf,
  });
  if (errors) throw new Error(JSON.stringify(errors));
  const { directives, ...places } = data as { directives: { tasks: Row[] }[] } & Record<string, Place>;
  const task = (row: Row, provinceCode: string | null, communeCode: string | null): OracleTask => {
    const leadNames = [row.lead?.text, ...(row.lead?.parties ?? []).map((party) => party.canonicalName)]
      .filter((name): name is string => Boolean(name))
      .join(' | ');
    const level = LEVELS[row.__typename];
    return {
      id: row.id,
      ref: row.ref,
      typename: row.__typename,
      level,
      levelRank: RANKS[level],
      position: row.position,
      group: row.group,
      status: row.status,
      light: row.state.light,
      provinceCode,
      communeCode,
      due: row.deadline?.dueDate ?? row.centralDeadline?.dueDate ?? null,
      words: [row.content, leadNames, row.section, row.output].flatMap(wordsOf),
      lead: fold(leadNames),
    };
  };
  return [
    ...directives.flatMap((directive) => directive.tasks.map((row) => task(row, null, null))),
    ...Object.values(places).flatMap((place) =>
      place.plans.flatMap((plan) =>
        plan.tasks.map((row) =>
          place.province ? task(row, place.province.code, place.code) : task(row, place.code, null),
        ),
      ),
    ),
  ];
}

/** Tasks whose words include every word of `query` (what an unquoted query means). */
export function allWords(tasks: OracleTask[], query: string): OracleTask[] {
  const wanted = wordsOf(query);
  return tasks.filter((task) => wanted.every((word) => task.words.includes(word)));
}

/** Tasks whose words include the words of `phrase` one after another. */
export function phrase(tasks: OracleTask[], text: string): OracleTask[] {
  const wanted = wordsOf(text);
  return tasks.filter((task) =>
    task.words.some((_, i) => wanted.every((word, j) => task.words[i + j] === word)),
  );
}

/** How many of `tasks` there are at each level. */
export function perLevel(tasks: OracleTask[]): Record<string, number> {
  const counts: Record<string, number> = { CENTRAL: 0, PROVINCIAL: 0, COMMUNE: 0 };
  for (const task of tasks) counts[task.level] += 1;
  return counts;
}

/** Ids in the order searchTasks lists them without a query: level, position, id. */
export function listOrder(tasks: OracleTask[]): string[] {
  return [...tasks]
    .sort((a, b) => a.levelRank - b.levelRank || a.position - b.position || compare(a.id, b.id))
    .map((task) => task.id);
}

/** Ids in DEADLINE order: due date ascending, tasks without one last, then id. */
export function deadlineOrder(tasks: OracleTask[]): string[] {
  return [...tasks]
    .sort((a, b) => compare(a.due ?? '9999-99-99', b.due ?? '9999-99-99') || compare(a.id, b.id))
    .map((task) => task.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
