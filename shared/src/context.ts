import type { IncomingMessage } from 'node:http';

/** Who is acting. "anonymous" until authentication exists; the header is set by the gateway. */
export function actorOf(request: IncomingMessage): string {
  const header = request.headers['x-nq57-actor'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.@:-]{1,100}$/.test(value) ? value : 'anonymous';
}

/** What every resolver gets: this request's loaders and the actor. */
export interface RequestContext<Loaders> {
  loaders: Loaders;
  actor: string;
}
