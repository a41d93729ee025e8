import { fileURLToPath } from 'node:url';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';
import { MEDIAPIPE_DIR, MEDIAPIPE_WASM_BYTES, localAssetsPlugin } from './scripts/local-assets-plugin.ts';
import { serviceWorkerPlugin } from './scripts/pwa/service-worker-plugin.ts';
import { embedPlugin } from './scripts/embed-plugin.ts';
import { compressedAssetsPlugin } from './scripts/compressed-assets-plugin.ts';
import { fallbackProxyLogger } from './scripts/fallback-proxy-logger.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
/** Which diffusion models the AI redraw uses: 'fixtures' (the repository's test networks) or the real set. */
const aiModels = process.env.BIAOQING_MODELS ?? 'sdxs-512';
/** Where self-hosted weights live; empty = the app's own models/ folder. */
const modelBase = process.env.BIAOQING_MODEL_BASE ?? '';
/** The fallback server's URL; empty = the app's own origin, where /api is proxied to a local `npm run server`. */
const serverUrl = process.env.BIAOQING_SERVER_URL ?? '';
const apiTarget = process.env.BIAOQING_API_PROXY ?? 'http://127.0.0.1:8787';
const proxy = serverUrl === '' ? { '/api': apiTarget, '/healthz': apiTarget } : {};

export default defineConfig(({ command }) => ({
  root,
  // 'mpa': an unknown path is a 404, not index.html, so a missing model file fails honestly.
  appType: 'mpa',
  // Serving only: a build keeps Vite's logger and its --logLevel.
  ...(command === 'serve' && serverUrl === '' ? { customLogger: fallbackProxyLogger(apiTarget) } : {}),
  // embedPlugin: EMBED_ORIGINS, read when serving starts, as /embed-config.json and CSP frame-ancestors.
  plugins: [solid(), localAssetsPlugin(root), serviceWorkerPlugin(root), embedPlugin(), compressedAssetsPlugin(root)],
  worker: { format: 'es' },
  define: {
    'import.meta.env.VITE_BIAOQING_MODELS': JSON.stringify(aiModels),
    'import.meta.env.VITE_BIAOQING_MODEL_BASE': JSON.stringify(modelBase),
    'import.meta.env.VITE_BIAOQING_SERVER_URL': JSON.stringify(serverUrl),
    'import.meta.env.VITE_MEDIAPIPE_DIR': JSON.stringify(MEDIAPIPE_DIR),
    'import.meta.env.VITE_MEDIAPIPE_WASM_BYTES': JSON.stringify(MEDIAPIPE_WASM_BYTES),
  },
  build: { target: 'es2022', sourcemap: true },
  server: { port, strictPort: true, host: 'localhost', proxy },
  preview: { port, strictPort: true, host: 'localhost', proxy },
}));
