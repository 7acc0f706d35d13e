import { writeFileSync } from 'node:fs';
import { definition as centralDefinition } from '@nq57/central';
import { definition as provincialDefinition } from '@nq57/provincial';
import { definition as communeDefinition } from '@nq57/commune';
import { definition as eventsDefinition } from '@nq57/events';
import { DEFAULT_SUBGRAPH_URLS, SUPERGRAPH_FILE, composeSupergraph } from '@nq57/gateway';
import { subgraphSdl } from '@nq57/shared';

/** The supergraph the current subgraph code composes to (URLs are the docker-compose hosts). */
export async function currentSupergraph(): Promise<string> {
  const placeholder = {
    centralUrl: DEFAULT_SUBGRAPH_URLS.central,
    provincialUrl: DEFAULT_SUBGRAPH_URLS.provincial,
  };
  const sdls = {
    central: await subgraphSdl(centralDefinition()),
    provincial: await subgraphSdl(provincialDefinition(placeholder)),
    commune: await subgraphSdl(communeDefinition(placeholder)),
    events: await subgraphSdl(eventsDefinition()),
  };
  return composeSupergraph(sdls, DEFAULT_SUBGRAPH_URLS);
}

if (require.main === module) {
  currentSupergraph().then(
    (sdl) => {
      writeFileSync(SUPERGRAPH_FILE, sdl);
      console.log(`Wrote ${SUPERGRAPH_FILE}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
