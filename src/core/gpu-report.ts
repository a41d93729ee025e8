// What the worker found of the GPU: sent in the engine's 'ready' event and read by the AI redraw's
// capability gate.

export interface GpuReport {
  available: boolean;
  /** Why there is no adapter, when there is none. */
  reason?: string;
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
  shaderF16?: boolean;
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  /**
   * Whether the adapter reports its subgroup sizes. onnxruntime-web's WebGPU provider reads them;
   * WebKit's WebGPU (Safari 26) leaves them out, and there that provider grows memory until iOS
   * kills the page (onnxruntime issues 26480, 26827), so such an adapter runs models on wasm.
   */
  subgroupSizes?: boolean;
}
