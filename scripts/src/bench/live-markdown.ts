import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import { subsectionOf, withSubsection } from './live-sections';

/** A column of a markdown table: its heading and whether numbers in it are right-aligned. */
export interface Column {
  title: string;
  right?: boolean;
}

/** A markdown table with padded cells, laid out the way prettier lays it out. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(3, column.title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (columns[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (columns[i].right ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}

/** `value` with `digits` decimals, or an en dash for a missing value. */
export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `part` of `whole` as a percentage with one decimal. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

/**
 * Puts `section` (which starts with its `## ` heading) in the markdown file at `file`: in place of the section
 * with the same heading, else at the end. Other sections are left as they are. Creates the file with
 * `title` when it does not exist.
 */
export async function writeSection(file: string, title: string, section: string): Promise<void> {
  const options = { ...(await prettier.resolveConfig(file)), parser: 'markdown' };
  const formatted = (await prettier.format(section, options)).trimEnd();
  const heading = formatted.split('\n')[0];
  const current = existsSync(file) ? await readFile(file, 'utf8') : `${title}\n`;
  const lines = current.replace(/\s+$/, '').split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) {
    await writeFile(file, `${lines.join('\n')}\n\n${formatted}\n`);
    return;
  }
  const next = lines.findIndex((line, i) => i > start && /^## /.test(line));
  const after = next < 0 ? [] : ['', ...lines.slice(next)];
  const before = lines.slice(0, start).join('\n').replace(/\s+$/, '');
  await writeFile(file, `${before}\n\n${formatted}\n${after.join('\n')}${after.length ? '\n' : ''}`);
}

/** The `###` subsection `heading` of the `##` section `section` in the markdown file, or null when absent. */
export async function readSubsection(file: string, section: string, heading: string): Promise<string | null> {
  return existsSync(file) ? subsectionOf(await readFile(file, 'utf8'), section, heading) : null;
}

/**
 * Puts `text` (which starts with its `### ` heading) into the `##` section `section` of the markdown file,
 * formatted by prettier; see `withSubsection`.
 */
export async function writeSubsection(
  file: string,
  section: string,
  heading: string,
  text: string,
): Promise<void> {
  const options = { ...(await prettier.resolveConfig(file)), parser: 'markdown' };
  const formatted = (await prettier.format(text, options)).trimEnd();
  const current = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  await writeFile(file, withSubsection(current, section, heading, formatted));
}
