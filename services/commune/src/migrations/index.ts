// The commune schema's migrations: TypeORM runs those its migrations table lacks, in timestamp order.

export { Init1763800000000 } from './1763800000000-init';
export { StatusReporting1763900000000 } from './1763900000000-status-reporting';
export { Indicators1764000000000 } from './1764000000000-indicators';
export { TaskState1764100000000 } from './1764100000000-task-state';
export { ResolvedDeadline1764300000000 } from './1764300000000-resolved-deadline';
export { TraceLinkMirror1764400000000 } from './1764400000000-trace-link-mirror';
export { LinkSuggestions1764700000000 } from './1764700000000-link-suggestions';
export { Amendments1764800000000 } from './1764800000000-amendments';
