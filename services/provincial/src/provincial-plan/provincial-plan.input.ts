import { InputType } from 'type-graphql';
import { planDocumentInput } from '@nq57/shared/schema';

/** A new provincial plan and, optionally, its tasks: written together or not at all. */
@InputType('ProvincialPlanInput')
export class ProvincialPlanInput extends planDocumentInput('province', { length: 2, example: '19' }) {}
