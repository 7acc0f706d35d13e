import { suggestionsResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';
import { LinkSuggestion, linkSuggestion } from './link-suggestion.type';

/** Suggested trace links of provincial tasks (suggestedLinks, acceptProvincialLinkSuggestion, dismissProvincialLinkSuggestion). */
export const ProvincialTaskSuggestionsResolver = suggestionsResolver(PROVINCIAL, {
  suggestion: LinkSuggestion,
  toSuggestion: linkSuggestion,
  description:
    'Central tasks this task may carry out, best first: cited document numbers and similar wording. ' +
    'Tasks already linked, and suggestions dismissed, are left out',
});
