import { startAppServer } from '../browser/support/app-server.ts';
import { oldMemoryBench } from './scratch-oldmem.ts';
const server = await startAppServer();
console.log(process.env.NOROUTE ? 'no route' : 'routed', JSON.stringify(await oldMemoryBench(server.url)));
await server.close(); process.exit(0);
