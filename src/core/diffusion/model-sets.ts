// The diffusion model sets the AI redraw can run: four ONNX files each (text encoder, UNet, tiny VAE
// encoder and decoder), in one or more weight variants. Files are named by manifest id; a variant
// whose files are not in models/manifest.json (self-hosted exports not pinned for this build) is
// left out, never guessed at. The graphs' input and output names and dtypes are not assumed here:
// they are read from each session when it is created (graph-layout.ts).

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

/** A model the user downloads: shown, with its licence and origin, before they agree to the download. */
export interface ModelCredit {
  name: string;
  license: string;
  licenseUrl: string;
  /** The page of the pinned files on their host. */
  source: string;
}

export interface DiffusionModelSet {
  id: string;
  /** Shown to the user. */
  name: string;
  /** Fixture networks the repository builds: the UI says plainly that results are test output. */
  test: boolean;
  /** What the user agrees to before the first download; empty for the repository's own fixtures. */
  credits: readonly ModelCredit[];
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
   * its tiny VAE decoder, as publicly hosted (blinkfy/CVClass-SDXS-ONNX), and TAESD's encoder for
   * image-to-image (deinferno/taesd-onnx): about 0.94 GB, fp16 weights, so WebGPU with shader-f16.
   * The int8 CPU variant exists only as a self-hosted export (models/diffusion/export_real.py).
   */
  'sdxs-512': {
    id: 'sdxs-512',
    name: 'SDXS-512 DreamShaper + TAESD',
    test: false,
    credits: [
      {
        name: 'SDXS-512-DreamShaper (UNet, CLIP ViT-L/14 text encoder, tiny VAE decoder)',
        license: 'openrail++',
        licenseUrl: 'https://huggingface.co/IDKiro/sdxs-512-dreamshaper',
        source: 'https://huggingface.co/blinkfy/CVClass-SDXS-ONNX/tree/1fd4b780fb0ead12bbf73f60b90ab2f5d03b53a5',
      },
      {
        name: 'TAESD encoder',
        license: 'MIT',
        licenseUrl: 'https://github.com/madebyollin/taesd/blob/main/LICENSE',
        source: 'https://huggingface.co/deinferno/taesd-onnx/tree/f99d5f3d1962fe37e321c31bb86214a87a0cde4b',
      },
    ],
    variants: [
      {
        dtype: 'fp16',
        providers: ['webgpu'],
        files: { textEncoder: 'sdxs-text-encoder-fp16', unet: 'sdxs-unet-fp16', vaeEncoder: 'taesd-encoder', vaeDecoder: 'sdxs-vae-decoder-fp16' },
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
  /** Small networks models/fixtures/diffusion builds, with the hosted SDXS files' signatures: tests and offline development. */
  fixtures: {
    id: 'fixtures',
    name: 'Test models (models/fixtures/diffusion)',
    test: true,
    credits: [],
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
  /** The same networks in the other common export layout (int32 ids, int64 timestep, `latent`, float16 inputs), so both paths are tested. */
  'fixtures-alt': {
    id: 'fixtures-alt',
    name: 'Test models, other layout (models/fixtures/diffusion)',
    test: true,
    credits: [],
    variants: [
      {
        dtype: 'fp16',
        providers: ['webgpu', 'wasm'],
        files: {
          textEncoder: 'sd-text-encoder-fixture-alt',
          unet: 'sd-unet-fixture-alt',
          vaeEncoder: 'sd-vae-encoder-fixture-alt',
          vaeDecoder: 'sd-vae-decoder-fixture-alt',
        },
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
