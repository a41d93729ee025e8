// `npm run example:embed`: the embedding example on http://localhost:4180 (EXAMPLES_PORT).
import { startExamplesServer } from './examples-server.ts';

const appUrl = process.env.APP_URL ?? 'http://localhost:4173/';
const { origin } = await startExamplesServer(Number(process.env.EXAMPLES_PORT ?? 4180));
console.log(`Host page: ${origin}/embed-host.html?app=${encodeURIComponent(appUrl)}`);
console.log(`Serve the app with this origin allowed: EMBED_ORIGINS=${origin} npm start`);
