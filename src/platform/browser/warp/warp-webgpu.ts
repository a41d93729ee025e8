// Browser platform: the piecewise-affine mesh warp on WebGPU. Same geometry as the WebGL2 path.
// It renders into a texture and reads it back, rather than through an OffscreenCanvas 'webgpu'
// context: in headless Chromium (SwiftShader) that context's frames failed with "A valid external
// Instance reference no longer exists", and a read-back works on every adapter.

import type { WarpMesh } from '../../../core/warp/warp-mesh.ts';
import type { Warper } from './warp-webgl2.ts';

const SHADER = /* wgsl */ `
struct Uniforms { size: vec2f };
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var samp: sampler;
@group(0) @binding(2) var tex: texture_2d<f32>;
struct Out { @builtin(position) position: vec4f, @location(0) uv: vec2f };
@vertex fn vs(@location(0) dst: vec2f, @location(1) src: vec2f) -> Out {
  var o: Out;
  let c = dst / u.size * 2.0 - 1.0;
  o.position = vec4f(c.x, -c.y, 0.0, 1.0);
  o.uv = src / u.size;
  return o;
}
@fragment fn fs(i: Out) -> @location(0) vec4f { return textureSample(tex, samp, i.uv); }
`;

export async function createWebGpuWarper(gpu: GPU): Promise<Warper | null> {
  const adapter = await gpu.requestAdapter();
  if (adapter === null) return null;
  const device = await adapter.requestDevice();
  const format: GPUTextureFormat = 'rgba8unorm';
  const module = device.createShaderModule({ code: SHADER });
  const vertexBuffer = (location: number): GPUVertexBufferLayout => ({
    arrayStride: 8,
    attributes: [{ shaderLocation: location, offset: 0, format: 'float32x2' }],
  });
  const pipeline = device.createRenderPipeline({
    layout: 'auto',
    vertex: { module, entryPoint: 'vs', buffers: [vertexBuffer(0), vertexBuffer(1)] },
    fragment: { module, entryPoint: 'fs', targets: [{ format }] },
    primitive: { topology: 'triangle-list' },
  });
  const sampler = device.createSampler({ magFilter: 'linear', minFilter: 'linear' });

  const upload = (data: Float32Array | Uint32Array, usage: number): GPUBuffer => {
    // Sizes rounded up to 4 bytes, as writeBuffer requires.
    const buffer = device.createBuffer({ size: Math.max(16, Math.ceil(data.byteLength / 4) * 4), usage: usage | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buffer, 0, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
    return buffer;
  };

  return {
    async warp(image, mesh: WarpMesh) {
      const target = device.createTexture({
        size: [mesh.width, mesh.height],
        format,
        usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC,
      });
      const bytesPerRow = Math.ceil((mesh.width * 4) / 256) * 256;
      const readback = device.createBuffer({ size: bytesPerRow * mesh.height, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
      const texture = device.createTexture({
        size: [image.width, image.height],
        format: 'rgba8unorm',
        usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST | GPUTextureUsage.RENDER_ATTACHMENT,
      });
      device.queue.copyExternalImageToTexture({ source: image }, { texture }, [image.width, image.height]);
      const uniforms = upload(new Float32Array([mesh.width, mesh.height, 0, 0]), GPUBufferUsage.UNIFORM);
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: uniforms } },
          { binding: 1, resource: sampler },
          { binding: 2, resource: texture.createView() },
        ],
      });
      const w = mesh.width;
      const h = mesh.height;
      const corners = new Float32Array([0, 0, w, 0, w, h, 0, h]);
      // The untouched photo first, then the face mesh over it: outside the ring nothing moves.
      const draws = [
        { dst: corners, src: corners, indices: new Uint32Array([0, 1, 2, 0, 2, 3]) },
        { dst: mesh.target, src: mesh.source, indices: mesh.triangles },
      ].map((d) => ({
        dst: upload(d.dst, GPUBufferUsage.VERTEX),
        src: upload(d.src, GPUBufferUsage.VERTEX),
        index: upload(d.indices, GPUBufferUsage.INDEX),
        count: d.indices.length,
      }));
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginRenderPass({
        colorAttachments: [{ view: target.createView(), loadOp: 'clear', storeOp: 'store', clearValue: [0, 0, 0, 0] }],
      });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      for (const d of draws) {
        pass.setVertexBuffer(0, d.dst);
        pass.setVertexBuffer(1, d.src);
        pass.setIndexBuffer(d.index, 'uint32');
        pass.drawIndexed(d.count);
      }
      pass.end();
      encoder.copyTextureToBuffer({ texture: target }, { buffer: readback, bytesPerRow }, [mesh.width, mesh.height]);
      device.queue.submit([encoder.finish()]);
      await readback.mapAsync(GPUMapMode.READ);
      const padded = new Uint8Array(readback.getMappedRange());
      const pixels = new ImageData(mesh.width, mesh.height);
      for (let y = 0; y < mesh.height; y++) pixels.data.set(padded.subarray(y * bytesPerRow, y * bytesPerRow + mesh.width * 4), y * mesh.width * 4);
      readback.unmap();
      for (const b of [readback, uniforms, ...draws.flatMap((d) => [d.dst, d.src, d.index])]) b.destroy();
      texture.destroy();
      target.destroy();
      return createImageBitmap(pixels);
    },
  };
}
