import { checkedIsoDate } from '../document/document.input';
import { dayIn } from './calendar';
import { MONITORING_TIME_ZONE } from './task-state';

/** The day a monitoring field is for: `asOf` checked (INVALID_DATE otherwise), or today in Vietnam when absent. */
export function monitoringDay(asOf: string | null | undefined): string {
  return asOf === undefined || asOf === null
    ? dayIn(MONITORING_TIME_ZONE, new Date())
    : checkedIsoDate(asOf, 'asOf');
}
