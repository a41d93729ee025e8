import { startAppServer } from '../browser/support/app-server.ts';
import { browserMemoryBench } from './browser-memory.ts';
const server = await startAppServer();
for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) console.log(JSON.stringify(await browserMemoryBench(server.url)));
await server.close(); process.exit(0);
