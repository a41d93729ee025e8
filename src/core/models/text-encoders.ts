// Text encoders the app can understand free text with. Each names the manifest files that make up
// the model folder transformers.js reads, the weights' dtype, and the config it would otherwise
// fetch as config.json (only model_type and the embedding size are read).

export interface TextEncoderSpec {
  /** The model name transformers.js is given; also keys cached anchor embeddings. */
  id: string;
  dtype: 'q8' | 'fp32';
  /** Manifest id of each file, by the path transformers.js asks for. */
  files: Readonly<Record<string, string>>;
  /**
   * 'clip': a CLIP text tower alone. 'chinese_clip': one graph holding both towers, run with a
   * constant image of image_size² (src/platform/browser/text/chinese-clip-text.ts says what that costs).
   */
  config: { model_type: 'clip'; projection_dim: number } | { model_type: 'chinese_clip'; projection_dim: number; image_size: number };
}

const CLIP_TOKENIZER = { 'tokenizer.json': 'clip-tokenizer', 'tokenizer_config.json': 'clip-tokenizer-config' } as const;
const CHINESE_CLIP_TOKENIZER = { 'tokenizer.json': 'chinese-clip-tokenizer', 'tokenizer_config.json': 'chinese-clip-tokenizer-config' } as const;

export const TEXT_ENCODERS = {
  /** OpenAI CLIP ViT-B/32's text tower, int8: the production encoder for English. */
  'clip-vit-b32': {
    id: 'clip-vit-b32',
    dtype: 'q8',
    files: { ...CLIP_TOKENIZER, 'onnx/text_model_quantized.onnx': 'clip-text-q8' },
    config: { model_type: 'clip', projection_dim: 512 },
  },
  /** Chinese-CLIP ViT-B/16, int8, both towers in one graph: the production encoder for Chinese. */
  'chinese-clip-vit-b16': {
    id: 'chinese-clip-vit-b16',
    dtype: 'q8',
    files: { ...CHINESE_CLIP_TOKENIZER, 'onnx/model_quantized.onnx': 'chinese-clip-q8' },
    config: { model_type: 'chinese_clip', projection_dim: 512, image_size: 224 },
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
  /** models/fixtures/chinese-clip/'s two-tower network: Chinese-CLIP's tokenizer, inputs and outputs. */
  'chinese-clip-fixture': {
    id: 'chinese-clip-fixture',
    dtype: 'fp32',
    files: { ...CHINESE_CLIP_TOKENIZER, 'onnx/model.onnx': 'chinese-clip-fixture' },
    config: { model_type: 'chinese_clip', projection_dim: 32, image_size: 224 },
  },
} as const satisfies Record<string, TextEncoderSpec>;

export type TextEncoderId = keyof typeof TEXT_ENCODERS;

export function isTextEncoderId(value: unknown): value is TextEncoderId {
  return typeof value === 'string' && Object.hasOwn(TEXT_ENCODERS, value);
}

/** Han characters: text in Chinese (or with some), which CLIP's English-trained tower reads poorly. */
const HAN = /\p{Script=Han}/u;

/** The production encoder offered for this text: Chinese-CLIP for text with Han characters. */
export function textEncoderFor(text: string): TextEncoderId {
  return HAN.test(text) ? 'chinese-clip-vit-b16' : 'clip-vit-b32';
}
