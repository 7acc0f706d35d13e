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

/** One accepted status change, as appended to the log. */
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
}

// One constant key: every append in the hub takes the same lock, so sequence order is commit order.
const APPEND_LOCK = "hashtext('nq57-task-events-append')";

/**
 * Appends an event in the caller's transaction and announces it on commit. Appends are serialised by a
 * transaction-scoped advisory lock taken just before the sequence number is drawn, so a reader that has seen
 * sequence n has seen every committed event before n: cursors never skip an event that commits late.
 */
export async function appendTaskEvent(manager: EntityManager, event: NewTaskEvent): Promise<string> {
  await manager.query(`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`);
  const [row] = (await manager.query(
    `INSERT INTO ${EVENT_SCHEMA}.task_event (id, actor, task_level, task_id, from_status, to_status,
       from_progress, progress, note, evidence, version, province_code, commune_code, directive_keys)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
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
    ],
  )) as { seq: string }[];
  await manager.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, row.seq]);
  return row.seq;
}
