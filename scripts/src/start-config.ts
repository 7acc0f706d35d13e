import path from 'node:path';

/** Where `npm start` puts each part of the hub; every field comes from an environment variable (docs/configuration.md). */
export interface StartConfig {
  host: string;
  gatewayPort: number;
  subgraphPorts: { central: number; provincial: number; commune: number; events: number };
  /** The embedded PostgreSQL's port and data directory (unused when DATABASE_URL is set). */
  postgresPort: number;
  dataDir: string;
}

/** Each port `npm start` listens on: the variable that moves it, its default and what listens there. */
export const PORTS = [
  { variable: 'PORT', fallback: 4000, what: 'the gateway and its pages' },
  { variable: 'NQ57_CENTRAL_PORT', fallback: 4001, what: 'the central subgraph' },
  { variable: 'NQ57_PROVINCIAL_PORT', fallback: 4002, what: 'the provincial subgraph' },
  { variable: 'NQ57_COMMUNE_PORT', fallback: 4003, what: 'the commune subgraph' },
  { variable: 'NQ57_EVENTS_PORT', fallback: 4004, what: 'the events subgraph' },
  { variable: 'NQ57_PG_PORT', fallback: 5433, what: 'the embedded PostgreSQL' },
] as const;

/** Reads the start configuration from `env`; throws one clear sentence for a port that is not a port. */
export function readStartConfig(env: NodeJS.ProcessEnv, root: string): StartConfig {
  const port = (variable: (typeof PORTS)[number]['variable']): number => {
    const entry = PORTS.find((each) => each.variable === variable) as (typeof PORTS)[number];
    const text = env[variable];
    if (text === undefined || text === '') return entry.fallback;
    const value = Number(text);
    if (!/^\d{1,5}$/.test(text.trim()) || value > 65535) {
      throw new Error(`${variable}=${JSON.stringify(text)} is not a port: give a number from 0 to 65535`);
    }
    return value;
  };
  return {
    host: env.HOST || '127.0.0.1',
    gatewayPort: port('PORT'),
    subgraphPorts: {
      central: port('NQ57_CENTRAL_PORT'),
      provincial: port('NQ57_PROVINCIAL_PORT'),
      commune: port('NQ57_COMMUNE_PORT'),
      events: port('NQ57_EVENTS_PORT'),
    },
    postgresPort: port('NQ57_PG_PORT'),
    dataDir: env.NQ57_DATA_DIR || path.join(root, '.data/postgres'),
  };
}

/**
 * One line for a port already in use (which port, what wanted it, which variable moves it), or null when
 * `error` is not that. Other errors keep their own message.
 */
export function portInUseMessage(error: unknown, config: StartConfig): string | null {
  const { code, port } = (error ?? {}) as { code?: string; port?: number };
  if (code !== 'EADDRINUSE') return null;
  const ports: Record<string, number> = {
    PORT: config.gatewayPort,
    NQ57_CENTRAL_PORT: config.subgraphPorts.central,
    NQ57_PROVINCIAL_PORT: config.subgraphPorts.provincial,
    NQ57_COMMUNE_PORT: config.subgraphPorts.commune,
    NQ57_EVENTS_PORT: config.subgraphPorts.events,
  };
  const entry = PORTS.find((each) => ports[each.variable] === port);
  if (!entry)
    return `Port ${port ?? '(unknown)'} is already in use: stop what holds it, or choose other ports.`;
  return `Port ${port} is already in use (${entry.what}): set ${entry.variable} to a free port, or stop what holds it.`;
}
