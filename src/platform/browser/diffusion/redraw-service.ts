// The AI redraw in the sticker worker, and its engine picker: the capability gate decides whether
// this device runs it and on what; when it cannot (or the user chose the server) the fallback server
// takes the stage if it answers. The UI is told each step. Local models load on the first job or
// when the user asks, once per provider; a cancelled or failed load is forgotten (stored bytes are
// kept for a resume), so the next attempt starts again.

import { StickerError, toErrorInfo, errorMessage } from '../../../core/errors.ts';
import { decideRedraw, type AiDevicePreference, type GateDecision, type GateInput } from '../../../core/diffusion/capability.ts';
import { localRedrawer } from '../../../core/diffusion/local-redrawer.ts';
import { DIFFUSION_SETS, type DiffusionSetId } from '../../../core/diffusion/model-sets.ts';
import type { RedrawDecisionReport, RedrawStatus } from '../../../core/diffusion/redraw-status.ts';
import { diffusionFiles, variantCosts } from '../../../core/diffusion/variant-costs.ts';
import { withHostedUrl } from '../../../core/models/hosted.ts';
import type { LoadedDiffusion, Redrawer } from '../../../core/platform.ts';
import type { WeakDeviceReason } from '../../../core/runtime-preferences.ts';
import type { GpuReport } from '../../../core/gpu-report.ts';
import { probeWebGpu } from '../gpu/gpu-probe.ts';
import { isCached } from '../models/model-store.ts';
import { serverHealth } from './server-client.ts';
import { serverRedrawer } from './server-redrawer.ts';

export interface RedrawOptions {
  set: DiffusionSetId;
  device: AiDevicePreference;
  modelBase: string;
  assetBase: string;
  /** The fallback server's base URL; null: this build has none. */
  serverUrl: string | null;
  /** Decide as a phone without WebGPU and with 1 GB would, for real-size models: ?gate=weak (diagnostics, tests) or WeChat's browser. */
  assumeWeak: WeakDeviceReason | null;
  /** Decide as if the adapter had shader-f16 (?gate=shader-f16, tests). */
  assumeShaderF16?: true;
  /** onnxruntime-web on one wasm thread, when the AI runs on this CPU after all (the user's pin). */
  singleThreadWasm: boolean;
  onStatus(status: RedrawStatus): void;
}

export interface RedrawService {
  /** Probe, decide, and report; resolves once the UI has the first status. */
  start(): Promise<void>;
  /** The user chose where the AI runs: decide again and report. */
  prefer(device: AiDevicePreference): Promise<void>;
  load(): Promise<Redrawer>;
  cancel(): void;
  /** Told after each AI job: the engine's GPU tensors should be back to 0. */
  report(): void;
}

type Local = Extract<GateDecision, { run: 'local' }>;
type Elsewhere = Extract<GateDecision, { run: 'elsewhere' }>;

/** What a weak phone reports: the gate's real rules then send real-size models elsewhere. */
function weakDevice(why: WeakDeviceReason): Pick<GateInput, 'gpu' | 'deviceMemoryGb' | 'smallModels'> {
  const reason = why === 'wechat' ? 'WeChat in-app browser: assumed to have no WebGPU' : 'simulated weak device (?gate=weak)';
  return { gpu: { available: false, reason }, deviceMemoryGb: 1, smallModels: false };
}

function reportOf(decision: GateDecision): RedrawDecisionReport {
  return decision.run === 'local'
    ? { run: 'local', provider: decision.provider, dtype: decision.variant.dtype, reason: decision.reason, detail: decision.detail }
    : { run: 'elsewhere', reason: decision.reason, detail: decision.detail };
}

export function createRedrawService(options: RedrawOptions): RedrawService {
  const set = DIFFUSION_SETS[options.set];
  const about = { id: set.id, name: set.name, test: set.test };
  let preference = options.device;
  let decision: GateDecision | undefined;
  /** Local engines by provider and weights, so switching back and forth loads each once. */
  const loading = new Map<string, Promise<LoadedDiffusion>>();
  let loadedLocal: LoadedDiffusion | undefined;
  let controller: AbortController | undefined;

  const status = (s: Omit<RedrawStatus, 'set' | 'decision'>, d: GateDecision, on = about) => options.onStatus({ ...s, set: on, decision: reportOf(d) });

  async function probedGpu(): Promise<GpuReport> {
    const gpu = await probeWebGpu();
    return options.assumeShaderF16 === true && gpu.available ? { ...gpu, shaderF16: true } : gpu;
  }

  async function decided(): Promise<GateDecision> {
    if (decision !== undefined) return decision;
    const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    const device: Pick<GateInput, 'gpu' | 'deviceMemoryGb' | 'smallModels'> =
      options.assumeWeak !== null
        ? weakDevice(options.assumeWeak)
        : { gpu: await probedGpu(), smallModels: set.test, ...(memory === undefined ? {} : { deviceMemoryGb: memory }) };
    const made = decideRedraw({ ...device, costs: variantCosts(set), preference });
    decision = made;
    return made;
  }

  const keyOf = (d: Local) => `${d.variant.dtype}/${d.provider}`;
  const entriesFor = (d: Local) => diffusionFiles(set, d.variant).map((e) => withHostedUrl(e, options.modelBase));

  async function bytesToDownload(d: Local): Promise<number> {
    let bytes = 0;
    for (const entry of entriesFor(d)) if (!(await isCached(entry))) bytes += entry.bytes;
    return bytes;
  }

  async function loadOn(d: Local, signal: AbortSignal): Promise<LoadedDiffusion> {
    // onnxruntime-web and the tokenizer load with the first AI job, not with every sticker worker.
    const { loadDiffusion } = await import('./load-diffusion.ts');
    return loadDiffusion({
      set,
      variant: d.variant,
      provider: d.provider,
      entries: entriesFor(d),
      assetBase: options.assetBase,
      singleThreadWasm: options.singleThreadWasm,
      signal,
      onDownload: (download) => status({ state: 'downloading', download }, d),
      onLoading: () => status({ state: 'loading' }, d),
    });
  }

  /** WebGPU chosen by the gate but failing (a driver refusing a kernel): the same weights on wasm, when they run there. */
  async function loadWithFallback(d: Local, signal: AbortSignal): Promise<{ engine: LoadedDiffusion; d: Local }> {
    try {
      return { engine: await loadOn(d, signal), d };
    } catch (error) {
      const retry = d.provider === 'webgpu' && preference === 'auto' && !signal.aborted && d.variant.providers.includes('wasm');
      if (!retry) throw error;
      const reason = errorMessage(error);
      const onCpu: Local = { ...d, provider: 'wasm', detail: `WebGPU failed (${reason}); running on wasm` };
      decision = onCpu;
      return { engine: await loadOn(onCpu, signal), d: onCpu };
    }
  }

  async function startLoad(d: Local): Promise<LoadedDiffusion> {
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const { engine, d: ran } = await loadWithFallback(d, signal);
      loadedLocal = engine;
      status({ state: 'ready', engine: engine.info }, ran);
      return engine;
    } catch (error) {
      loading.delete(keyOf(d));
      const info = signal.aborted ? new StickerError('ABORTED', 'model download cancelled', { stage: 'redraw' }).toInfo() : toErrorInfo(error, 'redraw');
      status({ state: 'failed', error: info, bytes: await bytesToDownload(d).catch(() => 0) }, d);
      throw signal.aborted ? new StickerError('ABORTED', 'model download cancelled', { stage: 'redraw' }) : error;
    } finally {
      // Only a load in progress can be cancelled; a loaded engine keeps its background work.
      if (controller?.signal === signal) controller = undefined;
    }
  }

  /** Asks the server whether it is up and what it runs; the UI hears either way. */
  async function routeToServer(d: Elsewhere): Promise<Redrawer> {
    const url = options.serverUrl;
    if (url === null) {
      status({ state: 'unavailable' }, d);
      throw new StickerError('WEBGPU_UNAVAILABLE', `AI redraw cannot run on this device (${d.reason}: ${d.detail}) and this build has no server`, {
        stage: 'redraw',
        reason: d.reason,
      });
    }
    const began = performance.now();
    try {
      const health = await serverHealth(url);
      const probeMs = Math.round(performance.now() - began);
      const on = DIFFUSION_SETS[health.models];
      const redrawer = serverRedrawer(url, health, probeMs);
      status({ state: 'ready', server: { url, retentionHours: health.retentionHours }, engine: redrawer.info }, d, { id: on.id, name: on.name, test: on.test });
      return redrawer;
    } catch (error) {
      status({ state: 'unavailable', server: { url }, error: toErrorInfo(error, 'redraw') }, d);
      throw error;
    }
  }

  async function start(): Promise<void> {
    const d = await decided();
    if (d.run === 'local') status({ state: 'needs-download', bytes: await bytesToDownload(d) }, d);
    else await routeToServer(d).catch(() => undefined);
  }

  return {
    start,
    async prefer(device) {
      if (device === preference) return;
      preference = device;
      decision = undefined;
      await start();
    },
    async load() {
      const d = await decided();
      if (d.run === 'elsewhere') {
        // Asked again at each job: a server that was down at start-up may be up now.
        return routeToServer(d);
      }
      const key = keyOf(d);
      let pending = loading.get(key);
      if (pending === undefined) {
        pending = startLoad(d);
        loading.set(key, pending);
      }
      return localRedrawer(await pending);
    },
    cancel() {
      controller?.abort();
    },
    report() {
      const d = decision;
      const engine = loadedLocal;
      if (d === undefined || d.run !== 'local' || engine === undefined) return;
      // Counted once nothing runs: a background prompt encoding holds its tensor only while it runs.
      void engine.idle().then(() => status({ state: 'ready', engine: { ...engine.info }, gpuTensorsLeft: engine.liveGpuTensors() }, d));
    },
  };
}
