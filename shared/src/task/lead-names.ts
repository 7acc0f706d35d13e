// Beside the task columns it reads rather than with the task store's statements: those, the indicator report
// and the search projection all need it, and the store's statements import the search projection (a cycle
// otherwise).

/**
 * SQL for the lead of task alias `t` as authorization compares it: the text as printed and the canonical
 * names it resolves to ("Sở KH&CN" is "Sở Khoa học và Công nghệ"), joined by " | ".
 */
export function leadNamesSql(alias: string): string {
  return `concat_ws(' | ', ${alias}.lead_text,
    (SELECT string_agg(party->>'canonicalName', ' | ') FROM jsonb_array_elements(${alias}.lead_parties) party))`;
}
