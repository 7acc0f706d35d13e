import type { EntityManager } from 'typeorm';
import type { TaskLevel, TaskStatus } from '../task/task-status';

/** The PostgreSQL schema of the hub's event log; the events subgraph owns and migrates it. */
export const EVENT_SCHEMA = 'events';

/** The LISTEN/NOTIFY channel on which a committed event announces its sequence number. */
export const EVENT_CHANNEL = 'nq57_task_events';

/** What a subscriber can filter on, fixed when the event is written so replay and live agree. */
export interface EventRouting {
  provinceCode: string | null;
  communeCode: string | null;
  /** Folded numbers (and aliases) of every directive the task implements, directly or transitively. */
  directiveKeys: string[];
}

/** Evidence attached to a report: a title and a URL or a document number. */
export interface EvidenceItem {
  title: string;
  url: string | null;
  documentNumber: string | null;
}

/** What an event of the log records: a status report, or one of the amendments of a task's document. */
export enum TaskEventKind {
  /** A status report: the status or progress moved (from, to). */
  STATUS = 'STATUS',
  /** Printed fields of the task were amended; `changes` says which, from what to what. */
  AMENDED = 'AMENDED',
  /** The task was removed from its document; it keeps its reports and links. */
  REMOVED = 'REMOVED',
  /** Links to tasks it carried out were removed; `changes` names each. */
  UNLINKED = 'UNLINKED',
}

/** One field an amendment changed, as printed before and after (null: empty). */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One accepted change of a task, as appended to the log. */
export interface NewTaskEvent extends EventRouting {
  id: string;
  actor: string;
  level: TaskLevel;
  taskId: string;
  from: TaskStatus;
  to: TaskStatus;
  fromProgress: number;
  progress: number;
  note: string | null;
  evidence: EvidenceItem[];
  version: number;
  kind: TaskEventKind;
  changes: FieldChange[];
}

/**
 * Appends an event in the caller's transaction and returns its sequence number. The trigger on task_event
 * (events migration WritePath1764400000000) takes the one append lock before it draws the number and notifies
 * EVENT_CHANNEL, so events commit in sequence order and a reader that has seen n has seen every event before n.
 * A status report appends in its own statement instead (shared/src/status/report-status.ts), by the same trigger.
 */
export async function appendTaskEvent(manager: EntityManager, event: NewTaskEvent): Promise<string> {
  const [row] = (await manager.query(
    `INSERT INTO ${EVENT_SCHEMA}.task_event (id, actor, task_level, task_id, from_status, to_status,
       from_progress, progress, note, evidence, version, province_code, commune_code, directive_keys, kind, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING seq`,
    [
      event.id,
      event.actor,
      event.level,
      event.taskId,
      event.from,
      event.to,
      event.fromProgress,
      event.progress,
      event.note,
      JSON.stringify(event.evidence),
      event.version,
      event.provinceCode,
      event.communeCode,
      event.directiveKeys,
      event.kind,
      JSON.stringify(event.changes),
    ],
  )) as { seq: string }[];
  return row.seq;
}
