import { TaskLevel, type LevelSpec } from '@nq57/shared';
import { Commune } from './commune/commune.entity';
import { CommunePlan } from './commune-plan/commune-plan.entity';
import { CommunePlanInput } from './commune-plan/commune-plan.input';
import { CommuneTask } from './commune-task/commune-task.entity';
import { CommuneIndicator } from './indicator/commune-indicator.entity';

/** The entity classes of the commune level. */
export interface CommuneTypes {
  jurisdiction: Commune;
  plan: CommunePlan;
  task: CommuneTask;
  indicator: CommuneIndicator;
  planInput: CommunePlanInput;
}

/** The commune level, as the shared level factories build it (shared/src/level). */
export const COMMUNE: LevelSpec<CommuneTypes> = {
  level: TaskLevel.COMMUNE,
  prefix: 'Commune',
  adjective: 'commune',
  jurisdiction: { entity: Commune, noun: 'commune', field: 'communeCode', table: 'commune' },
  plan: { entity: CommunePlan, input: CommunePlanInput, table: 'commune_plan' },
  task: { entity: CommuneTask, table: 'commune_task' },
  indicator: { entity: CommuneIndicator, table: 'commune_indicator' },
  jurisdictionColumn: 'commune_code',
  // Lists of linked commune tasks go by commune, and the commune filters of tasksByTargetId read `c`.
  linkedTaskOrder: { join: 'JOIN commune c ON c.code = p.commune_code', orderBy: 'c.code, t.position, t.id' },
  text: {
    implements: 'Tasks of other plans of the commune this task carries out',
    implementedBy: 'Tasks of other plans of the commune that carry this out',
    warnings: "Warning lists of the commune's plan tasks, each by due date then position",
  },
};
