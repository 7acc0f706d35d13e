/** One table read from a file: its name (sheet name, or "table n" of a document) and its rows of cells. */
export interface CellTable {
  name: string;
  /** Row i is row i + 1 of the sheet or table; every row has one string per column, '' for an empty cell. */
  rows: string[][];
}

/** A cell as the file stores it: its text and the columns and rows it covers (1 when not merged). */
export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

interface Merge {
  row: number;
  col: number;
  cell: SpanCell;
}

/**
 * Lays merged cells out on a grid, one string per column. What a merged cell gives the cells it covers:
 * - a merge across the row (to its last column, nothing filled before it): its text in every cell it covers.
 *   That is a heading row, and the interpreter takes a row whose filled cells all hold one text for a heading;
 * - a merge down several rows: its text in each of those rows (one lead or deadline for several tasks);
 * - any other covered cell: ''. One text is never read as two fields of a row ("I" | merged "Nâng cao…").
 */
export function expandSpans(rows: readonly (readonly SpanCell[])[]): string[][] {
  const grid: string[][] = rows.map(() => []);
  const wide: Merge[] = [];
  rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (grid[row][col] !== undefined) col++;
      place(grid, row, col, cell);
      if (cell.colSpan > 1) wide.push({ row, col, cell });
      col += cell.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  for (const merge of wide) if (spansRow(grid, merge, width)) fillAcross(grid, merge);
  return grid.map((cells) => Array.from({ length: width }, (_, col) => cells[col] ?? ''));
}

function place(grid: string[][], row: number, col: number, cell: SpanCell): void {
  const lastRow = Math.min(grid.length, row + Math.max(1, cell.rowSpan));
  for (let r = row; r < lastRow; r++) {
    for (let c = col; c < col + Math.max(1, cell.colSpan); c++) grid[r][c] = c === col ? cell.text : '';
  }
}

// "I" | merged "Nâng cao…" is an ordinal and a content cell, read as such; an empty STT cell before the merge
// leaves the merge alone on its row, a heading.
function spansRow(grid: string[][], { row, col, cell }: Merge, width: number): boolean {
  return col + cell.colSpan >= width && grid[row].slice(0, col).every((text) => text === '');
}

function fillAcross(grid: string[][], { row, col, cell }: Merge): void {
  const lastRow = Math.min(grid.length, row + Math.max(1, cell.rowSpan));
  for (let r = row; r < lastRow; r++) for (let c = col; c < col + cell.colSpan; c++) grid[r][c] = cell.text;
}
