import { InputType } from 'type-graphql';
import { planDocumentInput } from '@nq57/shared/schema';

/** A new commune plan and, optionally, its tasks: written together or not at all. */
@InputType('CommunePlanInput')
export class CommunePlanInput extends planDocumentInput('commune', { length: 5, example: '24682' }) {}
