// Pure edits of docs/benchmarks.md's sections (no prettier here: jest cannot load it in its VM).

/** Where a `###` subsection sits in `lines`: its first line, the line after its end, and its section's end. */
function locate(
  lines: readonly string[],
  section: string,
  heading: string,
): { section: number; sectionEnd: number; start: number; end: number } {
  const sectionStart = lines.indexOf(section);
  const after = (from: number, pattern: RegExp, limit: number): number => {
    const found = lines.findIndex((line, i) => i > from && i < limit && pattern.test(line));
    return found < 0 ? limit : found;
  };
  const sectionEnd = sectionStart < 0 ? lines.length : after(sectionStart, /^## /, lines.length);
  const start =
    sectionStart < 0
      ? -1
      : lines.findIndex((line, i) => i > sectionStart && i < sectionEnd && line === heading);
  const end = start < 0 ? -1 : after(start, /^##{1,2} /, sectionEnd);
  return { section: sectionStart, sectionEnd, start, end };
}

/** The `###` subsection `heading` of the `##` section `section` of markdown `text`, or null (pure). */
export function subsectionOf(text: string, section: string, heading: string): string | null {
  const lines = text.split('\n');
  const place = locate(lines, section, heading);
  return place.start < 0 ? null : lines.slice(place.start, place.end).join('\n').trimEnd();
}

/**
 * Markdown `text` with `subsection` (starting with its `heading`) in the `##` section `section`: in place of the
 * subsection with that heading, else at the end of the section, else in a new section at the end (pure).
 */
export function withSubsection(text: string, section: string, heading: string, subsection: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const body = subsection.trimEnd().split('\n');
  const place = locate(lines, section, heading);
  if (place.section < 0) return [...lines, '', section, '', ...body, ''].join('\n');
  const [from, to] = place.start < 0 ? [place.sectionEnd, place.sectionEnd] : [place.start, place.end];
  const rest = trimBlankStart(lines.slice(to));
  return [...trimBlank(lines.slice(0, from)), '', ...body, ...(rest.length ? ['', ...rest] : []), ''].join(
    '\n',
  );
}

function trimBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}

function trimBlankStart(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && lines[start].trim() === '') start++;
  return lines.slice(start);
}
