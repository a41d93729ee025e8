// The diffusion model sets the AI redraw can run: four ONNX files each (text encoder, UNet, tiny VAE
// encoder and decoder) with one shared signature, in one or more weight variants. Files are named
// by manifest id; a set whose files are not in models/manifest.json (real weights nobody has
// exported and pinned for this build yet) is reported as unavailable, never guessed at.

export const DIFFUSION_PARTS = ['textEncoder', 'unet', 'vaeEncoder', 'vaeDecoder'] as const;
export type DiffusionPart = (typeof DIFFUSION_PARTS)[number];

export interface DiffusionVariant {
  /** 'fp16' computes in half precision and needs the adapter's shader-f16; the others run in fp32. */
  dtype: 'fp16' | 'q8' | 'fp32';
  /**
   * Where the weights can run. Dynamically quantised int8 (q8: MatMulInteger with activations
   * quantised at run time) has no WebGPU kernels, so it is the CPU (wasm) variant.
   */
  providers: readonly ('webgpu' | 'wasm')[];
  files: Readonly<Record<DiffusionPart, string>>;
}

export interface DiffusionModelSet {
  id: string;
  /** Shown to the user. */
  name: string;
  /** Fixture networks the repository builds: the UI says plainly that results are test output. */
  test: boolean;
  /** Best first: the capability gate takes the first the device can run. */
  variants: readonly DiffusionVariant[];
  /** The tokenizer files transformers.js reads, by path, as manifest ids. */
  tokenizer: Readonly<Record<string, string>>;
  imageSize: number;
  latentChannels: number;
  /** Image pixels per latent pixel. */
  latentScale: number;
  sequenceLength: number;
  /** Steps the model was distilled for; the user may ask for up to maxSteps. */
  defaultSteps: number;
  maxSteps: number;
  defaultStrength: number;
}

const CLIP_TOKENIZER = { 'tokenizer.json': 'clip-tokenizer', 'tokenizer_config.json': 'clip-tokenizer-config' } as const;
const SD_SHAPE = { imageSize: 512, latentChannels: 4, latentScale: 8, sequenceLength: 77 } as const;

export const DIFFUSION_SETS = {
  /**
   * SDXS-512-DreamShaper (one-step distilled SD1.5-class UNet) with CLIP ViT-L/14's text encoder and
   * TAESD, against SD-Turbo's 2.35 GB (models/diffusion/README.md): about 0.9 GB as fp16 for
   * WebGPU, about 0.47 GB as int8 for the CPU.
   */
  'sdxs-512': {
    id: 'sdxs-512',
    name: 'SDXS-512 DreamShaper + TAESD',
    test: false,
    variants: [
      {
        dtype: 'fp16',
        providers: ['webgpu'],
        files: { textEncoder: 'sdxs-text-encoder-fp16', unet: 'sdxs-unet-fp16', vaeEncoder: 'taesd-encoder-fp16', vaeDecoder: 'taesd-decoder-fp16' },
      },
      {
        dtype: 'q8',
        providers: ['wasm'],
        files: { textEncoder: 'sdxs-text-encoder-q8', unet: 'sdxs-unet-q8', vaeEncoder: 'taesd-encoder-q8', vaeDecoder: 'taesd-decoder-q8' },
      },
    ],
    tokenizer: CLIP_TOKENIZER,
    ...SD_SHAPE,
    defaultSteps: 1,
    maxSteps: 4,
    defaultStrength: 0.55,
  },
  /** Small networks models/fixtures/diffusion builds, same signatures: tests and offline development. */
  fixtures: {
    id: 'fixtures',
    name: 'Test models (models/fixtures/diffusion)',
    test: true,
    variants: [
      {
        dtype: 'fp32',
        providers: ['webgpu', 'wasm'],
        files: { textEncoder: 'sd-text-encoder-fixture', unet: 'sd-unet-fixture', vaeEncoder: 'sd-vae-encoder-fixture', vaeDecoder: 'sd-vae-decoder-fixture' },
      },
    ],
    tokenizer: CLIP_TOKENIZER,
    ...SD_SHAPE,
    defaultSteps: 2,
    maxSteps: 4,
    defaultStrength: 0.5,
  },
} as const satisfies Record<string, DiffusionModelSet>;

export type DiffusionSetId = keyof typeof DIFFUSION_SETS;

export function isDiffusionSetId(value: unknown): value is DiffusionSetId {
  return typeof value === 'string' && Object.hasOwn(DIFFUSION_SETS, value);
}

export function latentSize(set: DiffusionModelSet): number {
  return set.imageSize / set.latentScale;
}
