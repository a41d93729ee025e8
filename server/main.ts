// `npm run server`: the fallback server on HOST:PORT with the environment's settings (config.ts).

import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

/**
 * Connections waiting to be accepted. Node's 511 drops the rest of a thousand clients connecting
 * at once, and they retry after 1 s, then 3 s (tests/load: status p99 3.5 s → 0.55 s). The
 * kernel caps it at net.core.somaxconn.
 */
const BACKLOG = 2048;

const config = loadConfig();
const app = await buildApp(config, { logger: true });
app.log.info(config.modelsNote);
await app.listen({ host: config.host, port: config.port, backlog: BACKLOG });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
