// Browser platform: the piecewise-affine mesh warp on the GPU through WebGL2 (available in workers
// via OffscreenCanvas, also where WebGPU is not). One context is kept for the worker's lifetime.

import type { WarpMesh } from '../../../core/warp/warp-mesh.ts';

const VERTEX = `#version 300 es
in vec2 a_target;
in vec2 a_source;
uniform vec2 u_size;
out vec2 v_uv;
void main() {
  v_uv = a_source / u_size;
  vec2 clip = a_target / u_size * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
in vec2 v_uv;
uniform sampler2D u_image;
out vec4 color;
void main() { color = texture(u_image, v_uv); }`;

export interface Warper {
  warp(image: ImageBitmap, mesh: WarpMesh): ImageBitmap | Promise<ImageBitmap>;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (shader === null) throw new Error('createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader error');
  return shader;
}

export function createWebGl2Warper(): Warper | null {
  const canvas = new OffscreenCanvas(1, 1);
  const context = canvas.getContext('webgl2', { premultipliedAlpha: false, antialias: true });
  if (context === null) return null;
  const gl: WebGL2RenderingContext = context;
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'link error');
  const targetLoc = gl.getAttribLocation(program, 'a_target');
  const sourceLoc = gl.getAttribLocation(program, 'a_source');
  const sizeLoc = gl.getUniformLocation(program, 'u_size');
  const targetBuffer = gl.createBuffer();
  const sourceBuffer = gl.createBuffer();
  const indexBuffer = gl.createBuffer();
  const texture = gl.createTexture();

  function attribute(location: number, buffer: WebGLBuffer, data: Float32Array): void {
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STREAM_DRAW);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, 2, gl.FLOAT, false, 0, 0);
  }

  function draw(source: Float32Array, target: Float32Array, indices: Uint32Array): void {
    attribute(targetLoc, targetBuffer, target);
    attribute(sourceLoc, sourceBuffer, source);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.STREAM_DRAW);
    gl.drawElements(gl.TRIANGLES, indices.length, gl.UNSIGNED_INT, 0);
  }

  return {
    warp(image, mesh) {
      canvas.width = mesh.width;
      canvas.height = mesh.height;
      gl.viewport(0, 0, mesh.width, mesh.height);
      gl.useProgram(program);
      gl.uniform2f(sizeLoc, mesh.width, mesh.height);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      // The untouched photo first, then the face mesh over it: outside the ring nothing moves.
      const w = mesh.width;
      const h = mesh.height;
      const corners = new Float32Array([0, 0, w, 0, w, h, 0, h]);
      draw(corners, corners, new Uint32Array([0, 1, 2, 0, 2, 3]));
      draw(mesh.source, mesh.target, mesh.triangles);
      return canvas.transferToImageBitmap();
    },
  };
}
