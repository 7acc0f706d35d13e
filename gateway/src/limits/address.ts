import { isIPv6 } from 'node:net';

/** The parts of a GraphQL context the limits read; every one may be missing. */
export interface LimitContext {
  /** Put there by the authentication plugin: who the token belongs to. */
  identity?: { subject: string } | null;
  /** The Node request (HTTP, or the WebSocket upgrade) when served by `node:http`. */
  req?: { socket?: { remoteAddress?: string }; headers?: Record<string, string | string[] | undefined> };
  /** The Fetch request, when served over HTTP. */
  request?: { headers: { get(name: string): string | null } };
}

/** The client address: the socket's peer, or with `trustProxy` the last `x-forwarded-for` entry. */
export function clientAddress(context: LimitContext, trustProxy: boolean): string | undefined {
  // The last entry is the one the proxy added; earlier ones are the client's own claims. Read from the request,
  // never from `context.headers`, where the runtime merges in graphql-ws connection parameters.
  if (trustProxy) {
    const header =
      context.req?.headers?.['x-forwarded-for'] ?? context.request?.headers.get('x-forwarded-for');
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    const last = entries
      .map((entry) => entry.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return context.req?.socket?.remoteAddress;
}

/** The rate-limit key of an address: IPv4 as is (also IPv4-mapped), IPv6 by its /64 prefix. */
export function addressKey(address: string): string {
  // One IPv6 client usually holds a whole /64 and could otherwise take a fresh address per request.
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head, tail] = plain.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part stands for two groups.
  const width = headGroups.length + tailGroups.length + (plain.includes('.') ? 1 : 0);
  const zeros = tail === undefined ? [] : Array(8 - width).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].map((group) => group.replace(/^0+(?=.)/, ''));
  return `${groups.slice(0, 4).join(':')}::/64`;
}
