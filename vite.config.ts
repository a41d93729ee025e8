import { fileURLToPath } from 'node:url';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';
import { localAssetsPlugin } from './scripts/local-assets-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  root,
  // 'mpa': an unknown path is a 404, not index.html, so a missing model file fails honestly.
  appType: 'mpa',
  plugins: [solid(), localAssetsPlugin(root)],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port, strictPort: true, host: 'localhost' },
  preview: { port, strictPort: true, host: 'localhost' },
});
