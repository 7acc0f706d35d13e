import { randomUUID } from 'node:crypto';
import type { DataSource, DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { authorize } from '../auth/authorize';
import type { Identity } from '../auth/identity';
import { documentColumns } from '../document/document.input';
import { assertNewPlan, type PlanTable } from '../document/plan-identity';
import { ErrorCode, userError } from '../errors';
import { isUuid } from '../ids';
import { importPlan, writtenTaskIds, type PlanLevel } from '../plan-import/plan-import';
import type { PlanImportInput } from '../plan-import/plan-import.input';
import type { AcceptedSuggestion, ImportedRow, PlanImport } from '../plan-import/plan-import.type';
import { readSuggestions } from '../suggestions/suggestion-reader';
import { suggestionEvidence } from '../suggestions/suggestion-score';
import { TaskStore } from '../store/task-store';
import { unlinkTask } from '../amendment/amend-task';
import type { UnlinkTaskInput } from '../amendment/amendment.input';
import { LinkTaskInput, type TaskInput } from '../task/task.input';
import { taskColumns } from '../task/task.input';
import { linkLevelTask, type LinkRules } from './task-links';
import { jurisdictionOf, type LevelSpec, type LevelTypes } from './level-spec';
import { statusLevel } from './task-status.resolver';

/** Where the level's plans are, for the duplicate check and the import. */
export function planTable<L extends LevelTypes>(spec: LevelSpec<L>): PlanTable<L['plan']> {
  return { entity: spec.plan.entity, jurisdictionField: spec.jurisdiction.field };
}

/**
 * The task store of a level of plans (provincial, commune), built from its spec: plans with their tasks, a task
 * added to a plan, a plan imported from a file, links, and what every level's store does (TaskStore). A planner
 * writes only the plans of the jurisdiction their token names.
 */
export class LevelTaskStore<L extends LevelTypes> extends TaskStore<L['task']> {
  private readonly planLevel: PlanLevel<L['plan'], L['task']>;

  constructor(
    readonly spec: LevelSpec<L>,
    dataSource: DataSource,
    private readonly linkRules: LinkRules<L>,
  ) {
    super(dataSource, statusLevel(spec));
    this.planLevel = {
      level: spec.level,
      plans: planTable(spec),
      tasks: spec.task.entity,
      planField: 'planId',
    };
  }

  /** Records a plan with its tasks, all or nothing; DUPLICATE when its issuer already has it recorded. */
  async createPlan(identity: Identity | null, input: L['planInput']): Promise<L['plan']> {
    const code = jurisdictionOf(this.spec, input);
    authorize(identity, 'plan', { jurisdiction: code });
    return this.transaction(async (manager) => {
      await this.assertJurisdictionExists(manager, code);
      const columns = documentColumns(input);
      await assertNewPlan(manager, this.planLevel.plans, code, columns);
      const plan = await manager.save(
        manager.create(this.spec.plan.entity, {
          ...columns,
          id: randomUUID(),
          [this.spec.jurisdiction.field]: code,
        } as DeepPartial<L['plan']>),
      );
      const tasks = await this.insertTasks(manager, plan.id, input.tasks, 1);
      return { result: plan, written: tasks.map((task) => task.id) };
    });
  }

  /** Adds a task at the end of a plan, for a planner of the plan's jurisdiction. */
  addTask(identity: Identity | null, planId: string, input: TaskInput): Promise<L['task']> {
    return this.transaction(async (manager) => {
      const plan = await this.planInScope(manager, identity, planId);
      const position =
        (await manager.countBy(this.spec.task.entity, { planId: plan.id } as FindOptionsWhere<L['task']>)) +
        1;
      const [task] = await this.insertTasks(manager, plan.id, [input], position);
      return { result: task, written: [task.id] };
    });
  }

  /**
   * Imports a plan's task table (a dry run unless `input.dryRun` is false; see plan-import.ts), and when asked
   * links each created row to its best suggestion at or above the auto-accept threshold, in the same commit.
   */
  async importPlan(identity: Identity | null, input: PlanImportInput): Promise<PlanImport> {
    authorize(identity, 'plan', { jurisdiction: input.jurisdiction });
    return this.transaction(async (manager) => {
      await this.assertJurisdictionExists(manager, input.jurisdiction);
      const writer = { table: this.table, actor: identity?.subject ?? 'anonymous' };
      const report = await importPlan(manager, this.planLevel, input.jurisdiction, input, writer);
      if (!input.acceptSuggestions || !report.written) {
        return { result: report, written: writtenTaskIds(report) };
      }
      // Suggestions read the search projection: the created rows must be in it before they are suggested.
      await this.project(manager, writtenTaskIds(report));
      const accepted = await this.acceptSuggestions(manager, identity, report.created);
      return { result: { ...report, accepted }, written: [] };
    });
  }

  private async acceptSuggestions(
    manager: EntityManager,
    identity: Identity | null,
    created: readonly ImportedRow[],
  ): Promise<AcceptedSuggestion[]> {
    const rows = created.filter((row): row is ImportedRow & { taskId: string; row: number } =>
      Boolean(row.taskId && row.row !== null),
    );
    const found = await readSuggestions(
      manager,
      this.spec.level,
      rows.map((row) => row.taskId),
      1,
    );
    const accepted: AcceptedSuggestion[] = [];
    for (const row of rows) {
      const best = found.get(row.taskId)?.[0];
      if (!best?.autoAccept) continue;
      const link = Object.assign(new LinkTaskInput(), {
        taskId: row.taskId,
        implements: [{ level: best.level, id: best.targetId }],
        evidence: suggestionEvidence(best.reason),
      });
      await linkLevelTask(manager, this.spec, link, identity, this.linkRules);
      accepted.push({
        row: row.row,
        taskId: row.taskId,
        level: best.level,
        targetId: best.targetId,
        score: best.score,
        reason: best.reason,
      });
    }
    return accepted;
  }

  /** Links a task to the tasks it carries out, as the level's link rules allow (see task-links.ts). */
  link(identity: Identity | null, input: LinkTaskInput): Promise<L['task']> {
    return this.transaction(async (manager) => ({
      result: await linkLevelTask(manager, this.spec, input, identity, this.linkRules),
      written: [],
    }));
  }

  /** Removes links of a task by an amendment, with an UNLINKED event routed as the task was before. */
  unlink(identity: Identity | null, input: UnlinkTaskInput): Promise<L['task']> {
    return this.amendment((manager) => unlinkTask(manager, this.table, input, identity));
  }

  /** Throws INVALID_JURISDICTION unless the level has a jurisdiction with `code`. */
  async assertJurisdictionExists(manager: EntityManager, code: string): Promise<void> {
    const where = { code } as FindOptionsWhere<L['jurisdiction']>;
    if (!(await manager.existsBy(this.spec.jurisdiction.entity, where))) {
      const { noun, field } = this.spec.jurisdiction;
      throw userError(ErrorCode.INVALID_JURISDICTION, `No ${noun} with code ${code}`, { [field]: code });
    }
  }

  /** The plan with `planId`, once the caller is known to plan for its jurisdiction; NOT_FOUND otherwise. */
  private async planInScope(
    manager: EntityManager,
    identity: Identity | null,
    planId: string,
  ): Promise<L['plan']> {
    const plan = isUuid(planId)
      ? await manager.findOneBy(this.spec.plan.entity, { id: planId } as FindOptionsWhere<L['plan']>)
      : null;
    if (!plan) {
      throw userError(ErrorCode.NOT_FOUND, `No ${this.spec.adjective} plan with id ${planId}`, { planId });
    }
    authorize(identity, 'plan', { jurisdiction: jurisdictionOf(this.spec, plan) });
    return plan;
  }

  private async insertTasks(
    manager: EntityManager,
    planId: string,
    inputs: readonly TaskInput[],
    firstPosition: number,
  ): Promise<L['task'][]> {
    const tasks = inputs.map((task, index) =>
      manager.create(this.spec.task.entity, {
        ...taskColumns(task),
        id: randomUUID(),
        planId,
        position: firstPosition + index,
      } as DeepPartial<L['task']>),
    );
    return tasks.length > 0 ? manager.save(tasks) : [];
  }
}
