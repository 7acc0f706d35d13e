import { IsInt, Max, Min } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { validateArgument, withLazyLoaders } from './level-service';

/** What Apollo Server does to the context of every operation (cloneObject in ApolloServer.js). */
function apolloClone<T extends object>(context: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(context) as object) as object, context) as T;
}

describe('withLazyLoaders', () => {
  it('makes the loaders on first read only, once, and an Apollo clone shares them', () => {
    let made = 0;
    const context = withLazyLoaders({ actor: 'someone' }, () => ({ serial: ++made }));
    const clone = apolloClone(context);
    expect(made).toBe(0);
    expect(clone.actor).toBe('someone');
    expect(clone.loaders).toEqual({ serial: 1 });
    expect(context.loaders).toBe(clone.loaders);
    expect(made).toBe(1);
  });

  it('gives each context loaders of its own', () => {
    let made = 0;
    const first = withLazyLoaders({}, () => ({ serial: ++made }));
    const second = withLazyLoaders({}, () => ({ serial: ++made }));
    expect([first.loaders.serial, second.loaders.serial]).toEqual([1, 2]);
  });
});

class Progress {
  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;
}

describe('validateArgument', () => {
  const progress = (value: number): Progress => Object.assign(new Progress(), { progress: value });

  it('accepts valid objects, lists of them and scalars', async () => {
    await expect(validateArgument(progress(5))).resolves.toBeUndefined();
    await expect(validateArgument([progress(0), progress(100), null])).resolves.toBeUndefined();
    await expect(validateArgument('text')).resolves.toBeUndefined();
    await expect(validateArgument(null)).resolves.toBeUndefined();
  });

  it('refuses an invalid object, alone or in a list, as type-graphql does (BAD_USER_INPUT)', async () => {
    for (const value of [progress(101), [progress(1), progress(-1)]]) {
      const error = await validateArgument(value).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ArgumentValidationError);
      expect((error as ArgumentValidationError).extensions.code).toBe('BAD_USER_INPUT');
      expect((error as ArgumentValidationError).extensions.validationErrors[0].property).toBe('progress');
    }
  });
});
