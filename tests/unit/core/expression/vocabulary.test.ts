import { describe, expect, it } from 'vitest';
import { INTENSITY_WORDS } from '../../../../src/core/expression/intensity.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import { understand } from '../../../../src/core/expression/understand.ts';
import { VOCABULARY } from '../../../../src/core/expression/vocabulary/all-words.ts';
import { matchKey } from '../../../../src/core/expression/word-match.ts';

describe('vocabulary', () => {
  it('names only lexicon expressions', () => {
    const ids = new Set(EXPRESSIONS.map((e) => e.id));
    for (const { word, expressionId } of VOCABULARY) expect(ids.has(expressionId), `${word}: ${expressionId}`).toBe(true);
  });

  it('gives every word to one expression only, also after normalisation, and no word is an intensity word', () => {
    const owner = new Map<string, string>();
    for (const { word, expressionId } of VOCABULARY) {
      const key = matchKey(word);
      expect(key, `${expressionId}: "${word}"`).not.toBe('');
      expect(INTENSITY_WORDS.has(key), word).toBe(false);
      expect(owner.get(key), `"${word}" is in ${owner.get(key) ?? ''} and ${expressionId}`).toBeUndefined();
      owner.set(key, expressionId);
    }
  });

  it('brings every word, typed alone, to its expression', () => {
    for (const { word, expressionId } of VOCABULARY) {
      const u = understand(word);
      expect(u.kind === 'understood' && u.expression.id, word).toBe(expressionId);
    }
    // Thousands of words, each understood in full: longer than a unit test's default 5 s on a shared machine.
  }, 120_000);
});
