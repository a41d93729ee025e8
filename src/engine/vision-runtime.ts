// MediaPipe's runtime compiled by the page as it opens, for the sticker worker: its 13 MB download
// then starts with the page's script instead of after the worker's two chunks have loaded and run
// (about 0.4 s on a phone's link, where the first sticker waits for its last byte). The worker is
// told to wait for it (InitOptions.runtimeFromPage) and fetches nothing itself; null: the page could
// not, and the worker compiles its own.

/** The file FilesetResolver.forVisionTasks(base, true) names: the module build, which assumes SIMD. */
const RUNTIME_FILE = 'vision_wasm_module_internal.wasm';

export async function compileVisionRuntime(assetBase: string): Promise<WebAssembly.Module | null> {
  const url = new URL(`${String(import.meta.env.VITE_MEDIAPIPE_DIR)}/${RUNTIME_FILE}`, assetBase).href;
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    // Streaming compiles while the bytes arrive, but only a response typed application/wasm.
    const streams = typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.split(';')[0] === 'application/wasm';
    return await (streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer()));
  } catch {
    return null;
  }
}
