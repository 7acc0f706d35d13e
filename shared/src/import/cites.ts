import { documentNumberKey } from '../numbers';
import type { ImportedCite } from './types';

// A document number with a symbol: "07-TB/CQTTBCĐ", "06 - TB/CQTTBCĐ", "71/NQ-CP", "179/2025/NĐ-CP".
// A date ("15/10/2025") has the same shape but no letter, which is how the two are told apart.
const SYMBOL_NUMBER = /\d+(?:\s*[-/]\s*[\p{Lu}\d]+)+/gu;
// A bare number counts only right after "số" or a document kind: "Quyết định số 204", "Kế hoạch số 02".
const BARE_NUMBER =
  /(?<!\p{L})(?:số|quyết định|nghị quyết|nghị định|kế hoạch|thông báo|chỉ thị|công văn|kết luận|quy chế|quy định|chương trình)\s+(\d+)(?![\d/.-])/iu;

/** The documents a "Văn bản giao nhiệm vụ" cell names, one per ";"-separated part, each with its number. */
export function splitCites(text: string): ImportedCite[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const number = documentNumberIn(part);
      return { text: part, number, numberKey: number === null ? null : documentNumberKey(number) };
    });
}

/** The first document number printed in `text`, as printed ("06 - TB/CQTTBCĐ"), or null. */
export function documentNumberIn(text: string): string | null {
  const symbol = [...text.matchAll(SYMBOL_NUMBER)].find((m) => /\p{Lu}/u.test(m[0]));
  if (symbol !== undefined) return symbol[0];
  return BARE_NUMBER.exec(text)?.[1] ?? null;
}
