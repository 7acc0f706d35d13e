import { start as startCentral } from '@nq57/central';
import { start as startProvincial } from '@nq57/provincial';
import { start as startCommune } from '@nq57/commune';
import { start as startEvents } from '@nq57/events';
import { start as startGateway, type GatewayHandle } from '@nq57/gateway';
import type { SubgraphServiceHandle } from '@nq57/shared';

/** Where the whole hub runs. Port 0 picks a free port. */
export interface HubOptions {
  databaseUrl: string;
  host?: string;
  gatewayPort?: number;
  subgraphPorts?: { central: number; provincial: number; commune: number; events: number };
  seed?: boolean;
}

/** The three subgraphs and the gateway, running in this process. */
export interface HubHandle {
  gateway: GatewayHandle;
  central: SubgraphServiceHandle;
  provincial: SubgraphServiceHandle;
  commune: SubgraphServiceHandle;
  events: SubgraphServiceHandle;
  stop(): Promise<void>;
}

/** Starts the three level subgraphs, then the gateway that federates them; `stop()` stops all four. */
export async function startHub(options: HubOptions): Promise<HubHandle> {
  const common = { databaseUrl: options.databaseUrl, host: options.host, seed: options.seed };
  const ports = options.subgraphPorts ?? { central: 0, provincial: 0, commune: 0, events: 0 };
  // The events subgraph owns the event log the levels append to: it migrates first.
  const events = await startEvents({ ...common, port: ports.events });
  const central = await startCentral({ ...common, port: ports.central });
  const provincial = await startProvincial({ ...common, port: ports.provincial, centralUrl: central.url });
  const commune = await startCommune({
    ...common,
    port: ports.commune,
    centralUrl: central.url,
    provincialUrl: provincial.url,
  });
  const gateway = await startGateway({
    port: options.gatewayPort ?? 0,
    host: options.host,
    subgraphs: { central: central.url, provincial: provincial.url, commune: commune.url, events: events.url },
  });
  return {
    gateway,
    central,
    provincial,
    commune,
    events,
    stop: async () => {
      await gateway.stop();
      await Promise.all([central.stop(), provincial.stop(), commune.stop(), events.stop()]);
    },
  };
}
