import { parseArgs } from 'node:util';

export const IMPORT_USAGE = `npm run import -- <file.xlsx|file.csv|file.docx>
    (--province <2-digit code> | --commune <5-digit code>)
    --title "<title as printed>" [--number "44/KH-UBND"] [--issuer "UBND tỉnh Thái Nguyên"] [--issued-on yyyy-mm-dd]
    [--kind PLAN] [--section "<heading printed above the table>"] [--table <n, 1-based, default: the first task table>]
    [--write] [--good-rows-only] [--basis "<the amending document, for a plan already recorded>"]
    [--accept-suggestions] [--url http://localhost:4000/graphql] [--token <bearer token>, default $NQ57_TOKEN]`;

/** What one run of the import command asks for. */
export interface ImportArgs {
  file: string;
  level: 'provincial' | 'commune';
  jurisdiction: string;
  plan: { number?: string; title: string; issuer?: string; issuedOn?: string; kind: string };
  rootSection?: string;
  table?: number;
  write: boolean;
  goodRowsOnly: boolean;
  /** For a recorded plan: the document that amends it. */
  basis?: string;
  acceptSuggestions: boolean;
  url: string;
  token?: string;
}

/** The import asked for by `args` (and the token in `env`); throws with the usage on anything missing or wrong. */
export function importArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      province: { type: 'string' },
      commune: { type: 'string' },
      title: { type: 'string' },
      number: { type: 'string' },
      issuer: { type: 'string' },
      'issued-on': { type: 'string' },
      kind: { type: 'string', default: 'PLAN' },
      section: { type: 'string' },
      table: { type: 'string' },
      write: { type: 'boolean', default: false },
      'good-rows-only': { type: 'boolean', default: false },
      basis: { type: 'string' },
      'accept-suggestions': { type: 'boolean', default: false },
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      token: { type: 'string' },
    },
  });
  const jurisdiction = values.province ?? values.commune;
  const table = values.table === undefined ? undefined : Number(values.table);
  const wellFormed =
    positionals.length === 1 &&
    (values.province === undefined) !== (values.commune === undefined) &&
    /^\d{2}$|^\d{5}$/.test(jurisdiction ?? '') &&
    Boolean(values.title) &&
    (table === undefined || (Number.isInteger(table) && table > 0));
  if (!wellFormed || !jurisdiction || !values.title) throw new Error(`Usage:\n  ${IMPORT_USAGE}`);
  return {
    file: positionals[0],
    level: values.province ? 'provincial' : 'commune',
    jurisdiction,
    plan: {
      number: values.number,
      title: values.title,
      issuer: values.issuer,
      issuedOn: values['issued-on'],
      kind: values.kind ?? 'PLAN',
    },
    rootSection: values.section,
    table,
    write: values.write ?? false,
    goodRowsOnly: values['good-rows-only'] ?? false,
    basis: values.basis,
    acceptSuggestions: values['accept-suggestions'] ?? false,
    url: values.url ?? 'http://localhost:4000/graphql',
    token: values.token ?? env.NQ57_TOKEN,
  };
}
