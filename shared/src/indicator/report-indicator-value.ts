import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import { authorize, type Scope } from '../auth/authorize';
import { unauthenticated, type Identity } from '../auth/identity';
import type { EvidenceItem } from '../events/event-log';
import { leadNamesSql } from '../task/lead-names';
import type { IndicatorTables } from './indicator-sql';
import { presentIndicatorValue, VALUE_COLUMNS, type IndicatorValueRow } from './indicator-loaders';
import { INDICATOR_YEARS, MAX_INDICATOR_VALUE, type IndicatorValueInput } from './indicator-value.input';
import type { IndicatorValue } from './indicator.types';

/** What a report recorded: the indicator it is for, and the value as stored. */
export interface IndicatorValueOutcome {
  indicatorId: string;
  value: IndicatorValue;
}

/**
 * The checked content of a report, or BAD_USER_INPUT: the year in range, a finite value, and each piece of
 * evidence with exactly one of url and documentNumber. The input type checks the same at the edge; this keeps
 * the rule where the write is, for any caller.
 */
export function checkedIndicatorValue(input: IndicatorValueInput): {
  year: number;
  value: number;
  note: string | null;
  evidence: EvidenceItem[];
} {
  const refuse = (message: string, details: Record<string, unknown> = {}): never => {
    throw userError(ErrorCode.BAD_USER_INPUT, message, details);
  };
  if (!Number.isInteger(input.year) || input.year < INDICATOR_YEARS.min || input.year > INDICATOR_YEARS.max) {
    refuse(`year must be ${INDICATOR_YEARS.min}-${INDICATOR_YEARS.max}`, { year: input.year });
  }
  if (!Number.isFinite(input.value) || Math.abs(input.value) > MAX_INDICATOR_VALUE) {
    refuse(`value must be a finite number no larger than ${MAX_INDICATOR_VALUE} in size`);
  }
  const evidence = (input.evidence ?? []).map((item) => {
    if (!item.url === !item.documentNumber) {
      refuse(`Evidence "${item.title}" needs either a url or a documentNumber`);
    }
    if (item.url !== undefined && !/^https?:\/\/\S+$/u.test(item.url)) {
      refuse('url must be an http or https address');
    }
    return { title: item.title, url: item.url ?? null, documentNumber: item.documentNumber ?? null };
  });
  return { year: input.year, value: input.value, note: input.note?.trim() || null, evidence };
}

/**
 * Appends one reported value in one transaction: finds the indicator and its plan's jurisdiction, checks that
 * `identity` may report there (`authorize(…, 'report', { jurisdiction, lead })`), then inserts the value. Bad
 * input, an unknown indicator or a refusal writes nothing.
 */
export async function reportIndicatorValue(
  dataSource: DataSource,
  tables: IndicatorTables,
  input: IndicatorValueInput,
  identity: Identity | null,
): Promise<IndicatorValueOutcome> {
  if (!identity) throw unauthenticated('Sign in to report: send a bearer token');
  const checked = checkedIndicatorValue(input);
  return dataSource.transaction(async (manager) => {
    const [scope] = (await manager.query(
      `SELECT p.${tables.jurisdictionColumn} AS jurisdiction, ${leadNamesSql('i')} AS lead
       FROM ${tables.indicatorTable} i JOIN ${tables.planTable} p ON p.id = i.plan_id
       WHERE i.id = $1 FOR SHARE OF i`,
      [input.indicatorId],
    )) as Scope[];
    if (!scope) {
      throw userError(ErrorCode.NOT_FOUND, `No indicator with id ${input.indicatorId}`, {
        indicatorId: input.indicatorId,
      });
    }
    authorize(identity, 'report', scope);
    const [row] = (await manager.query(
      `INSERT INTO indicator_value (id, indicator_id, year, value, note, evidence, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${VALUE_COLUMNS}`,
      [
        randomUUID(),
        input.indicatorId,
        checked.year,
        checked.value,
        checked.note,
        JSON.stringify(checked.evidence),
        identity.subject,
      ],
    )) as IndicatorValueRow[];
    return { indicatorId: input.indicatorId, value: presentIndicatorValue(row) };
  });
}
