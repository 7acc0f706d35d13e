import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements a data source runs, so tests can prove
 * that a query's cost does not grow with the rows it returns.
 */
export class QueryCounter extends AbstractLogger {
  private count = 0;

  /** Statements run since this data source started. */
  get total(): number {
    return this.count;
  }

  override logQuery(): void {
    this.count += 1;
  }

  override logQueryError(error: string | Error, query: string): void {
    console.error('[sql] failed:', query, error instanceof Error ? error.message : error);
  }

  protected override writeLog(
    _level: LogLevel,
    _message: LogMessage | LogMessage[],
    _runner?: QueryRunner,
  ): void {
    // Only counting and errors matter here; TypeORM's other chatter is dropped.
  }
}
