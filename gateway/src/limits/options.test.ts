import { LIMIT_ENV, limitOptionsFromEnv, resolveLimits } from './options';

const DEFAULTS = {
  maxDepth: 12,
  maxCost: 250000,
  maxAliases: 30,
  maxTokens: 10000,
  maxBodyBytes: 1048576,
  ratePerMinutePerToken: 600,
  ratePerMinutePerAddress: 300,
  maxSubscriptionsPerConnection: 20,
  introspection: true,
  queryPage: true,
  trustProxy: false,
};

describe('limitOptionsFromEnv', () => {
  test('has the defaults, with introspection and the query page on, outside production', () => {
    expect(limitOptionsFromEnv({})).toEqual(DEFAULTS);
    expect(limitOptionsFromEnv({ NODE_ENV: 'test' })).toEqual(DEFAULTS);
  });

  test('turns introspection and the query page off in production, unless a variable turns them on', () => {
    expect(limitOptionsFromEnv({ NODE_ENV: 'production' })).toEqual({
      ...DEFAULTS,
      introspection: false,
      queryPage: false,
    });
    expect(
      limitOptionsFromEnv({ NODE_ENV: 'production', NQ57_INTROSPECTION: 'true', NQ57_QUERY_PAGE: '1' }),
    ).toEqual(DEFAULTS);
    expect(limitOptionsFromEnv({ NQ57_INTROSPECTION: 'false', NQ57_QUERY_PAGE: 'FALSE' })).toEqual({
      ...DEFAULTS,
      introspection: false,
      queryPage: false,
    });
  });

  test('reads every variable', () => {
    expect(
      limitOptionsFromEnv({
        NQ57_MAX_DEPTH: '8',
        NQ57_MAX_COST: '1000',
        NQ57_MAX_ALIASES: '5',
        NQ57_MAX_TOKENS: '2000',
        NQ57_MAX_BODY_BYTES: '65536',
        NQ57_RATE_PER_MINUTE_PER_TOKEN: '120',
        NQ57_RATE_PER_MINUTE_PER_ADDRESS: ' 60 ',
        NQ57_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
        NQ57_INTROSPECTION: '0',
        NQ57_QUERY_PAGE: 'false',
        NQ57_TRUST_PROXY: 'true',
      }),
    ).toEqual({
      maxDepth: 8,
      maxCost: 1000,
      maxAliases: 5,
      maxTokens: 2000,
      maxBodyBytes: 65536,
      ratePerMinutePerToken: 120,
      ratePerMinutePerAddress: 60,
      maxSubscriptionsPerConnection: 3,
      introspection: false,
      queryPage: false,
      trustProxy: true,
    });
  });

  test('takes an empty variable as unset', () => {
    expect(limitOptionsFromEnv({ NQ57_MAX_DEPTH: '', NQ57_TRUST_PROXY: ' ' })).toEqual(DEFAULTS);
  });

  test.each(['abc', '0', '-1', '1.5', '1e3', '0x10', '12abc', '99999999999999999999'])(
    'refuses %p as a count, naming the variable',
    (value) => {
      for (const name of Object.values(LIMIT_ENV).filter(
        (n) => !/INTROSPECTION|QUERY_PAGE|TRUST_PROXY/.test(n),
      )) {
        expect(() => limitOptionsFromEnv({ [name]: value })).toThrow(
          new Error(`${name} must be a positive integer, got "${value}"`),
        );
      }
    },
  );

  test.each(['yes', 'on', '2'])('refuses %p as a switch, naming the variable', (value) => {
    for (const name of ['NQ57_INTROSPECTION', 'NQ57_QUERY_PAGE', 'NQ57_TRUST_PROXY']) {
      expect(() => limitOptionsFromEnv({ [name]: value })).toThrow(
        new Error(`${name} must be true or false, got "${value}"`),
      );
    }
  });
});

describe('resolveLimits', () => {
  test('puts the defined overrides over the environment', () => {
    expect(
      resolveLimits(
        { ratePerMinutePerAddress: 3, maxDepth: undefined },
        { NQ57_MAX_DEPTH: '7', NODE_ENV: 'production' },
      ),
    ).toEqual({
      ...DEFAULTS,
      maxDepth: 7,
      ratePerMinutePerAddress: 3,
      introspection: false,
      queryPage: false,
    });
  });

  test('still refuses a bad variable', () => {
    expect(() => resolveLimits({ maxCost: 10 }, { NQ57_MAX_COST: 'lots' })).toThrow(
      'NQ57_MAX_COST must be a positive integer, got "lots"',
    );
  });
});
