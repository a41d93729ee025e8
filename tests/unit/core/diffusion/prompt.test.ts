import { describe, expect, it } from 'vitest';
import { STICKER_STYLE_PHRASE, redrawPrompt } from '../../../../src/core/diffusion/prompt.ts';
import { understand } from '../../../../src/core/expression/understand.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';

describe('redraw prompt', () => {
  it('turns Chinese words into the lexicon’s English description plus the style', () => {
    const u = understand('开心大笑');
    expect(u.kind).toBe('understood');
    const expression = u.kind === 'understood' ? u.expression : null;
    const prompt = redrawPrompt(expression, '开心大笑');
    expect(prompt).toContain(expressionById('laugh').description.replace(/\.$/u, '').toLowerCase());
    expect(prompt).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(prompt.endsWith(STICKER_STYLE_PHRASE)).toBe(true);
  });
  it('keeps English words the lexicon did not take, and caps their number', () => {
    const prompt = redrawPrompt(null, 'Wearing a tiny party hat!! 🎉');
    expect(prompt.startsWith('wearing a tiny party hat, ')).toBe(true);
    const long = redrawPrompt(null, Array.from({ length: 40 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}`).join(' '));
    expect(long.split(',')[0]!.split(' ')).toHaveLength(12);
  });
  it('is only the style for no words', () => {
    expect(redrawPrompt(null, '')).toBe(STICKER_STYLE_PHRASE);
  });
});
