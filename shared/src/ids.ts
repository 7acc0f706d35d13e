import { createHash } from 'node:crypto';

// A fixed namespace for nq57-hub's name-based ids (RFC 4122 §4.3).
const NAMESPACE = Buffer.from('6f1c2e0a9b7d4c53a1e85f0d3b2c9a47', 'hex');

/**
 * A deterministic UUID (version 5) for `name`, e.g. "central-task:07-TB/CQTTBCĐ#1". Every subgraph derives the
 * same id for a seed row without reading another subgraph's tables, and reloading seeds never duplicates rows.
 */
export function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in canonical text form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
