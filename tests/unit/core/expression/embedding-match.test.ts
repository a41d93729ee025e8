// Free text → expression by text-embedding similarity, with the fixture encoder the repository
// trains (models/fixtures/clip-text): real CLIP tokenizer, real ONNX graph, real ranking code.
import { beforeAll, describe, expect, it } from 'vitest';
import { cosine, rankExpressions, unitLength, type AnchorEmbedding } from '../../../../src/core/expression/embedding-match.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import paraphrases from '../../../../models/fixtures/clip-text/paraphrases.json' with { type: 'json' };
import { loadFixtureTextEncoder, nearestExpressions } from '../../support/fixture-text-encoder.ts';

describe('ranking maths', () => {
  const v = (...xs: number[]) => Float32Array.from(xs);

  it('cosine ignores length and orders by angle', () => {
    expect(cosine(v(1, 0), v(5, 0))).toBeCloseTo(1, 6);
    expect(cosine(v(1, 0), v(0, 2))).toBeCloseTo(0, 6);
    expect(cosine(v(1, 0), v(-3, 0))).toBeCloseTo(-1, 6);
  });

  it('refuses vectors it cannot compare', () => {
    expect(() => cosine(v(1, 0), v(1, 0, 0))).toThrow(/sizes differ/);
    expect(() => unitLength(v(0, 0))).toThrow(/zero/);
    expect(() => unitLength(v(Number.NaN, 1))).toThrow(/non-finite/);
  });

  it('scores an expression by its best anchor and sorts best first', () => {
    const anchors: AnchorEmbedding[] = [
      { expressionId: 'a', embedding: v(1, 0) },
      { expressionId: 'b', embedding: v(0.6, 0.8) },
      { expressionId: 'b', embedding: v(-1, 0) },
      { expressionId: 'c', embedding: v(0, 1) },
    ];
    const ranking = rankExpressions(v(0.8, 0.6), anchors);
    expect(ranking.map((r) => r.expressionId)).toEqual(['b', 'a', 'c']);
    expect(ranking[0]?.similarity).toBeCloseTo(0.96, 6);
  });
});

describe('fixture text encoder', () => {
  let embed: (texts: readonly string[]) => Promise<Float32Array[]>;
  let nearest: (texts: readonly string[]) => Promise<string[]>;

  beforeAll(async () => {
    embed = await loadFixtureTextEncoder();
    nearest = await nearestExpressions(embed);
  }, 60_000);

  it('gives one 32-d embedding per text, the same alone or padded in a batch', async () => {
    const [alone] = await embed(['笑得肚子疼']);
    const [batched] = await embed(['笑得肚子疼', 'a much longer sentence that forces padding of the shorter text']);
    expect(alone).toHaveLength(32);
    expect(cosine(alone ?? new Float32Array(), batched ?? new Float32Array())).toBeGreaterThan(0.9999);
  });

  it('ranks every expression first for its own description', async () => {
    const wanted = EXPRESSIONS.map((e) => e.id);
    expect(await nearest(EXPRESSIONS.map((e) => e.description))).toEqual(wanted);
  });

  it('places lexicon words with their expression', async () => {
    const words = EXPRESSIONS.flatMap((e) => [...e.words.zh, ...e.words.en].map((word) => ({ word, id: e.id })));
    const got = await nearest(words.map((w) => w.word));
    const wrong = words.flatMap((w, i) => (got[i] === w.id ? [] : [`${w.word}→${got[i] ?? '?'}`]));
    // The fixture learned these words (models/fixtures/clip-text/train.py); a miss means the
    // browser's tokenisation or pooling differs from training, or the lexicon changed since the
    // fixture was built (npm run models:fixtures).
    expect(wrong.length / words.length, wrong.join(', ')).toBeLessThan(0.01);
  });

  it('understands the free-text paraphrases it was trained on', async () => {
    const pairs = Object.entries(paraphrases)
      .filter(([id]) => !id.startsWith('//'))
      .flatMap(([id, texts]) => (texts as string[]).map((text) => ({ text, id })));
    expect(await nearest(pairs.map((p) => p.text))).toEqual(pairs.map((p) => p.id));
  });
});
