import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { isConnectionFailure, maskUnexpectedError } from './mask-errors';
import { ErrorCode, userError } from '../errors';

/** A resolver's error as Apollo Server hands it to formatError: located, wrapping what was thrown. */
function located(thrown: Error): GraphQLError {
  return new GraphQLError(thrown.message, { path: ['directive'], originalError: thrown });
}

const driverError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it.each([
    ['admin shutdown (57P01)', driverError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', driverError('08006', 'connection failure')],
    ['too many connections (53300)', driverError('53300', 'sorry, too many clients already')],
    ['a refused socket', driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433')],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['one wrapped by TypeORM', new QueryFailedError('SELECT 1', [], driverError('57P01', 'terminating'))],
  ])('%s is one', (_case, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation',
      driverError('23505', 'duplicate key value violates unique constraint "directive_pkey"'),
    ],
    ['a syntax error', driverError('42601', 'syntax error at or near "SELEC"')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is not', (_case, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe('maskUnexpectedError', () => {
  const silence = (): jest.SpyInstance => jest.spyOn(console, 'error').mockImplementation(() => undefined);

  it('passes GraphQL errors through: the hub’s coded ones and graphql-js’s own', () => {
    const coded = located(userError(ErrorCode.DUPLICATE, 'Directive 71/NQ-CP already exists'));
    const own = new GraphQLError('Cannot return null for non-nullable field Directive.tasks.');
    for (const error of [coded, own])
      expect(maskUnexpectedError(error.toJSON(), error)).toEqual(error.toJSON());
  });

  it('masks a driver error, keeping the path and giving a reference that the log carries', () => {
    const logged = silence();
    const error = located(driverError('23505', 'duplicate key value violates unique constraint "x_pkey"'));
    const masked = maskUnexpectedError(error.toJSON(), error);
    expect(masked).toEqual({
      message: 'Unexpected error.',
      path: ['directive'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', reference: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(logged.mock.calls[0][0]).toBe(`[${String(masked.extensions?.reference)}]`);
    logged.mockRestore();
  });

  it('says the database did not answer when the connection failed', () => {
    const logged = silence();
    const error = located(new Error('Connection terminated unexpectedly'));
    expect(maskUnexpectedError(error.toJSON(), error)).toMatchObject({
      message: 'The database did not answer; try again.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    logged.mockRestore();
  });
});
