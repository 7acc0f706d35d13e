// Line breaks inside a cell are where the printed line wrapped, not part of the text (FORMAT.md): with the
// spaces around them they become one space. Other spacing is kept as printed ("Y tế:  Triển khai").
const LINE_BREAK = /[ \t]*(?:\r\n|[\r\n\v\f\u2028\u2029])+[ \t]*/g;

/** A cell's text as printed: NFC, line-wraps joined with one space, trimmed; '' for a missing cell. */
export function printedText(cell: string | null | undefined): string {
  return (cell ?? '').normalize('NFC').replace(LINE_BREAK, ' ').trim();
}

/** Text folded for matching: no accents (NFD, marks dropped, đ→d), lower case, whitespace collapsed. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header text folded for matching: foldAccents, then punctuation read as spaces ("chủ trì /tham mưu"). */
export function foldHeader(text: string): string {
  return foldAccents(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How many words `text` has. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
