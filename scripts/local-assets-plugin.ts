// Serves and bundles what the app loads at run time from its own origin: MediaPipe's runtime wasm
// (from node_modules; onnxruntime-web's Vite finds itself) and the model files of models/manifest.json:
// published ones copied from a local folder (../shared/models by default, BIAOQING_MODELS_DIR to
// override) when it holds them with the right SHA-256, the files derived from those
// (scripts/derived-models.ts), and the repository's own (models/fixtures).
// Without the published files the build still works: the app then fetches them from the manifest's
// public URLs and caches them.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { modelsDir } from './models-dir.ts';
import { deriveModel } from './derived-models.ts';
import manifest from '../models/manifest.json' with { type: 'json' };

const MEDIAPIPE_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];
/** Named by the package's version, so the files can be cached for good (Cache-Control: immutable). */
export const MEDIAPIPE_DIR = `mediapipe/${(JSON.parse(readFileSync(new URL('../node_modules/@mediapipe/tasks-vision/package.json', import.meta.url), 'utf8')) as { version: string }).version}`;

/** The runtime wasm's size, for the app to tell how much of it has arrived. */
export const MEDIAPIPE_WASM_BYTES = statSync(new URL('../node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_module_internal.wasm', import.meta.url)).size;

interface Asset {
  fileName: string;
  source: string;
}

const found = new Map<string, Asset[]>();
/** What the build could not bundle, said once per process when building (not on every preview). */
const notes: string[] = [];
let noted = false;

/** Computed once per process: Vite resolves the config for the page and again for the worker. */
export function localAssets(root: string): Asset[] {
  const known = found.get(root);
  if (known !== undefined) return known;
  const assets: Asset[] = MEDIAPIPE_FILES.map((file) => ({
    fileName: `${MEDIAPIPE_DIR}/${file}`,
    source: path.join(root, 'node_modules/@mediapipe/tasks-vision/wasm', file),
  }));
  const bundled = new Map<string, string>();
  for (const model of manifest.models) {
    const source = model.derivedFrom === undefined ? foundModel(root, model) : derived(root, model, bundled.get(model.derivedFrom));
    if (source === null) continue;
    bundled.set(model.id, source);
    assets.push({ fileName: `models/${model.file}`, source });
  }
  found.set(root, assets);
  return assets;
}

type ManifestModel = (typeof manifest.models)[number] & { derivedFrom?: string };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The model's local copy when it holds the manifest's bytes, else null (and a note). */
function foundModel(root: string, model: ManifestModel): string | null {
  const dir = model.source === 'repo' ? path.join(root, 'models') : modelsDir(root);
  const source = path.join(dir, model.file);
  if (!existsSync(source)) {
    const from = model.url ?? (model.source === 'hosted' ? 'the model base (BIAOQING_MODEL_BASE, default: this site’s models/)' : 'nowhere');
    notes.push(`[local-assets] ${model.file} not in ${dir}: the app will fetch it from ${from}`);
    return null;
  }
  const sha = sha256(readFileSync(source));
  if (sha !== model.sha256) {
    notes.push(`[local-assets] ${source} has SHA-256 ${sha}, the manifest says ${model.sha256}: not bundled`);
    return null;
  }
  return source;
}

/** A derived model made from its original's bundled copy, kept in node_modules/.cache between builds. */
function derived(root: string, model: ManifestModel, original: string | undefined): string | null {
  if (original === undefined) {
    notes.push(`[local-assets] ${model.file} not made (no ${model.derivedFrom ?? ''} to derive it from): the app will use ${model.derivedFrom ?? ''} itself`);
    return null;
  }
  const target = path.join(root, 'node_modules/.cache/biaoqing-derived', model.file);
  if (existsSync(target) && sha256(readFileSync(target)) === model.sha256) return target;
  const bytes = deriveModel(model.id, readFileSync(original));
  const sha = sha256(bytes);
  if (sha !== model.sha256) {
    notes.push(`[local-assets] ${model.file} derived with SHA-256 ${sha}, the manifest says ${model.sha256}: not bundled`);
    return null;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return target;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

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
    buildStart() {
      if (noted) return;
      noted = true;
      for (const note of notes) console.warn(note);
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
