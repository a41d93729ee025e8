// Chinese-CLIP's text embeddings, from the one published graph that holds both towers
// (Xenova/chinese-clip-vit-base-patch16): it will not run without an image, so every call feeds the
// texts with one constant image and keeps only text_embeds. What that costs: the ViT-B/16 image
// tower runs on a 224² image each call, about 17.5 GFLOPs, as much as encoding some ten short texts
// with the text tower. So the worker batches: all anchors in one call at load, one call per query,
// and a repeated query comes from the embedding cache; the image's result is thrown away.

import { ChineseCLIPModel, PretrainedConfig, Tensor } from '@huggingface/transformers';
import type { TextEncoderSpec } from '../../../core/models/text-encoders.ts';

type ChineseClipSpec = TextEncoderSpec & { config: { model_type: 'chinese_clip' } };

export interface TextTower {
  /** text_embeds [texts, projection] for tokenised texts. */
  run(inputs: Record<string, Tensor>): Promise<Tensor>;
  dispose(): Promise<unknown>;
}

export async function loadChineseClipText(spec: ChineseClipSpec, device: 'webgpu' | 'wasm' | 'cpu'): Promise<TextTower> {
  const { image_size: size } = spec.config;
  const model = await ChineseCLIPModel.from_pretrained(spec.id, { config: new PretrainedConfig(spec.config), device, dtype: spec.dtype });
  // Zeros are the mean image after the processor's normalisation: a plain grey picture.
  const image = new Tensor('float32', new Float32Array(3 * size * size), [1, 3, size, size]);
  return {
    async run(inputs) {
      // transformers.js feeds only the inputs the session names (token_type_ids as zeros if it asks).
      const outputs = (await model({ ...inputs, pixel_values: image })) as Record<string, Tensor | undefined>;
      const embeds = outputs.text_embeds;
      if (embeds === undefined) throw new Error(`${spec.id} gave no text_embeds, only ${Object.keys(outputs).join(', ')}`);
      return embeds;
    },
    dispose: () => model.dispose(),
  };
}
