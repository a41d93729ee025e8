// The AI redraw in the sticker worker: decides once whether and where this device runs it (the
// capability gate), tells the UI, and loads the models on the first job or when the user asks,
// once, with one progress total. A cancelled or failed load is forgotten (stored bytes are kept
// for a resume), so the next attempt starts again.

import { StickerError, toErrorInfo } from '../../../core/errors.ts';
import { decideRedraw, type AiDevicePreference, type GateDecision } from '../../../core/diffusion/capability.ts';
import { DIFFUSION_SETS, type DiffusionSetId } from '../../../core/diffusion/model-sets.ts';
import type { RedrawDecisionReport, RedrawStatus } from '../../../core/diffusion/redraw-status.ts';
import { diffusionFiles, variantCosts } from '../../../core/diffusion/variant-costs.ts';
import { withHostedUrl } from '../../../core/models/hosted.ts';
import type { LoadedDiffusion } from '../../../core/platform.ts';
import { probeWebGpu } from '../gpu-probe.ts';
import { isCached } from '../model-store.ts';

export interface RedrawOptions {
  set: DiffusionSetId;
  device: AiDevicePreference;
  modelBase: string;
  assetBase: string;
  onStatus(status: RedrawStatus): void;
}

export interface RedrawService {
  /** Probe, decide, and report; resolves once the UI has the first status. */
  start(): Promise<void>;
  load(): Promise<LoadedDiffusion>;
  cancel(): void;
  /** Told after each AI job: the engine's GPU tensors should be back to 0. */
  report(): void;
}

function reportOf(decision: GateDecision): RedrawDecisionReport {
  return decision.run === 'local'
    ? { run: 'local', provider: decision.provider, dtype: decision.variant.dtype, reason: decision.reason, detail: decision.detail }
    : { run: 'elsewhere', reason: decision.reason, detail: decision.detail };
}

export function createRedrawService(options: RedrawOptions): RedrawService {
  const set = DIFFUSION_SETS[options.set];
  const about = { id: set.id, name: set.name, test: set.test };
  let decision: GateDecision | undefined;
  let loading: Promise<LoadedDiffusion> | undefined;
  let loaded: LoadedDiffusion | undefined;
  let controller: AbortController | undefined;

  const status = (s: Omit<RedrawStatus, 'set' | 'decision'>, d: GateDecision) => options.onStatus({ ...s, set: about, decision: reportOf(d) });

  async function decided(): Promise<GateDecision> {
    if (decision !== undefined) return decision;
    const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    const made = decideRedraw({ gpu: await probeWebGpu(), costs: variantCosts(set), preference: options.device, smallModels: set.test, ...(memory === undefined ? {} : { deviceMemoryGb: memory }) });
    decision = made;
    return made;
  }

  const entriesFor = (d: Extract<GateDecision, { run: 'local' }>) => diffusionFiles(set, d.variant).map((e) => withHostedUrl(e, options.modelBase));

  async function bytesToDownload(d: Extract<GateDecision, { run: 'local' }>): Promise<number> {
    let bytes = 0;
    for (const entry of entriesFor(d)) if (!(await isCached(entry))) bytes += entry.bytes;
    return bytes;
  }

  async function loadOn(d: Extract<GateDecision, { run: 'local' }>, signal: AbortSignal): Promise<LoadedDiffusion> {
    // onnxruntime-web and the tokenizer load with the first AI job, not with every sticker worker.
    const { loadDiffusion } = await import('./load-diffusion.ts');
    return loadDiffusion({
      set,
      variant: d.variant,
      provider: d.provider,
      entries: entriesFor(d),
      assetBase: options.assetBase,
      signal,
      onDownload: (download) => status({ state: 'downloading', download }, d),
      onLoading: () => status({ state: 'loading' }, d),
    });
  }

  /** WebGPU chosen by the gate but failing (a driver refusing a kernel): the same weights on wasm, when they run there. */
  async function loadWithFallback(d: Extract<GateDecision, { run: 'local' }>, signal: AbortSignal): Promise<{ engine: LoadedDiffusion; d: typeof d }> {
    try {
      return { engine: await loadOn(d, signal), d };
    } catch (error) {
      const retry = d.provider === 'webgpu' && options.device === 'auto' && !signal.aborted && d.variant.providers.includes('wasm');
      if (!retry) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      const onCpu = { ...d, provider: 'wasm' as const, detail: `WebGPU failed (${reason}); running on wasm` };
      decision = onCpu;
      return { engine: await loadOn(onCpu, signal), d: onCpu };
    }
  }

  async function startLoad(d: Extract<GateDecision, { run: 'local' }>): Promise<LoadedDiffusion> {
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const { engine, d: ran } = await loadWithFallback(d, signal);
      loaded = engine;
      status({ state: 'ready', engine: engine.info }, ran);
      return engine;
    } catch (error) {
      loading = undefined;
      const info = signal.aborted ? new StickerError('ABORTED', 'model download cancelled', { stage: 'redraw' }).toInfo() : toErrorInfo(error, 'redraw');
      status({ state: 'failed', error: info, bytes: await bytesToDownload(d).catch(() => 0) }, d);
      throw signal.aborted ? new StickerError('ABORTED', 'model download cancelled', { stage: 'redraw' }) : error;
    }
  }

  return {
    async start() {
      const d = await decided();
      if (d.run === 'elsewhere') status({ state: 'unavailable' }, d);
      else status({ state: 'needs-download', bytes: await bytesToDownload(d) }, d);
    },
    async load() {
      const d = await decided();
      if (d.run === 'elsewhere') {
        throw new StickerError('WEBGPU_UNAVAILABLE', `AI redraw cannot run on this device: ${d.reason} (${d.detail})`, { stage: 'redraw', reason: d.reason });
      }
      loading ??= startLoad(d);
      return loading;
    },
    cancel() {
      if (loaded === undefined) controller?.abort();
    },
    report() {
      const d = decision;
      const engine = loaded;
      if (d === undefined || engine === undefined) return;
      // Counted once nothing runs: a background prompt encoding holds its tensor only while it runs.
      void engine.idle().then(() => status({ state: 'ready', engine: { ...engine.info }, gpuTensorsLeft: engine.liveGpuTensors() }, d));
    },
  };
}
