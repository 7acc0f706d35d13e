import { parseArgs } from 'node:util';
import { CENTRAL, Role, isJurisdiction, isRole, loadAuthConfig, signToken } from '@nq57/shared';

const USAGE = `npm run token -- --role <viewer|reporter|planner|admin>
    (--central | --province <2-digit code> | --commune <5-digit code>)
    [--agency "Sở Khoa học và Công nghệ"] [--subject <name>] [--hours <validity, default 8>]`;

/** The claims asked for on the command line; throws with the usage on anything missing or malformed. */
export function claimsFromArgs(args: string[]): {
  role: Role;
  jurisdiction: string;
  agency?: string;
  subject: string;
  ttlSeconds: number;
} {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      central: { type: 'boolean' },
      province: { type: 'string' },
      commune: { type: 'string' },
      agency: { type: 'string' },
      subject: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const jurisdiction = values.central ? CENTRAL : (values.province ?? values.commune);
  const hours = Number(values.hours);
  if (!isRole(values.role) || !isJurisdiction(jurisdiction) || !(hours > 0 && hours <= 24 * 30)) {
    throw new Error(`Usage:\n  ${USAGE}`);
  }
  return {
    role: values.role,
    jurisdiction,
    agency: values.agency,
    subject: values.subject ?? `${values.role}@${jurisdiction}`,
    ttlSeconds: Math.round(hours * 3600),
  };
}

/** Prints a token signed with the local development key (never with a key configured for production). */
async function main(): Promise<void> {
  const claims = claimsFromArgs(process.argv.slice(2));
  const config = await loadAuthConfig();
  if (!config.signingKey) {
    throw new Error(
      'A key is configured (NQ57_JWT_*): tokens come from your identity provider, not from here',
    );
  }
  const token = await signToken(claims, { ...config, signingKey: config.signingKey, algorithm: 'ES256' });
  process.stdout.write(`${token}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
