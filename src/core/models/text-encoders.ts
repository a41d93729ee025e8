// Text encoders the app can understand free text with. Each names the manifest files that make up
// the model folder transformers.js reads, the weights' dtype, and the config it would otherwise
// fetch as config.json (only model_type and the embedding size are read for a text tower).

export interface TextEncoderSpec {
  /** The model name transformers.js is given; also keys cached anchor embeddings. */
  id: string;
  dtype: 'q8' | 'fp32';
  /** Manifest id of each file, by the path transformers.js asks for. */
  files: Readonly<Record<string, string>>;
  config: { model_type: 'clip'; projection_dim: number };
}

const CLIP_TOKENIZER = { 'tokenizer.json': 'clip-tokenizer', 'tokenizer_config.json': 'clip-tokenizer-config' } as const;

export const TEXT_ENCODERS = {
  /** OpenAI CLIP ViT-B/32's text tower, int8: the production encoder. */
  'clip-vit-b32': {
    id: 'clip-vit-b32',
    dtype: 'q8',
    files: { ...CLIP_TOKENIZER, 'onnx/text_model_quantized.onnx': 'clip-text-q8' },
    config: { model_type: 'clip', projection_dim: 512 },
  },
  /**
   * The small encoder models/fixtures/clip-text/ trains on our own words, with the real CLIP
   * tokenizer and the same input and outputs: what tests and machines without the real weights run.
   */
  'clip-text-fixture': {
    id: 'clip-text-fixture',
    dtype: 'fp32',
    files: { ...CLIP_TOKENIZER, 'onnx/text_model.onnx': 'clip-text-fixture' },
    config: { model_type: 'clip', projection_dim: 32 },
  },
} as const satisfies Record<string, TextEncoderSpec>;

export type TextEncoderId = keyof typeof TEXT_ENCODERS;

export function isTextEncoderId(value: unknown): value is TextEncoderId {
  return typeof value === 'string' && Object.hasOwn(TEXT_ENCODERS, value);
}
