// The capability gate: may this device run the AI redraw, where, and with which weights? Decided
// from what the worker's WebGPU probe reports and the model files' sizes, with the reason kept so
// the UI can say it in words. Pure, so every branch is unit-tested.

import type { GpuReport } from '../gpu-report.ts';
import type { DiffusionVariant } from './model-sets.ts';

/** Where the user wants the AI redraw: decided here, on this device's GPU or CPU, or on the fallback server. */
export type AiDevicePreference = 'auto' | 'webgpu' | 'wasm' | 'server';

export const AI_DEVICE_PREFERENCES: readonly AiDevicePreference[] = ['auto', 'webgpu', 'wasm', 'server'];

/** What one variant weighs, from the manifest. */
export interface VariantCost {
  variant: DiffusionVariant;
  /** Sum of the four files. */
  bytes: number;
  /** The largest single weight tensor: it must fit one GPU storage-buffer binding. */
  largestTensorBytes: number;
}

/** Why the redraw runs elsewhere (the server, or nowhere): each is also an error reason when there is no server. */
export const ELSEWHERE_REASONS = [
  'pinned-server',
  'pinned-wasm',
  'no-webgpu',
  'software-adapter',
  'no-subgroup-info',
  'no-shader-f16',
  'tensor-too-large',
  'low-memory',
  'not-pinned',
] as const;
export type ElsewhereReason = (typeof ELSEWHERE_REASONS)[number];

/** Why the gate decided so: 'ok' and 'pinned-webgpu' run locally; the rest run elsewhere, or on wasm where it can. */
export type GateReason = 'ok' | 'pinned-webgpu' | ElsewhereReason;

export type GateDecision =
  | { run: 'local'; provider: 'webgpu' | 'wasm'; variant: DiffusionVariant; bytes: number; reason: GateReason; detail: string }
  | { run: 'elsewhere'; reason: ElsewhereReason; detail: string };

export interface GateInput {
  gpu: GpuReport;
  /** Best first; empty when the set's files are not in the manifest. */
  costs: readonly VariantCost[];
  preference: AiDevicePreference;
  /** navigator.deviceMemory in GB (Chrome rounds it down and caps it at 8); undefined when unknown. */
  deviceMemoryGb?: number;
  /**
   * Small test networks: wasm on any CPU runs them in a moment. Real weights on the CPU take minutes
   * a sticker, so without a usable GPU they go elsewhere (the fallback server) unless pinned.
   */
  smallModels: boolean;
}

/** The weights, a copy in the runtime, and activations: about twice the files must fit in a quarter of RAM. */
function fitsMemory(bytes: number, deviceMemoryGb: number | undefined): boolean {
  return deviceMemoryGb === undefined || bytes * 2 <= deviceMemoryGb * 1024 ** 3 * 0.25;
}

const MB = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

/** Why this GPU cannot take these weights, or null when it can. */
function gpuRefusal(gpu: GpuReport, cost: VariantCost): ElsewhereReason | null {
  if (cost.variant.dtype === 'fp16' && gpu.shaderF16 !== true) return 'no-shader-f16';
  const limit = Math.min(gpu.maxStorageBufferBindingSize ?? 0, gpu.maxBufferSize ?? 0);
  return cost.largestTensorBytes > limit ? 'tensor-too-large' : null;
}

const local = (cost: VariantCost, provider: 'webgpu' | 'wasm', reason: GateReason, detail: string): GateDecision => ({
  run: 'local',
  provider,
  variant: cost.variant,
  bytes: cost.bytes,
  reason,
  detail,
});

export function decideRedraw(input: GateInput): GateDecision {
  const { gpu, costs, preference, deviceMemoryGb, smallModels } = input;
  if (preference === 'server') return { run: 'elsewhere', reason: 'pinned-server', detail: 'asked for the server' };
  if (costs.length === 0) return { run: 'elsewhere', reason: 'not-pinned', detail: 'the model files are not in this build’s manifest' };
  const affordable = costs.filter((c) => smallModels || fitsMemory(c.bytes, deviceMemoryGb));
  if (affordable.length === 0) {
    const smallest = Math.min(...costs.map((c) => c.bytes));
    return { run: 'elsewhere', reason: 'low-memory', detail: `${MB(smallest)} of weights on a device reporting ${deviceMemoryGb ?? '?'} GB` };
  }
  const onCpu = affordable.find((c) => c.variant.providers.includes('wasm'));
  const cpuOr = (reason: ElsewhereReason, detail: string): GateDecision =>
    onCpu !== undefined && (smallModels || preference === 'wasm') ? local(onCpu, 'wasm', reason, detail) : { run: 'elsewhere', reason, detail };

  if (preference === 'wasm') return cpuOr('pinned-wasm', 'asked for the CPU (wasm)');
  if (!gpu.available) return cpuOr('no-webgpu', gpu.reason ?? 'no WebGPU');
  // Asked for even when pinned: the provider's failure there is the page being killed.
  if (gpu.subgroupSizes === false) return cpuOr('no-subgroup-info', `${gpu.vendor ?? 'this'} adapter reports no subgroup sizes`);
  // Refused before any GPU check: the GPU weights were over the memory budget, or there are none.
  const gpuWeights = costs.some((c) => c.variant.providers.includes('webgpu'));
  let refusal: ElsewhereReason = gpuWeights ? 'low-memory' : 'no-webgpu';
  let refusalDetail = gpuWeights ? `device reports ${deviceMemoryGb ?? '?'} GB` : 'no weights for WebGPU';
  for (const cost of affordable.filter((c) => c.variant.providers.includes('webgpu'))) {
    const why = gpuRefusal(gpu, cost);
    if (why !== null) {
      refusal = why;
      refusalDetail = `${cost.variant.dtype}: largest tensor ${MB(cost.largestTensorBytes)}, binding limit ${MB(gpu.maxStorageBufferBindingSize ?? 0)}`;
      continue;
    }
    if (preference === 'webgpu') return local(cost, 'webgpu', 'pinned-webgpu', 'asked for WebGPU');
    // A software adapter (SwiftShader) is slower than wasm on the same CPU.
    if (gpu.isFallbackAdapter === true) return cpuOr('software-adapter', gpu.description ?? 'software adapter');
    return local(cost, 'webgpu', 'ok', `${cost.variant.dtype}, ${MB(cost.bytes)}`);
  }
  return cpuOr(refusal, refusalDetail);
}
