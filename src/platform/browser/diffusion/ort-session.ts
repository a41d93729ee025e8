// One onnxruntime-web session per network, on the provider the capability gate chose. Shapes are
// fixed with freeDimensionOverrides so the WebGPU provider compiles each kernel once; outputs that
// only feed another network stay on the GPU.

import * as ort from 'onnxruntime-web/webgpu';
import type { TensorData } from '../../../core/diffusion/layout-tensors.ts';

export type Provider = 'webgpu' | 'wasm';

export interface SessionPlan {
  provider: Provider;
  /** The model's named dynamic axes, fixed to the sizes the app uses. */
  dimensions: Readonly<Record<string, number>>;
  /** Output names to keep on the GPU (WebGPU only). */
  gpuOutputs?: readonly string[];
}

/**
 * One wasm thread, set before the first session starts the runtime. onnxruntime-web takes one by
 * itself only when the page is not cross-origin isolated; WeChat's browser is assumed to have no
 * wasm threads whatever headers the app is served with.
 */
export function useOneWasmThread(): void {
  ort.env.wasm.numThreads = 1;
}

export async function createSession(bytes: Uint8Array, plan: SessionPlan): Promise<ort.InferenceSession> {
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: [plan.provider],
    graphOptimizationLevel: 'all',
    freeDimensionOverrides: { ...plan.dimensions },
  };
  if (plan.provider === 'webgpu' && plan.gpuOutputs !== undefined) {
    options.preferredOutputLocation = Object.fromEntries(plan.gpuOutputs.map((name) => [name, 'gpu-buffer' as const]));
  }
  return ort.InferenceSession.create(bytes, options);
}

export function tensorOf(d: TensorData): ort.Tensor {
  return new ort.Tensor(d.type, d.data, [...d.dims]);
}

/** A CPU copy of an output's data, wherever it was computed. */
export async function readData(tensor: ort.Tensor): Promise<unknown> {
  return tensor.location === 'cpu' ? tensor.data : tensor.getData();
}
