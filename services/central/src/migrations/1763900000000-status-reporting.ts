import { statusReportingMigration } from '@nq57/shared';

/** Task versions and idempotency records for status reports. */
export const StatusReporting1763900000000 = statusReportingMigration('central_task');
