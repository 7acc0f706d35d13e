import { suggestionsResolver } from '@nq57/shared';
import { COMMUNE } from '../level';
import { LinkSuggestion, linkSuggestion } from './link-suggestion.type';

/** Suggested trace links of commune tasks (suggestedLinks, acceptCommuneLinkSuggestion, dismissCommuneLinkSuggestion). */
export const CommuneTaskSuggestionsResolver = suggestionsResolver(COMMUNE, {
  suggestion: LinkSuggestion,
  toSuggestion: linkSuggestion,
  description:
    "Tasks of the province's plans and central tasks this task may carry out, best first: cited document " +
    'numbers and similar wording. Tasks already linked, and suggestions dismissed, are left out',
});
