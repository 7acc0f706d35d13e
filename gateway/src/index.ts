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
    },
  }).then((gateway) => {
    console.log(`[gateway] ready at ${gateway.url}`);
    const stop = (): void => void gateway.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
