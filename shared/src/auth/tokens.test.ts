import { SignJWT, generateKeyPair, type KeyLike } from 'jose';
import type { AuthConfig } from './auth-config';
import { Role } from './identity';
import { bearerToken, signToken, verifyToken } from './tokens';

let config: AuthConfig;
let privateKey: KeyLike;
let foreignKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  foreignKey = (await generateKeyPair('ES256')).privateKey;
  config = {
    key: pair.publicKey,
    algorithms: ['ES256'],
    issuer: 'nq57-hub',
    audience: 'nq57-hub',
    publicReads: true,
  };
});

const sign = (key: KeyLike, ttlSeconds = 60, claims: Record<string, unknown> = {}, subject = 'so-khcn') =>
  new SignJWT({ role: 'reporter', jurisdiction: '19', ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(subject)
    .setIssuer('nq57-hub')
    .setAudience('nq57-hub')
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);

const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'OK',
    (error: { extensions?: { code?: string }; message: string }) => [error.extensions?.code, error.message],
  );

describe('tokens', () => {
  it('verifies a token of the configured key into an identity', async () => {
    const token = await signToken(
      { subject: 'so-khcn', role: Role.REPORTER, jurisdiction: '19', agency: 'Sở KH&CN', ttlSeconds: 60 },
      { issuer: 'nq57-hub', audience: 'nq57-hub', signingKey: privateKey, algorithm: 'ES256' },
    );
    expect(await verifyToken(token, config)).toEqual({
      subject: 'so-khcn',
      role: Role.REPORTER,
      jurisdiction: '19',
      agency: 'Sở KH&CN',
      expiresAt: expect.any(Number),
    });
  });

  it.each([
    ['another key', () => sign(foreignKey), 'The token is not valid here'],
    ['expiry', () => sign(privateKey, -10), 'The token has expired'],
    [
      'an unknown role',
      () => sign(privateKey, 60, { role: 'boss' }),
      'The token lacks a subject, a known role or a jurisdiction',
    ],
    [
      'a malformed jurisdiction',
      () => sign(privateKey, 60, { jurisdiction: '19; DROP' }),
      'The token lacks a subject, a known role or a jurisdiction',
    ],
    [
      'an empty subject',
      () => sign(privateKey, 60, {}, ' '),
      'The token lacks a subject, a known role or a jurisdiction',
    ],
    [
      'an empty agency',
      () => sign(privateKey, 60, { agency: '' }),
      'The agency claim, when given, must be a short non-empty string',
    ],
    [
      'no signature at all',
      async () => (await sign(privateKey)).split('.').slice(0, 2).join('.') + '.',
      'The token is not valid here',
    ],
  ])('refuses a token with %s', async (_case, make, message) => {
    expect(await codeOf(verifyToken(await make(), config))).toEqual(['UNAUTHENTICATED', message]);
  });

  it('answers a token verified before from memory, and refuses it once it has expired', async () => {
    let keyReads = 0;
    const counting: AuthConfig = {
      ...config,
      get key() {
        keyReads++;
        return config.key;
      },
    };
    const token = await sign(privateKey, 60);
    const first = await verifyToken(token, counting);
    const again = await verifyToken(token, counting);
    const afterExpiry = jest.spyOn(Date, 'now').mockReturnValue(first.expiresAt * 1000);
    const expired = await codeOf(verifyToken(token, counting));
    afterExpiry.mockRestore();
    expect([again, keyReads, expired]).toEqual([first, 1, ['UNAUTHENTICATED', 'The token has expired']]);
  });

  it('reads a bearer header and nothing else', () => {
    expect([bearerToken('Bearer abc.def.ghi'), bearerToken('Basic abc'), bearerToken(undefined)]).toEqual([
      'abc.def.ghi',
      null,
      null,
    ]);
  });
});
