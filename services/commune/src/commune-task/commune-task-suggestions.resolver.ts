import { linkSuggestionType, suggestionsResolver } from '@nq57/shared';
import { COMMUNE } from '../level';
import { CentralTaskRef } from '../central-task/central-task.ref';
import { ProvincialTaskRef } from '../provincial-task/provincial-task.ref';

/** Suggested trace links of commune tasks (suggestedLinks, acceptCommuneLinkSuggestion, dismissCommuneLinkSuggestion). */
export const CommuneTaskSuggestionsResolver = suggestionsResolver(COMMUNE, {
  ...linkSuggestionType({ central: CentralTaskRef, provincial: ProvincialTaskRef }),
  description:
    "Tasks of the province's plans and central tasks this task may carry out, best first: cited document " +
    'numbers and similar wording. Tasks already linked, and suggestions dismissed, are left out',
});
