import { visit, BREAK, type DocumentNode, type GraphQLError } from 'graphql';
import { ErrorCode, userError } from '@nq57/shared/core';

const NUL = '\u0000';

/** Whether any string in `value` (nested in lists and objects, keys included) holds the NUL character. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes(NUL) || holdsNul(item));
  }
  return false;
}

// The runtime parses a document text once and hands out the same node: each is walked once.
const WALKED = new WeakMap<DocumentNode, boolean>();

/** Whether a string literal of the document (an escaped "\u0000") decodes to the NUL character. */
export function documentHoldsNul(document: DocumentNode): boolean {
  const known = WALKED.get(document);
  if (known !== undefined) return known;
  const found = walkForNul(document);
  WALKED.set(document, found);
  return found;
}

function walkForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes(NUL)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * BAD_USER_INPUT when an operation's variables or string literals hold U+0000, which no text of the hub may
 * contain (PostgreSQL refuses it in text, with its own message); null otherwise.
 */
export function nulError(
  document: DocumentNode,
  variables: unknown,
  extensions: Record<string, unknown>,
): GraphQLError | null {
  if (!holdsNul(variables) && !documentHoldsNul(document)) return null;
  return userError(ErrorCode.BAD_USER_INPUT, 'Text may not contain the NUL character (U+0000).', extensions);
}
