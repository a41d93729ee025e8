// transformers.js reads a model folder through a custom cache that holds exactly the files checked
// against the manifest (by the browser's model store, or the server's): it may fetch nothing
// remote, caches nothing of its own, and in the browser runs onnxruntime-web's wasm from the app's
// own origin. Shared by the browser workers and the fallback server.

import { env } from '@huggingface/transformers';

/** Where transformers.js thinks the model folders live; only the custom cache answers for it. */
const VERIFIED = '/verified-models/';

export function serveVerifiedFiles(files: ReadonlyMap<string, Uint8Array>): void {
  const byRequest = [...files].map(([file, bytes]) => ({ suffix: `/${file}`, bytes }));
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = VERIFIED;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.customCache = {
    // One model per worker: the file's path inside the model folder identifies it, whether asked
    // by local path or (in Node) by the would-be remote URL.
    match: async (request: string) => {
      const file = byRequest.find((f) => request.endsWith(f.suffix));
      return file === undefined ? undefined : new Response(file.bytes.slice());
    },
    put: async () => undefined,
  };
  // transformers.js points onnxruntime-web at a CDN; with no paths it uses the runtime wasm the
  // build bundled beside this worker, on the app's own origin.
  const wasm = env.backends.onnx.wasm;
  if (wasm !== undefined) delete wasm.wasmPaths;
}
