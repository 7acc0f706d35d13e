import { agencyProgressFieldResolver, progressFieldResolver } from '@nq57/shared';
import { DirectiveDocument } from './directive.entity';
import type { CentralContext } from '../loaders';

/** `Directive.progress(asOf)`: the directive's own central tasks, counted in one aggregate per batch. */
export const DirectiveProgressResolver = progressFieldResolver(
  DirectiveDocument,
  { name: 'progress', description: 'Where the tasks the directive assigns stand on a date' },
  (directive, { loaders }: CentralContext, asOf) => loaders.progress.byDirectiveId(asOf).load(directive.id),
);

/** `Directive.agencies(asOf)`: the same counts by lead agency. */
export const DirectiveAgenciesResolver = agencyProgressFieldResolver(
  DirectiveDocument,
  { name: 'agencies', description: 'Where the directive’s tasks stand on a date, by lead agency (chủ trì)' },
  (directive, { loaders }: CentralContext, asOf) =>
    loaders.agencyProgressByDirectiveId(asOf).load(directive.id),
);
