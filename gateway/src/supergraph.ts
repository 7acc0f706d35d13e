import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The subgraphs the gateway federates, by name. */
export const SUBGRAPH_NAMES = ['central', 'provincial', 'commune', 'events'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export type SubgraphUrls = Record<SubgraphName, string>;

/** The committed supergraph: what the gateway serves, checked by a test against the subgraphs. */
export const SUPERGRAPH_FILE = path.resolve(__dirname, '../supergraph.graphql');

/** The URLs the committed supergraph names (the docker-compose hosts). */
export const DEFAULT_SUBGRAPH_URLS: SubgraphUrls = {
  central: 'http://central:4001/graphql',
  provincial: 'http://provincial:4002/graphql',
  commune: 'http://commune:4003/graphql',
  events: 'http://events:4004/graphql',
};

/** Composes subgraph SDLs into a supergraph SDL; throws with every composition error when they do not compose. */
export function composeSupergraph(sdls: Record<SubgraphName, string>, urls: SubgraphUrls): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: parse(sdls[name]), url: urls[name] })),
  );
  if (result.errors) {
    throw new Error(`Subgraphs do not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The committed supergraph with each subgraph's URL replaced by where it runs now. */
export function loadSupergraph(urls: SubgraphUrls, file = SUPERGRAPH_FILE): string {
  const sdl = readFileSync(file, 'utf8');
  return sdl.replace(
    /(@join__graph\(name: "(\w+)", url: ")[^"]*(")/g,
    (_match, head: string, name: string, tail: string) => {
      if (!(name in urls)) throw new Error(`Supergraph names an unknown subgraph "${name}"`);
      return `${head}${urls[name as SubgraphName]}${tail}`;
    },
  );
}
