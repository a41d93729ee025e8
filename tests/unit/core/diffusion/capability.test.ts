// The capability gate's every branch, on adapter reports shaped like real ones (a discrete GPU with
// shader-f16, an integrated one without, SwiftShader, none).

import { describe, expect, it } from 'vitest';
import { decideRedraw, type GateInput, type VariantCost } from '../../../../src/core/diffusion/capability.ts';
import type { GpuReport } from '../../../../src/core/gpu-report.ts';

const MB = 1024 ** 2;
const fp16: VariantCost = {
  variant: { dtype: 'fp16', providers: ['webgpu'], files: { textEncoder: 't16', unet: 'u16', vaeEncoder: 'e16', vaeDecoder: 'd16' } },
  bytes: 900 * MB,
  largestTensorBytes: 120 * MB,
};
const q8: VariantCost = {
  variant: { dtype: 'q8', providers: ['wasm'], files: { textEncoder: 't8', unet: 'u8', vaeEncoder: 'e8', vaeDecoder: 'd8' } },
  bytes: 460 * MB,
  largestTensorBytes: 60 * MB,
};
const fixture: VariantCost = {
  variant: { dtype: 'fp32', providers: ['webgpu', 'wasm'], files: { textEncoder: 'tf', unet: 'uf', vaeEncoder: 'ef', vaeDecoder: 'df' } },
  bytes: 4 * MB,
  largestTensorBytes: 2 * MB,
};

const discrete: GpuReport = { available: true, isFallbackAdapter: false, shaderF16: true, maxBufferSize: 4096 * MB, maxStorageBufferBindingSize: 2048 * MB };
const integrated: GpuReport = { ...discrete, shaderF16: false, maxBufferSize: 256 * MB, maxStorageBufferBindingSize: 128 * MB };
const swiftshader: GpuReport = {
  available: true,
  isFallbackAdapter: true,
  shaderF16: false,
  maxBufferSize: 1024 * MB,
  maxStorageBufferBindingSize: 1024 * MB,
  description: 'SwiftShader',
};
const none: GpuReport = { available: false, reason: 'navigator.gpu is missing' };

const real = (gpu: GpuReport, extra: Partial<GateInput> = {}) => decideRedraw({ gpu, costs: [fp16, q8], preference: 'auto', smallModels: false, ...extra });

describe('capability gate, real weights', () => {
  it('takes fp16 on a GPU with shader-f16', () => {
    expect(real(discrete)).toMatchObject({ run: 'local', provider: 'webgpu', variant: { dtype: 'fp16' }, reason: 'ok' });
  });
  it('sends a GPU without shader-f16 elsewhere: the int8 weights run on the CPU only', () => {
    expect(real(integrated)).toMatchObject({ run: 'elsewhere', reason: 'no-shader-f16' });
  });
  it('refuses a GPU whose buffers cannot hold the largest tensor, and says which limit', () => {
    const tiny = { ...discrete, maxStorageBufferBindingSize: 32 * MB };
    const decision = real(tiny);
    expect(decision).toMatchObject({ run: 'elsewhere', reason: 'tensor-too-large' });
    expect(decision.detail).toMatch(/120 MB.*32 MB/u);
  });
  it('sends a software adapter and a browser without WebGPU elsewhere', () => {
    expect(real({ ...swiftshader, shaderF16: true })).toMatchObject({ run: 'elsewhere', reason: 'software-adapter' });
    expect(real(swiftshader)).toMatchObject({ run: 'elsewhere', reason: 'no-shader-f16' });
    expect(real(none)).toMatchObject({ run: 'elsewhere', reason: 'no-webgpu' });
  });
  it('keeps models off a WebGPU adapter that reports no subgroup sizes (WebKit), even when WebGPU is pinned', () => {
    const webkit = { ...discrete, vendor: 'apple', subgroupSizes: false };
    expect(real(webkit)).toMatchObject({ run: 'elsewhere', reason: 'no-subgroup-info' });
    expect(real(webkit, { preference: 'webgpu' })).toMatchObject({ run: 'elsewhere', reason: 'no-subgroup-info' });
    expect(decideRedraw({ gpu: webkit, costs: [fixture], preference: 'auto', smallModels: true })).toMatchObject({
      run: 'local',
      provider: 'wasm',
      reason: 'no-subgroup-info',
    });
    expect(real({ ...discrete, subgroupSizes: true })).toMatchObject({ run: 'local', provider: 'webgpu', reason: 'ok' });
  });
  it('refuses when the device reports too little memory, and allows it with enough', () => {
    expect(real(discrete, { deviceMemoryGb: 2 })).toMatchObject({ run: 'elsewhere', reason: 'low-memory' });
    expect(real(discrete, { deviceMemoryGb: 4 })).toMatchObject({ run: 'elsewhere', reason: 'low-memory' });
    expect(real(discrete, { deviceMemoryGb: 4, preference: 'wasm' })).toMatchObject({ run: 'local', provider: 'wasm', variant: { dtype: 'q8' } });
    expect(real(discrete, { deviceMemoryGb: 8 })).toMatchObject({ run: 'local', variant: { dtype: 'fp16' } });
  });
  it('says so when the build has no weights pinned', () => {
    expect(decideRedraw({ gpu: discrete, costs: [], preference: 'auto', smallModels: false })).toMatchObject({ run: 'elsewhere', reason: 'not-pinned' });
  });
  it('honours a pinned provider', () => {
    expect(real({ ...swiftshader, shaderF16: true }, { preference: 'webgpu' })).toMatchObject({
      run: 'local',
      provider: 'webgpu',
      variant: { dtype: 'fp16' },
      reason: 'pinned-webgpu',
    });
    expect(real(discrete, { preference: 'wasm' })).toMatchObject({ run: 'local', provider: 'wasm', variant: { dtype: 'q8' }, reason: 'pinned-wasm' });
  });
  it('sends the job to the server when the user chose it, even from a GPU that could run it, and with no weights pinned', () => {
    expect(real(discrete, { preference: 'server' })).toMatchObject({ run: 'elsewhere', reason: 'pinned-server' });
    expect(decideRedraw({ gpu: discrete, costs: [], preference: 'server', smallModels: false })).toMatchObject({ run: 'elsewhere', reason: 'pinned-server' });
  });
  it('sends a phone without WebGPU and with 1 GB elsewhere, as ?gate=weak simulates, even for the small test weights', () => {
    const weak = { gpu: { available: false, reason: 'simulated' }, deviceMemoryGb: 1, smallModels: false, preference: 'auto' } as const;
    expect(decideRedraw({ ...weak, costs: [fixture] })).toMatchObject({ run: 'elsewhere', reason: 'no-webgpu' });
    expect(decideRedraw({ ...weak, costs: [fp16, q8] })).toMatchObject({ run: 'elsewhere', reason: 'low-memory' });
  });
});

describe('capability gate, test networks', () => {
  const small = (gpu: GpuReport, preference: GateInput['preference'] = 'auto') => decideRedraw({ gpu, costs: [fixture], preference, smallModels: true });
  it('runs them on wasm where a real set would go elsewhere', () => {
    expect(small(swiftshader)).toMatchObject({ run: 'local', provider: 'wasm', reason: 'software-adapter' });
    expect(small(none)).toMatchObject({ run: 'local', provider: 'wasm', reason: 'no-webgpu' });
  });
  it('runs them on WebGPU on a hardware adapter or when pinned', () => {
    expect(small(integrated)).toMatchObject({ run: 'local', provider: 'webgpu', reason: 'ok' });
    expect(small(swiftshader, 'webgpu')).toMatchObject({ run: 'local', provider: 'webgpu', reason: 'pinned-webgpu' });
  });
});
