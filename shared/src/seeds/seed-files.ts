import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { nameBasedId } from '../ids';

/** A higher document a plan row says it carries out, as printed. */
export interface SeedCite {
  number: string;
  text: string;
  inferred: boolean;
  evidence: string | null;
}

/** One task row of a seed plan (see data/seeds/FORMAT.md). */
export interface SeedTask {
  key: string;
  ordinal: string | null;
  section: string | null;
  group: number | null;
  groupDerived: boolean;
  content: string;
  lead: string | null;
  cooperating: string | null;
  deadline: string | null;
  centralDeadline: string | null;
  output: string | null;
  notes: string | null;
  cites: SeedCite[];
}

/** One indicator (chỉ tiêu) of a seed plan. */
export interface SeedIndicator {
  key: string;
  ordinal: string | null;
  section: string | null;
  name: string;
  unit: string | null;
  unitDerived: boolean;
  targets: { year: number; text: string }[];
  lead: string | null;
  cooperating: string | null;
  deadline: string | null;
  notes: string | null;
}

/** One seed plan file. */
export interface SeedPlan {
  seed: string;
  level: 'provincial' | 'commune';
  plan: {
    key: string;
    number: string | null;
    kind: string;
    title: string;
    issuer: string | null;
    issuedOnText: string | null;
    issuedOn: string | null;
    jurisdiction: {
      provinceName: string;
      provinceCode: string;
      communeName: string | null;
      communeCode: string | null;
      inferred: boolean;
      evidence: string | null;
    };
    notes: string | null;
  };
  tasks: SeedTask[];
  indicators: SeedIndicator[];
}

/** A central directive reconstructed from the plans that cite it. */
export interface SeedDirective {
  number: string;
  aliases: string[];
  kind: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  evidence: string | null;
  tasks: {
    key: string;
    ordinal: string | null;
    content: string;
    group: number | null;
    deadline: string | null;
    evidence: string | null;
  }[];
}

/** Which plan task implements which central tasks. */
export interface SeedLink {
  task: string;
  implements: string[];
  evidence: string | null;
}

/** The folder holding the seed data: NQ57_SEED_DIR, or data/seeds at the repository root. */
export function seedDir(): string {
  return process.env.NQ57_SEED_DIR ?? path.resolve(__dirname, '../../../data/seeds');
}

/** Every seed plan of `level`, in file-name order. */
export function readSeedPlans(level: SeedPlan['level']): SeedPlan[] {
  const dir = path.join(seedDir(), 'plans');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson<SeedPlan>(path.join(dir, name)))
    .filter((plan) => plan.level === level);
}

/** The reconstructed central directives. */
export function readSeedDirectives(): SeedDirective[] {
  return readJson<{ directives: SeedDirective[] }>(path.join(seedDir(), 'central.json')).directives;
}

/** The trace links from plan tasks to central tasks. */
export function readSeedLinks(): SeedLink[] {
  return readJson<{ links: SeedLink[] }>(path.join(seedDir(), 'links.json')).links;
}

/** The ids every subgraph derives for seed rows, so that links need no lookup in another subgraph's tables. */
export const seedIds = {
  directive: (number: string): string => nameBasedId(`directive:${number}`),
  centralTask: (key: string): string => nameBasedId(`central-task:${key}`),
  plan: (key: string): string => nameBasedId(`plan:${key}`),
  task: (key: string): string => nameBasedId(`task:${key}`),
};

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
