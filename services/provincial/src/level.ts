import { TaskLevel, type LevelSpec } from '@nq57/shared';
import { Province } from './province/province.entity';
import { ProvincialPlan } from './provincial-plan/provincial-plan.entity';
import { ProvincialPlanInput } from './provincial-plan/provincial-plan.input';
import { ProvincialTask } from './provincial-task/provincial-task.entity';
import { ProvincialIndicator } from './indicator/provincial-indicator.entity';

/** The entity classes of the provincial level. */
export interface ProvincialTypes {
  jurisdiction: Province;
  plan: ProvincialPlan;
  task: ProvincialTask;
  indicator: ProvincialIndicator;
  planInput: ProvincialPlanInput;
}

/** The provincial level, as the shared level factories build it (shared/src/level). */
export const PROVINCIAL: LevelSpec<ProvincialTypes> = {
  level: TaskLevel.PROVINCIAL,
  prefix: 'Provincial',
  adjective: 'provincial',
  jurisdiction: { entity: Province, noun: 'province', field: 'provinceCode', table: 'province' },
  plan: { entity: ProvincialPlan, input: ProvincialPlanInput, table: 'provincial_plan' },
  task: { entity: ProvincialTask, table: 'provincial_task' },
  indicator: { entity: ProvincialIndicator, table: 'provincial_indicator' },
  jurisdictionColumn: 'province_code',
  linkedTaskOrder: { join: '', orderBy: 'p.issued_on ASC NULLS LAST, t.position, t.id' },
  text: {
    implements: 'Tasks of other provincial plans this task carries out',
    implementedBy: 'Tasks of other provincial plans that carry this task out',
    warnings: "Warning lists of the province's plan tasks, each by due date then position",
  },
};
