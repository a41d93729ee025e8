// Bookkeeping for tensors that live on the GPU between networks: every one is disposed when its
// job ends, finished or cancelled, and the count left over is reported so tests can see leaks.

import type { Tensor } from 'onnxruntime-web/webgpu';

export class GpuTensors {
  private readonly live = new Set<Tensor>();

  /** Track a network's output if it stayed on the GPU; CPU tensors are garbage-collected. */
  keep(tensor: Tensor): Tensor {
    if (tensor.location === 'gpu-buffer') this.live.add(tensor);
    return tensor;
  }

  dispose(tensor: Tensor): void {
    if (this.live.delete(tensor)) tensor.dispose();
  }

  get count(): number {
    return this.live.size;
  }
}
