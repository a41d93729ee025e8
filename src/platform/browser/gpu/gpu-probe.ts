// Browser platform: what WebGPU adapter this device offers, for the diagnostics panel and the AI
// redraw's capability gate (diffusion/redraw-service.ts). Runs in the workers, where the models run.

import type { GpuReport } from '../../../core/gpu-report.ts';
import { errorMessage } from '../../../core/errors.ts';

export async function probeWebGpu(): Promise<GpuReport> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (gpu === undefined) {
    return { available: false, reason: 'navigator.gpu is missing: this browser or context has no WebGPU' };
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return { available: false, reason: `requestAdapter failed: ${errorMessage(error)}` };
  }
  if (adapter === null) return { available: false, reason: 'no WebGPU adapter (blocklisted GPU or disabled)' };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean; subgroupMinSize?: number };
  const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
  return {
    available: true,
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter ?? legacy.isFallbackAdapter ?? false,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    subgroupSizes: typeof info.subgroupMinSize === 'number' && info.subgroupMinSize > 0,
  };
}

/** A software adapter (SwiftShader and the like): WebGPU there is slower than WebGL2. */
export async function isFallbackAdapter(gpu: GPU): Promise<boolean> {
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (adapter === null) return true;
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  return info.isFallbackAdapter ?? (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
}
