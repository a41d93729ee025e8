import { describe, expect, it } from 'vitest';
import { textEncoderFor } from '../../../../src/core/models/text-encoders.ts';

describe('which text encoder free text is offered', () => {
  it('Chinese-CLIP for text with Han characters, even mixed with English or emoji', () => {
    for (const text of ['笑得肚子疼', 'emo了', '我 so happy 😂', '蚌埠住了']) expect(textEncoderFor(text), text).toBe('chinese-clip-vit-b16');
  });

  it('CLIP ViT-B/32 for English and for text without Han characters', () => {
    for (const text of ['over the moon', 'LOL 😂', 'ｗｗｗ', '']) expect(textEncoderFor(text), text).toBe('clip-vit-b32');
  });
});
