// The schema room of @nq57/shared (`@nq57/shared/schema`): the GraphQL types, interfaces and inputs every level
// shares (the Task and Document interfaces, which are also the entities' common columns; statuses, deadlines,
// assignments; the inputs of reports, amendments and imports; the roll-up and warning types). It builds on the
// core room and never on the level machinery (resolver factories, stores, servers, the database): the linter
// holds that line, and `schema.test.ts` checks that loading it starts no server or database code.
import 'reflect-metadata';

export * from '../task/task-status';
export * from '../task/assignment.type';
export * from '../task/deadline.type';
export * from '../task/task.interface';
export * from '../task/task.input';
export * from '../document/document.interface';
export * from '../document/document.input';
export * from '../document/plan-document';
export * from '../jurisdictions/jurisdiction-columns';
export * from '../status/status-report.input';
export * from '../status/status-report.type';
export * from '../indicator/indicator.types';
export * from '../indicator/indicator.interface';
export * from '../indicator/indicator-value.input';
export * from '../monitoring/progress.type';
export * from '../monitoring/task-state.type';
export * from '../monitoring/warnings.type';
export * from '../plan-import/plan-import.input';
export * from '../plan-import/plan-import.type';
export * from '../amendment/amendment.input';
export * from '../suggestions/link-suggestion.type';
