import type { EntityManager } from 'typeorm';
import { holdWriteLock } from '../db/write-lock';
import { ErrorCode, userError } from '../errors';
import { EXISTING_LINKS_SQL, INSERT_TASK_LINK_SQL, LINK_CYCLE_SQL } from '../store/task-store.sql';
import type { TaskRefInput } from './task.input';
import { TaskLevel } from './task-status';

/** What a subgraph knows how to look up when one of its tasks is linked to tasks it implements. */
export interface LinkRequest {
  taskId: string;
  targets: TaskRefInput[];
  /** The level of the linking task; same-level links are checked for cycles. */
  ownLevel: TaskLevel;
  allowedLevels: TaskLevel[];
  /** For each target id found at `level`: the jurisdiction code it belongs to (province or commune code). */
  find: (level: TaskLevel, ids: string[]) => Promise<Map<string, string>>;
  /** Which jurisdiction a target at each level must belong to, where one is required. */
  requiredJurisdiction: Partial<Record<TaskLevel, string>>;
  evidence: string | null;
}

/**
 * Validates links from one task to the higher (or same-level) tasks it implements and writes them all, or
 * throws a coded GraphQL error and writes nothing. Call inside the transaction that should hold the write: links
 * of one level are written one transaction at a time, so concurrent links are checked as if sequential.
 */
export async function addTaskLinks(manager: EntityManager, request: LinkRequest): Promise<void> {
  checkShape(request);
  // What the duplicate and cycle checks read is only true until another link of this level commits.
  await holdWriteLock(manager, `task-links:${request.ownLevel}`);
  for (const level of request.allowedLevels) {
    const ids = request.targets.filter((target) => target.level === level).map((target) => target.id);
    if (ids.length > 0) await checkTargets(request, level, ids);
  }
  await checkNotLinked(manager, request);
  await checkNoCycle(manager, request);
  for (const target of request.targets) {
    await manager.query(INSERT_TASK_LINK_SQL, [request.taskId, target.level, target.id, request.evidence]);
  }
}

function checkShape({ taskId, targets, ownLevel, allowedLevels }: LinkRequest): void {
  if (targets.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'Name at least one task to link to');
  const seen = new Set<string>();
  for (const { level, id } of targets) {
    if (!allowedLevels.includes(level)) {
      throw userError(
        ErrorCode.WRONG_LEVEL,
        `A ${name(ownLevel)} task cannot implement a ${name(level)} task`,
        {
          level,
          id,
        },
      );
    }
    if (seen.has(`${level}:${id}`))
      throw userError(ErrorCode.DUPLICATE_LINK, `Task ${id} is named twice`, { id });
    seen.add(`${level}:${id}`);
    if (level === ownLevel && id === taskId) {
      throw userError(ErrorCode.CYCLE, 'A task cannot implement itself', { id });
    }
  }
}

async function checkTargets(request: LinkRequest, level: TaskLevel, ids: string[]): Promise<void> {
  const found = await request.find(level, ids);
  for (const id of ids) {
    const jurisdiction = found.get(id);
    if (jurisdiction === undefined) await failMissing(request, level, id);
    const required = request.requiredJurisdiction[level];
    if (required !== undefined && jurisdiction !== required) {
      throw userError(
        ErrorCode.INVALID_JURISDICTION,
        `${capitalised(name(level))} task ${id} belongs to ${jurisdiction}, not to ${required}`,
        { id, jurisdiction, required },
      );
    }
  }
}

async function failMissing(request: LinkRequest, level: TaskLevel, id: string): Promise<never> {
  // A known task at another level means the caller picked the wrong level, which deserves its own code.
  for (const other of request.allowedLevels.filter((candidate) => candidate !== level)) {
    if ((await request.find(other, [id])).has(id)) {
      throw userError(
        ErrorCode.WRONG_LEVEL,
        `Task ${id} is a ${name(other)} task, not a ${name(level)} task`,
        {
          id,
          level: other,
        },
      );
    }
  }
  throw userError(ErrorCode.UNKNOWN_TASK, `No ${name(level)} task with id ${id}`, { id, level });
}

async function checkNotLinked(manager: EntityManager, { taskId, targets }: LinkRequest): Promise<void> {
  const existing = await manager.query<{ target_level: string; target_id: string }[]>(EXISTING_LINKS_SQL, [
    taskId,
    targets.map((target) => `${target.level}:${target.id}`),
  ]);
  if (existing.length > 0) {
    const [{ target_id: id }] = existing;
    throw userError(ErrorCode.DUPLICATE_LINK, `Task ${taskId} already implements task ${id}`, { id });
  }
}

async function checkNoCycle(
  manager: EntityManager,
  { taskId, targets, ownLevel }: LinkRequest,
): Promise<void> {
  const sameLevel = targets.filter((target) => target.level === ownLevel).map((target) => target.id);
  if (sameLevel.length === 0) return;
  // Walk up from the new targets; reaching the linking task means the new links would close a loop.
  const [{ cycle }] = await manager.query<{ cycle: boolean }[]>(LINK_CYCLE_SQL, [
    sameLevel,
    taskId,
    ownLevel,
  ]);
  if (cycle)
    throw userError(ErrorCode.CYCLE, `Linking task ${taskId} this way would make a cycle`, { taskId });
}

function name(level: TaskLevel): string {
  return {
    [TaskLevel.CENTRAL]: 'central',
    [TaskLevel.PROVINCIAL]: 'provincial',
    [TaskLevel.COMMUNE]: 'commune',
  }[level];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
