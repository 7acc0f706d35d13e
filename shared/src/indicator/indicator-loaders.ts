import type DataLoader from 'dataloader';
import { In, type DataSource, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import { groupLoader, rowLoader } from '../loaders';
import type { EvidenceItem } from '../events/event-log';
import type { Indicator } from './indicator.interface';
import type { TargetDirection } from './indicator-target';
import type { IndicatorTarget, IndicatorValue } from './indicator.types';

/** The per-request loaders of a level's indicators (one statement per batch, never one per plan or row). */
export interface IndicatorLoaders<T extends Indicator> {
  indicatorById: DataLoader<string, T | null>;
  /** A plan's indicators, in document order. */
  indicatorsByPlanId: DataLoader<string, T[]>;
  /** An indicator's targets, by year. */
  targetsByIndicatorId: DataLoader<string, IndicatorTarget[]>;
  /** An indicator's reported values, newest first. */
  valuesByIndicatorId: DataLoader<string, IndicatorValue[]>;
}

/** What a row of `indicator_value` becomes; the statement selects `VALUE_COLUMNS`. */
export interface IndicatorValueRow {
  id: string;
  indicator_id: string;
  year: number;
  value: number;
  note: string | null;
  evidence: EvidenceItem[];
  reported_at: Date;
  actor: string;
}

/** The columns of `indicator_value` a value is presented from (numeric read as a double). */
export const VALUE_COLUMNS =
  'id, indicator_id, year, value::float8 AS value, note, evidence, reported_at, actor';

/** The GraphQL value of an `indicator_value` row. */
export function presentIndicatorValue(row: IndicatorValueRow): IndicatorValue {
  return {
    id: row.id,
    year: row.year,
    value: row.value,
    note: row.note,
    evidence: row.evidence,
    reportedAt: row.reported_at,
    actor: row.actor,
  };
}

/** Fresh indicator loaders for one request of a level whose indicator entity is `entity`. */
export function createIndicatorLoaders<T extends Indicator & { planId: string }>(
  dataSource: DataSource,
  entity: new () => T,
): IndicatorLoaders<T> {
  const indicators = dataSource.getRepository(entity);
  return {
    indicatorById: rowLoader(
      (ids) => indicators.findBy({ id: In([...ids]) } as FindOptionsWhere<T>),
      (row) => row.id,
    ),
    indicatorsByPlanId: groupLoader(
      (ids) =>
        indicators.find({
          where: { planId: In([...ids]) } as FindOptionsWhere<T>,
          order: { position: 'ASC' } as FindOptionsOrder<T>,
        }),
      (row) => row.planId,
    ),
    targetsByIndicatorId: groupLoader(
      (ids) =>
        dataSource.query<
          {
            indicator_id: string;
            year: number;
            text: string;
            value: number | null;
            direction: string | null;
          }[]
        >(
          `SELECT indicator_id, year, text, value::float8 AS value, direction FROM indicator_target
           WHERE indicator_id = ANY($1) ORDER BY indicator_id, year`,
          [[...ids]],
        ),
      (row) => row.indicator_id,
      (row) => ({
        year: row.year,
        text: row.text,
        value: row.value,
        direction: row.direction as TargetDirection | null,
      }),
    ),
    valuesByIndicatorId: groupLoader(
      (ids) =>
        dataSource.query<IndicatorValueRow[]>(
          `SELECT ${VALUE_COLUMNS} FROM indicator_value WHERE indicator_id = ANY($1)
           ORDER BY indicator_id, reported_at DESC, seq DESC`,
          [[...ids]],
        ),
      (row) => row.indicator_id,
      presentIndicatorValue,
    ),
  };
}
