import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { Column, Index } from 'typeorm';
import { MAX_PLAN_TASKS, TaskInput } from '../task/task.input';
import { DocumentInput } from './document.input';
import { DocumentBase } from './document.interface';

/** The word for a plan level's jurisdiction; its plans' own columns are named from it. */
export type JurisdictionNoun = 'province' | 'commune';

/** What a plan holds beside the document: its jurisdiction's code, whether the hub inferred it, and from what. */
export type PlanColumns<N extends JurisdictionNoun> = Record<`${N}Code`, string> &
  Record<`${N}Inferred`, boolean> &
  Record<`${N}Evidence`, string | null>;

/** What a plan input holds beside the document's facts: the jurisdiction's code and the tasks. */
export type PlanInputFields<N extends JurisdictionNoun> = Record<`${N}Code`, string> & { tasks: TaskInput[] };

// A decorator cannot be written on a property whose name is computed, so the properties named from the noun are
// decorated as TypeScript decorates a declared one (bottom-up, after recording its design type): the entity
// and the schema get the same metadata, in the same order, as when each level declared them.
function declare(prototype: object, key: string, designType: unknown, decorators: PropertyDecorator[]): void {
  Reflect.decorate([...decorators, Reflect.metadata('design:type', designType)], prototype, key);
}

function capitalized(noun: JurisdictionNoun): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** The base of a level's plan entity: DocumentBase, then `<noun>Code` (indexed), `…Inferred`, `…Evidence`. */
export function planDocument<N extends JurisdictionNoun>(
  noun: N,
): abstract new () => DocumentBase & PlanColumns<N> {
  // Never in a schema itself: the level's plan type, which extends it, is.
  @ObjectType(`${capitalized(noun)}PlanDocument`)
  abstract class PlanDocument extends DocumentBase {}
  const { prototype } = PlanDocument;
  declare(prototype, `${noun}Code`, String, [Index(), Column('text')]);
  declare(prototype, `${noun}Inferred`, Boolean, [
    Field(() => Boolean, {
      description: `True when the document does not state its ${noun} and the hub inferred it`,
    }),
    Column({ type: 'boolean', default: false }),
  ]);
  declare(prototype, `${noun}Evidence`, Object, [
    Field(() => String, { nullable: true, description: `The words that state or imply the ${noun}` }),
    Column({ type: 'text', nullable: true }),
  ]);
  return PlanDocument as unknown as abstract new () => DocumentBase & PlanColumns<N>;
}

/** The base of a level's plan input: DocumentInput, then `<noun>Code` (`code.length` characters) and `tasks`. */
export function planDocumentInput<N extends JurisdictionNoun>(
  noun: N,
  code: { length: number; example: string },
): new () => DocumentInput & PlanInputFields<N> {
  // Never in a schema itself: the level's plan input, which extends it, is.
  @InputType(`${capitalized(noun)}PlanDocumentInput`)
  class PlanDocumentInput extends DocumentInput {}
  const { prototype } = PlanDocumentInput;
  declare(prototype, `${noun}Code`, String, [
    Field(() => String, { description: `Official ${noun} code, e.g. "${code.example}"` }),
    Length(code.length, code.length),
  ]);
  declare(prototype, 'tasks', Array, [
    Field(() => [TaskInput], { defaultValue: [] }),
    ArrayMaxSize(MAX_PLAN_TASKS, {
      message: `A plan is written with at most ${MAX_PLAN_TASKS} tasks at once`,
    }),
    ValidateNested({ each: true }),
  ]);
  return PlanDocumentInput as unknown as new () => DocumentInput & PlanInputFields<N>;
}
