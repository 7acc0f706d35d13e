import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DocumentInput,
  ErrorCode,
  documentColumns,
  documentNumberKey,
  holdWriteLock,
  userError,
  authorize,
  CENTRAL,
} from '@nq57/shared';
import { DirectiveDocument } from './directive.entity';
import { CentralTask } from '../central-task/central-task.entity';
import type { CentralContext } from '../loaders';

/** Reads and writes of central directives. */
@Resolver(() => DirectiveDocument)
export class DirectiveResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => DirectiveDocument, { nullable: true, description: 'A directive by its number as printed' })
  directive(@Arg('number', () => String) number: string): Promise<DirectiveDocument | null> {
    return this.findByNumber(number);
  }

  /** The directive whose number or one of whose aliases folds to the same key as `number`. */
  private findByNumber(number: string, manager = this.dataSource.manager): Promise<DirectiveDocument | null> {
    return manager
      .getRepository(DirectiveDocument)
      .createQueryBuilder('d')
      .where(
        "d.number_key = :key OR :key = ANY(SELECT upper(regexp_replace(a, '\\s', '', 'g')) FROM unnest(d.aliases) a)",
        {
          key: documentNumberKey(number),
        },
      )
      .getOne();
  }

  @Query(() => [DirectiveDocument], { description: 'All central directives, by issue date' })
  directives(): Promise<DirectiveDocument[]> {
    return this.dataSource
      .getRepository(DirectiveDocument)
      .find({ order: { issuedOn: { direction: 'ASC', nulls: 'LAST' }, number: 'ASC' } });
  }

  @FieldResolver(() => [CentralTask], { description: 'The tasks the directive assigns, in document order' })
  tasks(@Root() directive: DirectiveDocument, @Ctx() { loaders }: CentralContext): Promise<CentralTask[]> {
    return loaders.tasksByDirectiveId.load(directive.id);
  }

  @Mutation(() => DirectiveDocument, { description: 'Records a central directive' })
  async createDirective(
    @Arg('input', () => DocumentInput) input: DocumentInput,
    @Ctx() { identity }: CentralContext,
  ): Promise<DirectiveDocument> {
    authorize(identity, 'plan', { jurisdiction: CENTRAL });
    if (!input.number) throw userError(ErrorCode.BAD_USER_INPUT, 'A central directive needs its number');
    const number = input.number;
    return this.dataSource.transaction(async (manager) => {
      // Two creations of one number at once: the second waits, then finds the first, as it would one after the other.
      await holdWriteLock(manager, 'directive-create');
      const repository = manager.getRepository(DirectiveDocument);
      // An alias counts: "57/NQ-TW" is how plans print 57-NQ/TW, and a lookup must find one directive.
      const existing = await this.findByNumber(number, manager);
      if (existing) {
        throw userError(ErrorCode.DUPLICATE, `Directive ${number} already exists as ${existing.number}`, {
          number,
          existing: existing.number,
        });
      }
      return repository.save(
        repository.create({
          ...documentColumns(input),
          id: randomUUID(),
          numberKey: documentNumberKey(number),
          aliases: [],
          evidence: null,
        }),
      );
    });
  }
}
