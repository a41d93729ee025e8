// Serves and bundles what the app loads at run time from its own origin: MediaPipe's runtime wasm
// (from node_modules) and the model files of models/manifest.json, copied from a local folder
// (../shared/models by default, BIAOQING_MODELS_DIR to override) when it holds them with the
// right SHA-256. Without them the build still works: the app then fetches models from the
// manifest's public URLs and caches them.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import manifest from '../models/manifest.json' with { type: 'json' };

const MEDIAPIPE_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];

interface Asset {
  fileName: string;
  source: string;
}

function modelsDir(root: string): string {
  return process.env.BIAOQING_MODELS_DIR ?? path.resolve(root, '../shared/models');
}

const found = new Map<string, Asset[]>();

/** Computed once per process: Vite resolves the config for the page and again for the worker. */
export function localAssets(root: string): Asset[] {
  const known = found.get(root);
  if (known !== undefined) return known;
  const assets: Asset[] = MEDIAPIPE_FILES.map((file) => ({
    fileName: `mediapipe/${file}`,
    source: path.join(root, 'node_modules/@mediapipe/tasks-vision/wasm', file),
  }));
  const dir = modelsDir(root);
  for (const model of manifest.models) {
    const source = path.join(dir, model.file);
    if (!existsSync(source)) {
      console.warn(`[local-assets] ${model.file} not in ${dir}: the app will fetch it from ${model.url}`);
      continue;
    }
    const sha = createHash('sha256').update(readFileSync(source)).digest('hex');
    if (sha !== model.sha256) {
      console.warn(`[local-assets] ${source} has SHA-256 ${sha}, the manifest says ${model.sha256}: not bundled`);
      continue;
    }
    assets.push({ fileName: `models/${model.file}`, source });
  }
  found.set(root, assets);
  return assets;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

export function localAssetsPlugin(root: string): Plugin {
  let assets: Asset[] = [];
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    const asset = assets.find((a) => url === `/${a.fileName}`);
    if (asset === undefined) return next();
    res.setHeader('Content-Type', TYPES[path.extname(asset.fileName)] ?? 'application/octet-stream');
    res.end(readFileSync(asset.source));
  };
  return {
    name: 'biaoqing-local-assets',
    configResolved() {
      assets = localAssets(root);
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      for (const asset of assets) {
        this.emitFile({ type: 'asset', fileName: asset.fileName, source: readFileSync(asset.source) });
      }
    },
  };
}
