import { linkSuggestionType, suggestionsResolver } from '@nq57/shared';
import { PROVINCIAL } from '../level';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTask } from './provincial-task.entity';

/** Suggested trace links of provincial tasks (suggestedLinks, acceptProvincialLinkSuggestion, dismissProvincialLinkSuggestion). */
export const ProvincialTaskSuggestionsResolver = suggestionsResolver(PROVINCIAL, {
  ...linkSuggestionType({ central: CentralTaskRef, provincial: ProvincialTask }),
  description:
    'Central tasks this task may carry out, best first: cited document numbers and similar wording. ' +
    'Tasks already linked, and suggestions dismissed, are left out',
});
