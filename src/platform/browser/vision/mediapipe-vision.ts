// Browser platform: what the MediaPipe tasks-vision models here share: the runtime from this app's
// own origin, and the delegate chosen by capability with a CPU retry.

import { FilesetResolver } from '@mediapipe/tasks-vision';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import { cpuImageInputCanvas } from './cpu-image-input.ts';
import { hasHardwareWebGl2 } from '../gpu/webgl-probe.ts';

export type VisionDelegate = 'CPU' | 'GPU';
type Fileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

/** `true`: the module loader; the classic one needs importScripts, absent in module workers. */
const visionFileset = (assetBase: string) => FilesetResolver.forVisionTasks(new URL(String(import.meta.env.VITE_MEDIAPIPE_DIR), assetBase).href, true);

/**
 * Fetches MediaPipe's runtime into the browser's HTTP cache (its files are immutable: see
 * docs/hosting.md) without compiling it, so the task started later reads it from there.
 */
export async function prefetchVisionRuntime(assetBase: string): Promise<void> {
  const fileset = await visionFileset(assetBase);
  await Promise.all(
    [fileset.wasmLoaderPath, fileset.wasmBinaryPath].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      // Read to the end, so the cache keeps it, and let go.
      await response.body?.pipeTo(new WritableStream());
    }),
  );
}

export function chooseDelegate(preference: FaceDelegatePreference): VisionDelegate {
  if (preference === 'cpu') return 'CPU';
  if (preference === 'gpu') return 'GPU';
  return hasHardwareWebGl2() ? 'GPU' : 'CPU';
}

/**
 * tasks-vision clears `ModuleFactory` once a task has its runtime, and a module script runs only
 * once per worker, so a second task (the segmenter after the landmarker, or a CPU retry) would
 * fail with "ModuleFactory not set": give it back the module's export.
 */
async function restoreModuleFactory(fileset: Fileset): Promise<void> {
  const scope = globalThis as { ModuleFactory?: unknown };
  if (scope.ModuleFactory !== undefined) return;
  const loader = (await import(/* @vite-ignore */ fileset.wasmLoaderPath)) as { default: unknown };
  scope.ModuleFactory = loader.default;
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
  const fileset = await visionFileset(assetBase);
  const attempt = async (delegate: VisionDelegate) => {
    await restoreModuleFactory(fileset);
    // Without WebGL the CPU delegate still needs its input uploaded: give it the in-memory canvas.
    const input = delegate === 'CPU' ? cpuImageInputCanvas() : undefined;
    return { task: await create(fileset, delegate, input === undefined ? {} : { canvas: input }), delegate };
  };
  const delegate = chooseDelegate(preference);
  try {
    return await attempt(delegate);
  } catch (error) {
    if (delegate === 'CPU') throw error;
    return attempt('CPU');
  }
}
