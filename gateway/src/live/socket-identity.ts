import type { Identity } from '@nq57/shared/core';

// Filled at connection_init (socketAuthentication), where the connection's token is verified once. The runtime
// verifies it again for each operation it executes; a subscriber joining a shared execution is never executed.
const identities = new WeakMap<object, Identity | null>();

/** Records the verified identity of a WebSocket connection (null: anonymous). */
export function rememberSocketIdentity(socket: object, identity: Identity | null): void {
  identities.set(socket, identity);
}

/** The identity verified when `socket` connected; null when anonymous or unknown. */
export function socketIdentity(socket: object): Identity | null {
  return identities.get(socket) ?? null;
}
