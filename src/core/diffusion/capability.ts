// The capability gate: may this device run the AI redraw, where, and with which weights? Decided
// from what the worker's WebGPU probe reports and the model files' sizes, with the reason kept so
// the UI can say it in words. Pure, so every branch is unit-tested.

import type { GpuReport } from '../protocol.ts';
import type { DiffusionVariant } from './model-sets.ts';

export type AiDevicePreference = 'auto' | 'webgpu' | 'wasm';

/** What one variant weighs, from the manifest. */
export interface VariantCost {
  variant: DiffusionVariant;
  /** Sum of the four files. */
  bytes: number;
  /** The largest single weight tensor: it must fit one GPU storage-buffer binding. */
  largestTensorBytes: number;
}

export type GateReason =
  | 'ok'
  | 'pinned-webgpu'
  | 'pinned-wasm'
  | 'no-webgpu'
  | 'software-adapter'
  | 'no-shader-f16'
  | 'tensor-too-large'
  | 'low-memory'
  | 'not-pinned';

export type GateDecision =
  | { run: 'local'; provider: 'webgpu' | 'wasm'; variant: DiffusionVariant; bytes: number; reason: GateReason; detail: string }
  | { run: 'elsewhere'; reason: GateReason; detail: string };

export interface GateInput {
  gpu: GpuReport;
  /** Best first; empty when the set's files are not in the manifest. */
  costs: readonly VariantCost[];
  preference: AiDevicePreference;
  /** navigator.deviceMemory in GB (Chrome rounds it down and caps it at 8); undefined when unknown. */
  deviceMemoryGb?: number;
  /** Small test networks run anywhere: wasm on any CPU is fine for them. */
  smallModels: boolean;
}

/** The weights, a copy in the runtime, and activations: about twice the files must fit in a quarter of RAM. */
function fitsMemory(bytes: number, deviceMemoryGb: number | undefined): boolean {
  return deviceMemoryGb === undefined || bytes * 2 <= deviceMemoryGb * 1024 ** 3 * 0.25;
}

const MB = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

function gpuCanRun(gpu: GpuReport, cost: VariantCost): GateReason | null {
  if (cost.variant.dtype === 'fp16' && gpu.shaderF16 !== true) return 'no-shader-f16';
  const binding = gpu.maxStorageBufferBindingSize ?? 0;
  const buffer = gpu.maxBufferSize ?? 0;
  if (cost.largestTensorBytes > Math.min(binding, buffer)) return 'tensor-too-large';
  return null;
}

export function decideRedraw(input: GateInput): GateDecision {
  const { gpu, costs, preference, deviceMemoryGb, smallModels } = input;
  if (costs.length === 0) return { run: 'elsewhere', reason: 'not-pinned', detail: 'the model files are not in this build’s manifest' };
  const affordable = costs.filter((c) => smallModels || fitsMemory(c.bytes, deviceMemoryGb));
  const smallest = costs.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  if (affordable.length === 0) {
    return { run: 'elsewhere', reason: 'low-memory', detail: `${MB(smallest.bytes)} of weights on a device reporting ${deviceMemoryGb ?? '?'} GB` };
  }
  // Without shader-f16 the fp32-computing variants are the ones a GPU can take.
  const fp32First = (list: readonly VariantCost[]) => [...list].sort((a, b) => Number(a.variant.dtype === 'fp16') - Number(b.variant.dtype === 'fp16'));
  if (preference === 'wasm') {
    const cost = fp32First(affordable)[0] ?? smallest;
    return { run: 'local', provider: 'wasm', variant: cost.variant, bytes: cost.bytes, reason: 'pinned-wasm', detail: 'asked for the CPU (wasm)' };
  }
  if (!gpu.available) {
    return smallModels
      ? { run: 'local', provider: 'wasm', variant: smallest.variant, bytes: smallest.bytes, reason: 'no-webgpu', detail: gpu.reason ?? 'no WebGPU' }
      : { run: 'elsewhere', reason: 'no-webgpu', detail: gpu.reason ?? 'no WebGPU' };
  }
  let refusal: GateReason = 'tensor-too-large';
  for (const cost of affordable) {
    const why = gpuCanRun(gpu, cost);
    if (why === null) {
      if (preference === 'webgpu') return { run: 'local', provider: 'webgpu', variant: cost.variant, bytes: cost.bytes, reason: 'pinned-webgpu', detail: 'asked for WebGPU' };
      // A software adapter (SwiftShader) is slower than wasm on the same CPU.
      if (gpu.isFallbackAdapter === true) {
        return smallModels
          ? { run: 'local', provider: 'wasm', variant: cost.variant, bytes: cost.bytes, reason: 'software-adapter', detail: gpu.description ?? 'software adapter' }
          : { run: 'elsewhere', reason: 'software-adapter', detail: gpu.description ?? 'software adapter' };
      }
      return { run: 'local', provider: 'webgpu', variant: cost.variant, bytes: cost.bytes, reason: 'ok', detail: `${cost.variant.dtype}, ${MB(cost.bytes)}` };
    }
    refusal = why;
  }
  const fallback = fp32First(affordable)[0];
  if (smallModels && fallback !== undefined) {
    return { run: 'local', provider: 'wasm', variant: fallback.variant, bytes: fallback.bytes, reason: refusal, detail: 'the GPU cannot take these weights' };
  }
  return { run: 'elsewhere', reason: refusal, detail: `largest tensor ${MB(smallest.largestTensorBytes)}, binding limit ${MB(gpu.maxStorageBufferBindingSize ?? 0)}` };
}
