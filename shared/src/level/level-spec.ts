import type { ClassType } from 'type-graphql';
import type { DocumentBase } from '../document/document.interface';
import type { DocumentInput } from '../document/document.input';
import type { Indicator } from '../indicator/indicator.interface';
import type { Task } from '../task/task.interface';
import type { TaskInput } from '../task/task.input';
import type { TaskLevel } from '../task/task-status';

/** A province or a commune: the unit a level's plans belong to and its tokens are scoped to. */
export interface LevelJurisdiction {
  code: string;
}

/** What a level's plan entity is: a document of one jurisdiction. */
export type LevelPlan = DocumentBase & { id: string };

/** What a level's task and indicator entities are: rows of one plan. */
export type LevelTask = Task & { planId: string };
export type LevelIndicator = Indicator & { planId: string };

/** What `create<Prefix>Plan` takes: the printed facts, the jurisdiction code and the tasks. */
export type LevelPlanInput = DocumentInput & { tasks: TaskInput[] };

/** The entity classes of one level, as one type argument (so the factories take one, not five). */
export interface LevelTypes {
  jurisdiction: LevelJurisdiction;
  plan: LevelPlan;
  task: LevelTask;
  indicator: LevelIndicator;
  planInput: LevelPlanInput;
}

/**
 * Everything the level factories need to know of one level (provincial or commune), declared once in each
 * level service (`services/<level>/src/level.ts`). Names of types, fields and messages are made from `prefix`,
 * `adjective` and `jurisdiction.noun`; `text` holds the descriptions whose wording differs between levels.
 * Table and column names are constants of the service, never input: the factories put them into SQL.
 */
export interface LevelSpec<L extends LevelTypes> {
  level: TaskLevel.PROVINCIAL | TaskLevel.COMMUNE;
  /** Starts every type and root field of the level: "Provincial" gives ProvincialPlan, createProvincialPlan. */
  prefix: 'Provincial' | 'Commune';
  /** The level in descriptions and messages: "a provincial plan", "No commune plan with id …". */
  adjective: 'provincial' | 'commune';
  jurisdiction: {
    entity: ClassType<L['jurisdiction']>;
    /** The field on a plan naming its jurisdiction, and the word for it in messages. */
    noun: 'province' | 'commune';
    /** The property of the plan (and of the plan input) holding the jurisdiction code. */
    field: JurisdictionField<L>;
    table: 'province' | 'commune';
  };
  plan: {
    entity: ClassType<L['plan']>;
    input: ClassType<L['planInput']>;
    table: 'provincial_plan' | 'commune_plan';
  };
  task: { entity: ClassType<L['task']>; table: 'provincial_task' | 'commune_task' };
  indicator: {
    entity: ClassType<L['indicator']>;
    table: 'provincial_indicator' | 'commune_indicator';
  };
  /** The column of the plan table holding `jurisdiction.field`. */
  jurisdictionColumn: 'province_code' | 'commune_code';
  /**
   * How a list of linked tasks is ordered: `orderBy` over the aliases t (task), p (plan), l (task_link), with
   * `join` adding any other table it names. A level's lists keep the order its users have always seen.
   */
  linkedTaskOrder: { join: string; orderBy: string };
  /** Descriptions whose wording is the level's own. */
  text: {
    /** `implements<Prefix>Tasks` and `implementedBy<Prefix>Tasks`. */
    implements: string;
    implementedBy: string;
    /** `<jurisdiction>.warnings`. */
    warnings: string;
  };
}

/** A property that both the plan entity and the plan input hold as a string: the jurisdiction code. */
export type JurisdictionField<L extends LevelTypes> = {
  [K in keyof L['plan'] & keyof L['planInput']]: L['plan'][K] extends string
    ? L['planInput'][K] extends string
      ? K
      : never
    : never;
}[keyof L['plan'] & keyof L['planInput']] &
  string;

/** The jurisdiction code of a plan or a plan input of the level. */
export function jurisdictionOf<L extends LevelTypes>(
  spec: LevelSpec<L>,
  row: L['plan'] | L['planInput'],
): string {
  return (row as unknown as Record<string, string>)[spec.jurisdiction.field];
}

/** A root field of the level: (spec, 'create', 'Plan') is createProvincialPlan, (spec, '', 'Plan') provincialPlan. */
export function levelName<L extends LevelTypes>(spec: LevelSpec<L>, verb: string, noun: string): string {
  return verb === '' ? `${spec.adjective}${noun}` : `${verb}${spec.prefix}${noun}`;
}

/** The level's TypeORM entities, for its data source. */
export function levelEntities<L extends LevelTypes>(spec: LevelSpec<L>): ClassType[] {
  return [spec.jurisdiction.entity, spec.plan.entity, spec.task.entity, spec.indicator.entity];
}
