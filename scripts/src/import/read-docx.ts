import mammoth from 'mammoth';
import { parse, type HTMLElement } from 'node-html-parser';
import { expandSpans, type CellTable, type SpanCell } from './grid';

/** Every table of a DOCX document, in document order, as tables of cells (colspan/rowspan as expandSpans says). */
export async function readDocx(data: Buffer): Promise<CellTable[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: data });
  return parse(html)
    .querySelectorAll('table')
    .map((table, i) => ({ name: `table ${i + 1}`, rows: expandSpans(tableRows(table)) }));
}

// Rows of this table only: a table nested in a cell is read as a table of its own.
function tableRows(table: HTMLElement): SpanCell[][] {
  return table
    .querySelectorAll('tr')
    .filter((tr) => tr.closest('table') === table)
    .map((tr) => tr.childNodes.filter(isCell).map(spanCell));
}

function isCell(node: unknown): node is HTMLElement {
  const tag = (node as Partial<HTMLElement>).tagName;
  return tag === 'TD' || tag === 'TH';
}

// structuredText ends each paragraph and <br> with "\n": the interpreter reads those as line-wraps.
function spanCell(td: HTMLElement): SpanCell {
  return {
    text: td.structuredText,
    colSpan: span(td.getAttribute('colspan')),
    rowSpan: span(td.getAttribute('rowspan')),
  };
}

function span(attribute: string | undefined): number {
  const n = Number(attribute ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
