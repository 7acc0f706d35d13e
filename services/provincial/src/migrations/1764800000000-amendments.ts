import { amendmentsMigration } from '@nq57/shared';

/** Where a task removed from its document by an amendment is marked, with the document that removed it. */
export const Amendments1764800000000 = amendmentsMigration('provincial_task');
