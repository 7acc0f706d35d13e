import { TaskLevel, linkSuggestionsMigration } from '@nq57/shared';

/** The numbers each task cites, dismissed suggestions, and the pg_trgm wrappers of suggestedLinks. */
export const LinkSuggestions1764700000000 = linkSuggestionsMigration(TaskLevel.COMMUNE);
