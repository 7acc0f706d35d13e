// The core room of @nq57/shared (`@nq57/shared/core`): ids, errors, document numbers, deadline and assignment
// parsing, the import table interpreter, tokens and authorization, socket helpers, live-stream filters. No decorators, no
// reflect-metadata, no database: the gateway and command-line tools import this, not the package root, which
// loads type-graphql and TypeORM. `core.test.ts` checks that loading it loads none of them.
export * from '../errors';
export * from '../ids';
export * from '../numbers';
export * from '../deadline/deadline';
export { PartyKind, resolveAssignment, type ResolvedAssignment } from '../assignment/assignment';
export * from '../auth/identity';
export * from '../auth/authorize';
export * from '../auth/auth-config';
export * from '../auth/tokens';
export * from '../server/sockets';
export * from '../import';
export * from '../live';
