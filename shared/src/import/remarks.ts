// The standing-task remark some plans print at the end of the content cell, often in italics: FORMAT.md
// records it as the row's notes too ("(Nhiệm vụ thường xuyên)"), while the content keeps it as printed.
const STANDING_REMARK = /(\(\s*nhiệm vụ thường xuyên\s*\)|(?<=^|[.;:]\s*)nhiệm vụ thường xuyên)\s*\.?$/iu;

/** The remark a content cell ends with ("(Nhiệm vụ thường xuyên)"), as printed, or null. */
export function trailingRemark(content: string): string | null {
  return STANDING_REMARK.exec(content)?.[1] ?? null;
}
