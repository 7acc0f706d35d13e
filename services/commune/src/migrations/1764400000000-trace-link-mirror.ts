import { TaskLevel, traceLinkMirrorMigration } from '@nq57/shared';

/** This level's trace links, mirrored into events.trace_link where status reports route their events. */
export const TraceLinkMirror1764400000000 = traceLinkMirrorMigration(TaskLevel.COMMUNE);
