import type { DataSource } from 'typeorm';
import {
  assignmentColumns,
  deadlineColumns,
  documentNumberKey,
  readSeedDirectives,
  seedIds,
  type SeedDirective,
} from '@nq57/shared';
import { DirectiveDocument } from './directive/directive.entity';
import { CentralTask } from './central-task/central-task.entity';

/** Loads the reconstructed central directives; rows already present are left as they are. */
export async function seedCentral(dataSource: DataSource): Promise<void> {
  const directives = readSeedDirectives();
  await dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(DirectiveDocument)
      .values(directives.map(directiveRow))
      .orIgnore()
      .execute();
    const tasks = directives.flatMap((directive) =>
      directive.tasks.map((task, index) => taskRow(directive, task, index)),
    );
    await manager.createQueryBuilder().insert().into(CentralTask).values(tasks).orIgnore().execute();
  });
}

function directiveRow(directive: SeedDirective): Partial<DirectiveDocument> {
  return {
    id: seedIds.directive(directive.number),
    ref: `central:${directive.number}`,
    number: directive.number,
    numberKey: documentNumberKey(directive.number),
    aliases: directive.aliases,
    kind: directive.kind.toUpperCase() as DirectiveDocument['kind'],
    title: directive.title,
    issuer: directive.issuer,
    issuedOn: directive.issuedOn,
    issuedOnText: null,
    notes: null,
    evidence: directive.evidence,
  };
}

function taskRow(
  directive: SeedDirective,
  task: SeedDirective['tasks'][number],
  index: number,
): Partial<CentralTask> {
  return {
    id: seedIds.centralTask(task.key),
    ref: task.key,
    directiveId: seedIds.directive(directive.number),
    position: index + 1,
    ordinal: task.ordinal,
    content: task.content,
    section: null,
    group: task.group,
    groupDerived: true,
    leadColumns: assignmentColumns(null),
    cooperatingColumns: assignmentColumns(null),
    deadlineColumns: deadlineColumns(task.deadline),
    centralDeadlineColumns: deadlineColumns(null),
    output: null,
    notes: null,
    evidence: task.evidence,
  };
}
