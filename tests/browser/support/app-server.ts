// The built app (dist/) served exactly as `npm start` serves it (vite preview, same config), on a
// free port, plus /__harness__/: a page that runs MediaPipe's landmarker on any image, so tests can
// measure where faces are independently of the app's own worker.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type Plugin, type PreviewServer } from 'vite';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const WASM_DIR = 'node_modules/@mediapipe/tasks-vision/wasm';

const HARNESS_FILES: Record<string, { file: string; type: string }> = {
  '/__harness__/landmarks.html': { file: 'tests/browser/harness/landmarks.html', type: 'text/html' },
  '/__harness__/vision_bundle.mjs': { file: 'node_modules/@mediapipe/tasks-vision/vision_bundle.mjs', type: 'text/javascript' },
};

function harnessPlugin(): Plugin {
  return {
    name: 'biaoqing-test-harness',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const wasm = /^\/__harness__\/wasm\/([\w.]+)$/.exec(url)?.[1];
        const entry =
          wasm !== undefined ? { file: `${WASM_DIR}/${wasm}`, type: wasm.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' } : HARNESS_FILES[url];
        if (entry === undefined) return next();
        res.setHeader('Content-Type', entry.type);
        res.end(readFileSync(path.join(root, entry.file)));
      });
    },
  };
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `plugins`: a test's own routes on the app's origin (they share its IndexedDB), ahead of the app's files.
 * `api`: the fallback server /api and /healthz are proxied to, as `npm start` proxies them to `npm run server`.
 */
export async function startAppServer(options: { plugins?: Plugin[]; api?: string } = {}): Promise<AppServer> {
  const proxy = options.api === undefined ? {} : { proxy: { '/api': options.api, '/healthz': options.api } };
  const server: PreviewServer = await preview({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    preview: { port: 0, strictPort: false, host: 'localhost', ...proxy },
    plugins: [harnessPlugin(), ...(options.plugins ?? [])],
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('preview server has no URL');
  return { url, close: () => server.close() };
}
