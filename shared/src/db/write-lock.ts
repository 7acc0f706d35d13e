import type { EntityManager } from 'typeorm';

/**
 * Takes a transaction-scoped advisory lock named `name` in the caller's transaction (held to its commit or
 * rollback). Writes that check what exists before inserting take one, so that two of them at once are answered
 * as their sequential twins (a DUPLICATE, a CYCLE) instead of both passing their checks.
 */
export async function holdWriteLock(manager: EntityManager, name: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`holdWriteLock(${name}) needs a transaction: the lock would end with the statement`);
  }
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`nq57:${name}`]);
}
