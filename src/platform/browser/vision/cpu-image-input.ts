// Browser platform: how an image reaches MediaPipe's CPU delegate. tasks-vision has one way in for an
// image: upload it as a WebGL texture, which the graph reads straight back with readPixels and then
// works on in CPU memory. That is the whole of its GL use on the CPU delegate (measured: a dozen
// calls, listed below), so a canvas whose "webgl2" context keeps textures as RGBA bytes in memory
// feeds it the same pixels without a GPU. It is used wherever the CPU delegate runs: on a browser
// with no WebGL at all (Firefox headless, blocklisted GPUs, some in-app browsers) it is the only way
// in, and elsewhere a real context per task only to copy pixels there and back cost memory (on
// Chromium with SwiftShader about 20 MB over the page and the GPU process, both tasks together).
// Any other GL call fails loudly as "not a function".

const TEXTURE_2D = 0x0de1;
const RGBA = 0x1908;
const UNSIGNED_BYTE = 0x1401;
const FRAMEBUFFER = 0x8d40;

interface Texture {
  width: number;
  height: number;
  pixels: Uint8Array;
}

// What reaches it from a worker: the app passes ImageBitmaps.
type Source = ImageBitmap | ImageData | OffscreenCanvas | VideoFrame;

function rgbaOf(source: Source): { width: number; height: number; pixels: Uint8Array } {
  if (source instanceof ImageData)
    return { width: source.width, height: source.height, pixels: new Uint8Array(source.data.buffer, source.data.byteOffset, source.data.length) };
  const width = 'displayWidth' in source ? source.displayWidth : source.width;
  const height = 'displayHeight' in source ? source.displayHeight : source.height;
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no Canvas 2D context to read the image for MediaPipe');
  ctx.drawImage(source, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  return { width, height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** The WebGL2 calls MediaPipe's CPU delegate makes, over textures in memory. */
class MemoryGl {
  readonly TEXTURE_2D = TEXTURE_2D;
  readonly RGBA = RGBA;
  readonly UNSIGNED_BYTE = UNSIGNED_BYTE;
  readonly UNPACK_FLIP_Y_WEBGL = 0x9240;
  private bound: Texture | null = null;
  private readTarget: Texture | null = null;

  constructor(readonly canvas: OffscreenCanvas) {}

  // Context set-up: what emscripten asks when it registers a context.
  getParameter(name: number): unknown {
    const answers: Record<number, unknown> = { 0x1f00: 'BiaoQing', 0x1f01: 'CPU image input', 0x1f02: 'WebGL 2.0 (CPU image input)', 0x8869: 16 };
    return answers[name] ?? null;
  }
  getContextAttributes(): WebGLContextAttributes {
    return {
      alpha: true,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: false,
      preserveDrawingBuffer: false,
      powerPreference: 'default',
      failIfMajorPerformanceCaveat: false,
      desynchronized: false,
    };
  }
  getSupportedExtensions(): string[] {
    return [];
  }
  getExtension(): null {
    return null;
  }
  getError(): number {
    return 0;
  }
  isContextLost(): boolean {
    return false;
  }

  // The input image: a texture made, bound, filled, read back.
  createTexture(): Texture {
    return { width: 0, height: 0, pixels: new Uint8Array(0) };
  }
  deleteTexture(): void {}
  activeTexture(): void {}
  texParameteri(): void {}
  pixelStorei(parameter: number, value: unknown): void {
    if (parameter === this.UNPACK_FLIP_Y_WEBGL && value !== false && value !== 0) throw new Error('CPU image input: flipped uploads are not supported');
  }
  bindTexture(_target: number, texture: Texture | null): void {
    this.bound = texture;
  }
  texImage2D(...args: unknown[]): void {
    if (this.bound === null) throw new Error('CPU image input: texImage2D with no texture bound');
    if (args.length === 6) {
      Object.assign(this.bound, rgbaOf(args[5] as Source));
      return;
    }
    // (target, level, internalformat, width, height, border, format, type, pixels?): storage only.
    const [width, height, pixels] = [args[3] as number, args[4] as number, args[8]];
    const bytes = new Uint8Array(width * height * 4);
    if (ArrayBuffer.isView(pixels)) bytes.set(new Uint8Array(pixels.buffer, pixels.byteOffset, bytes.length));
    Object.assign(this.bound, { width, height, pixels: bytes });
  }
  createFramebuffer(): object {
    return {};
  }
  deleteFramebuffer(): void {}
  bindFramebuffer(_target: number, framebuffer: object | null): void {
    if (framebuffer === null) this.readTarget = null;
  }
  framebufferTexture2D(target: number, _attachment: number, _textarget: number, texture: Texture | null): void {
    if (target === FRAMEBUFFER) this.readTarget = texture;
  }
  checkFramebufferStatus(): number {
    return 0x8cd5; // FRAMEBUFFER_COMPLETE
  }
  readPixels(x: number, y: number, width: number, height: number, format: number, type: number, destination: ArrayBufferView, offset = 0): void {
    const from = this.readTarget;
    if (from === null) throw new Error('CPU image input: readPixels with no texture attached');
    if (format !== RGBA || type !== UNSIGNED_BYTE) throw new Error(`CPU image input: readPixels as ${format}/${type} is not supported`);
    const elementBytes = (destination as Partial<Uint8Array>).BYTES_PER_ELEMENT ?? 1;
    const out = new Uint8Array(destination.buffer, destination.byteOffset + offset * elementBytes);
    const row = width * 4;
    for (let r = 0; r < height; r++) {
      const start = ((y + r) * from.width + x) * 4;
      out.set(from.pixels.subarray(start, start + row), r * row);
    }
  }

  // Fences: everything here is finished when it returns.
  fenceSync(): object {
    return {};
  }
  deleteSync(): void {}
  clientWaitSync(): number {
    return 0x911a; // ALREADY_SIGNALED
  }
  flush(): void {}
  finish(): void {}
}

/** The canvas to give MediaPipe's CPU delegate: its "webgl2" context is the in-memory stand-in. */
export function cpuImageInputCanvas(): OffscreenCanvas {
  const canvas = new OffscreenCanvas(1, 1);
  const gl = new MemoryGl(canvas);
  const getContext = (type: string) => (type === 'webgl2' ? gl : null);
  // emscripten wraps getContext to work round a Safari bug unless this is already set; its wrapper
  // needs a WebGLRenderingContext global, which a browser without WebGL may not have.
  Object.assign(canvas, { getContext, getContextSafariWebGL2Fixed: getContext });
  return canvas;
}
