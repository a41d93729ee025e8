// Browser platform: is there a hardware WebGL2 context? MediaPipe's GPU delegate is slower than its
// CPU delegate on software rasterisers (SwiftShader: ~260 ms against ~68 ms per image).

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|software|basic render/i;

export function hasHardwareWebGl2(): boolean {
  let gl: WebGL2RenderingContext | null;
  try {
    gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    return false;
  }
  if (gl === null) return false;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return !SOFTWARE_RENDERERS.test(renderer);
}
