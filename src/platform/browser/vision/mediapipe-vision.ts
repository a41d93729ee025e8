// Browser platform: what the MediaPipe tasks-vision models here share: the runtime from this app's
// own origin, and the delegate chosen by capability with a CPU retry.

import { FilesetResolver } from '@mediapipe/tasks-vision';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import { cpuImageInputCanvas } from './cpu-image-input.ts';
import { hasHardwareWebGl2 } from '../gpu/webgl-probe.ts';
import { watchArrival } from './arrival-lead.ts';
import { StickerError, errorMessage } from '../../../core/errors.ts';

export type VisionDelegate = 'CPU' | 'GPU';
type Fileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

/** `true`: the module loader; the classic one needs importScripts, absent in module workers. */
const visionFileset = (assetBase: string) => FilesetResolver.forVisionTasks(new URL(String(import.meta.env.VITE_MEDIAPIPE_DIR), assetBase).href, true);

/**
 * MediaPipe's runtime (13 MB of wasm), compiled once per worker and shared by every task made there;
 * the segmenter's worker is handed this one (useVisionRuntime). Without this each task fetches and
 * compiles it again, and every read of it holds another 16.5 MB in the browser (measured in Chromium).
 */
let runtime: Promise<WebAssembly.Module> | undefined;

/** The runtime's response, asked for as the worker started (runtimeAskedEarly); taken once. */
let early: Promise<Response | null> | undefined;

export function runtimeAskedEarly(response: Promise<Response | null>): void {
  early = response;
}

/** The early response where it answered ok for the file this fileset names; else a fetch of that file. */
async function runtimeResponse(url: string): Promise<Response> {
  const asked = await early;
  early = undefined;
  if (asked?.ok === true && asked.url === url) return asked;
  void asked?.body?.cancel().catch(() => undefined);
  return fetch(url);
}

/**
 * How long before the runtime's last byte the face model is asked for: about the compile's tail after
 * that byte (0.15–0.2 s on this repository's 2-core test machine) and a round trip.
 */
const NEXT_DOWNLOAD_LEAD_MS = 300;
/** This build's runtime, as decoded (set by vite.config.ts; NaN where unknown, as in unit tests). */
const RUNTIME_BYTES = Number(import.meta.env.VITE_MEDIAPIPE_WASM_BYTES);

let markNearlyIn = (): void => undefined;
const nearlyIn = new Promise<void>((resolve) => {
  markNearlyIn = resolve;
});

/**
 * Settles when the runtime's last bytes are due within NEXT_DOWNLOAD_LEAD_MS, or it has compiled
 * (or failed): the next download on the link, asked for then, follows it without a gap.
 */
export function visionRuntimeNearlyIn(assetBase: string): Promise<unknown> {
  return Promise.race([nearlyIn, visionRuntime(assetBase)]);
}

async function compileRuntime(assetBase: string): Promise<WebAssembly.Module> {
  const fileset = await visionFileset(assetBase);
  // Its loader script downloads beside it, not after it: the first task needs both.
  loader ??= importLoader(fileset);
  loader.catch(() => undefined); // met when a task is made, which imports it again
  const url = fileset.wasmBinaryPath;
  // Said to the user as the face model's download failing (it is part of that), not as an unknown fault.
  const downloadFailed = (why: unknown) => new StickerError('MODEL_DOWNLOAD_FAILED', `${url}: ${errorMessage(why)}`, { stage: 'load-models' });
  const fetched = await runtimeResponse(url).catch((error: unknown) => {
    throw downloadFailed(error);
  });
  if (!fetched.ok) throw downloadFailed(`HTTP ${fetched.status}`);
  const response = watchArrival(fetched, RUNTIME_BYTES, NEXT_DOWNLOAD_LEAD_MS, () => markNearlyIn());
  // Streaming compiles while the bytes arrive, but only a response typed application/wasm.
  const streams = typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.split(';')[0] === 'application/wasm';
  try {
    return await (streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer()));
  } catch (error) {
    // Bytes that are no runtime are a fault of this build; a stream that broke is the download's.
    if (error instanceof WebAssembly.CompileError) throw error;
    throw downloadFailed(error);
  }
}

/** The runtime, compiled on first call (the app asks at open, while the face model downloads). */
export function visionRuntime(assetBase: string): Promise<WebAssembly.Module> {
  runtime ??= compileRuntime(assetBase).catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

/** A runtime another worker compiled: tasks made here instantiate it instead of fetching their own. */
export function useVisionRuntime(module: WebAssembly.Module): void {
  runtime = Promise.resolve(module);
}

export function chooseDelegate(preference: FaceDelegatePreference): VisionDelegate {
  if (preference === 'cpu') return 'CPU';
  if (preference === 'gpu') return 'GPU';
  return hasHardwareWebGl2() ? 'GPU' : 'CPU';
}

type ModuleOptions = Record<string, unknown>;
type Loader = { default: (options: ModuleOptions) => Promise<unknown> };

/** The runtime's emscripten loader script (a module), imported once per worker. */
let loader: Promise<Loader> | undefined;

function importLoader(fileset: Fileset): Promise<Loader> {
  return (import(/* @vite-ignore */ fileset.wasmLoaderPath) as Promise<Loader>).catch((error: unknown) => {
    loader = undefined;
    throw error;
  });
}

type InstantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => object;

type Factory = Loader['default'];

/** The compiled runtime instantiated through the loader (emscripten's instantiateWasm hook), not fetched and compiled again. */
function instantiate(factory: Factory, compiled: WebAssembly.Module, options: ModuleOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // emscripten never settles its promise when the hook fails: the failure is passed on here.
    const instantiateWasm: InstantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(compiled, imports).then(receive, reject);
      return {};
    };
    factory({ ...options, instantiateWasm }).then(resolve, reject);
  });
}

/** An instance made ahead of its task, while the task's model arrives; the next task made here takes it. */
let ahead: Promise<unknown> | undefined;

/**
 * Instantiates the runtime now (70 ms on this repository's 2-core test machine) so that the task
 * made once its model has arrived starts from it: the first sticker waits for the model, not for both.
 */
export function instantiateVisionRuntimeAhead(assetBase: string): void {
  ahead ??= (async () => {
    const [fileset, compiled] = await Promise.all([visionFileset(assetBase), visionRuntime(assetBase)]);
    loader ??= importLoader(fileset);
    const { default: factory } = await loader;
    // As tasks-vision asks for it: only the .wasm is located, and the hook answers that.
    return instantiate(factory, compiled, { locateFile: (file: string) => (file.endsWith('.wasm') ? fileset.wasmBinaryPath : file) });
  })();
  ahead.catch(() => undefined);
}

/**
 * Before every task: the module's export, wrapped so that the task takes the instance made ahead,
 * or instantiates the compiled runtime. Set every time: the loader script sets the bare export as it
 * first runs (at open, imported beside the runtime), and tasks-vision clears it once a task has its
 * runtime, while a module script runs only once per worker, so a second task (the segmenter after
 * the landmarker, or a CPU retry) would find none.
 */
async function restoreModuleFactory(fileset: Fileset, compiled: WebAssembly.Module): Promise<void> {
  const scope = globalThis as { ModuleFactory?: unknown };
  loader ??= importLoader(fileset);
  const { default: factory } = await loader;
  scope.ModuleFactory = (options: ModuleOptions = {}) => {
    const made = ahead;
    ahead = undefined;
    const fresh = () => instantiate(factory, compiled, options);
    return made === undefined ? fresh() : made.catch(fresh);
  };
}

/**
 * Tasks are made one at a time: each takes the runtime's module factory, a global, and clears it
 * (restoreModuleFactory); two made at once (the segmenter loading beside the face model) would
 * find it gone, and one of them fail with "ModuleFactory not set".
 */
let making: Promise<unknown> = Promise.resolve();

/** Creates a task on the preferred delegate; a GPU delegate that fails to start (lost context, old driver) is not fatal. */
export function createVisionTask<T>(
  assetBase: string,
  preference: FaceDelegatePreference,
  create: (fileset: Fileset, delegate: VisionDelegate, canvas: { canvas?: OffscreenCanvas }) => Promise<T>,
): Promise<{ task: T; delegate: VisionDelegate }> {
  const made = making.then(() => createNow(assetBase, preference, create));
  making = made.catch(() => undefined);
  return made;
}

async function createNow<T>(
  assetBase: string,
  preference: FaceDelegatePreference,
  create: (fileset: Fileset, delegate: VisionDelegate, canvas: { canvas?: OffscreenCanvas }) => Promise<T>,
): Promise<{ task: T; delegate: VisionDelegate }> {
  const [fileset, compiled] = await Promise.all([visionFileset(assetBase), visionRuntime(assetBase)]);
  const attempt = async (delegate: VisionDelegate) => {
    await restoreModuleFactory(fileset, compiled);
    // The CPU delegate still takes its input as a texture: give it the in-memory stand-in.
    return { task: await create(fileset, delegate, delegate === 'CPU' ? { canvas: cpuImageInputCanvas() } : {}), delegate };
  };
  const delegate = chooseDelegate(preference);
  try {
    return await attempt(delegate);
  } catch (error) {
    if (delegate === 'CPU') throw error;
    return attempt('CPU');
  }
}
