import { start } from './server';
import { DEFAULT_SUBGRAPH_URLS } from './supergraph';

export { start } from './server';
export type { GatewayHandle, GatewayOptions } from './server';
export * from './supergraph';

if (require.main === module) {
  void start({
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '0.0.0.0',
    subgraphs: {
      central: process.env.CENTRAL_URL ?? DEFAULT_SUBGRAPH_URLS.central,
      provincial: process.env.PROVINCIAL_URL ?? DEFAULT_SUBGRAPH_URLS.provincial,
      commune: process.env.COMMUNE_URL ?? DEFAULT_SUBGRAPH_URLS.commune,
      events: process.env.EVENTS_URL ?? DEFAULT_SUBGRAPH_URLS.events,
    },
  }).then((gateway) => {
    console.log(`[gateway] ready at ${gateway.url}`);
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void gateway.stop().then(() => process.exit(0));
    };
    // `on`, not `once`: a library's signal-exit hook re-raises the signal when it finds no other listener.
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
