import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../../src/core/expression/action-units.ts';
import { MAX_INTENSITY } from '../../../../src/core/expression/intensity.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import { DEFAULT_EXPRESSION_ID, expressionById, understand, type Understanding } from '../../../../src/core/expression/understand.ts';

function matched(text: string): Extract<Understanding, { kind: 'matched' }> {
  const u = understand(text);
  if (u.kind !== 'matched') throw new Error(`"${text}" was not matched: ${JSON.stringify(u)}`);
  return u;
}

function suggested(text: string): Extract<Understanding, { kind: 'suggestions' }> {
  const u = understand(text);
  if (u.kind !== 'suggestions') throw new Error(`"${text}" gave ${u.kind}${u.kind === 'matched' ? ` (${u.matched})` : ''}`);
  return u;
}

const idOf = (text: string) => matched(text).expression.id;
const ids = (list: Expression[]) => list.map((e) => e.id);

describe('understand: every word reaches its expression', () => {
  it('by each Chinese word, alone and hedged with 有点', () => {
    for (const e of EXPRESSIONS) {
      for (const word of e.words.zh) {
        expect(matched(word), word).toMatchObject({ expression: { id: e.id }, matched: word, intensity: 1 });
        expect(matched(`有点${word}`), `有点${word}`).toMatchObject({ expression: { id: e.id }, intensity: 0.5 });
      }
    }
  });

  it('by each English word, alone, in capitals and hedged with "a bit"', () => {
    for (const e of EXPRESSIONS) {
      for (const word of e.words.en) {
        expect(matched(word), word).toMatchObject({ expression: { id: e.id }, matched: word, intensity: 1 });
        expect(idOf(word.toUpperCase()), word.toUpperCase()).toBe(e.id);
        expect(matched(`a bit ${word}`), `a bit ${word}`).toMatchObject({ expression: { id: e.id }, intensity: 0.5 });
      }
    }
  });
});

describe('understand: matching', () => {
  it('finds the word anywhere in a sentence and reads its intensity', () => {
    const u = matched('我今天超级开心!!');
    expect(u.expression.id).toBe('laugh');
    expect(u.matched).toBe('开心');
    expect(u.intensity).toBeGreaterThan(1);
    expect(u.intensity).toBeLessThanOrEqual(MAX_INTENSITY);
    expect(matched('a bit surprised')).toMatchObject({ expression: { id: 'surprised' } });
    expect(matched('a bit surprised').intensity).toBeCloseTo(0.5);
    expect(matched('今天被老板骂了好委屈')).toMatchObject({ expression: { id: 'aggrieved' }, intensity: 1.3 });
    expect(idOf("I'm so tired today")).toBe('tired');
  });

  it('ignores case, width and spaces', () => {
    expect(idOf('SPEECHLESS')).toBe('speechless');
    expect(idOf('ＳＡＤ')).toBe('sad');
    expect(idOf('开 心')).toBe('laugh');
    expect(idOf('  Eye   Roll ')).toBe('speechless');
    expect(idOf('I’m dead')).toBe('laugh-cry');
  });

  it('prefers the longest word', () => {
    expect(idOf('笑哭')).toBe('laugh-cry');
    expect(idOf('笑')).toBe('laugh');
    expect(idOf('委屈巴巴')).toBe('puppy-eyes');
    expect(idOf('委屈')).toBe('aggrieved');
    expect(idOf('大哭')).toBe('wail');
    expect(idOf('不开心')).toBe('sad');
    expect(idOf('哭笑不得')).toBe('helpless');
    expect(idOf('crying laughing')).toBe('laugh-cry');
    expect(idOf('not happy')).toBe('sad');
    expect(idOf('evil grin')).toBe('evil-grin');
  });

  it('takes the first of two equally long words', () => {
    expect(idOf('生气又难过')).toBe('angry');
    expect(idOf('难过又生气')).toBe('sad');
  });

  it('matches latin words only as whole words', () => {
    expect(idOf('unhappy')).toBe('sad');
    expect(idOf('muahaha')).toBe('evil-grin');
    expect(idOf('muah')).toBe('kiss');
    expect(understand('made it').kind).toBe('suggestions');
    expect(understand('sadly').kind).toBe('suggestions');
    expect(idOf('我sad了')).toBe('sad');
  });

  it('reads long runs as the short word, a little stronger', () => {
    const u = matched('哈哈哈哈哈哈');
    expect(u.expression.id).toBe('laugh');
    expect(u.intensity).toBeGreaterThan(1);
    expect(idOf('hahahahaha')).toBe('laugh');
    expect(idOf('233333')).toBe('laugh');
    expect(idOf('zzzzzz')).toBe('sleepy');
    expect(idOf('？？？')).toBe('confused');
  });

  it('does not read 太 in 我太难了 or 好 in 好吧 as intensity', () => {
    expect(matched('我太难了')).toMatchObject({ expression: { id: 'helpless' }, intensity: 1 });
    expect(matched('好吧')).toMatchObject({ expression: { id: 'helpless' }, intensity: 1 });
    expect(matched('好困')).toMatchObject({ expression: { id: 'sleepy' }, intensity: 1.3 });
  });
});

describe('understand: negation', () => {
  it('knows the common negated phrases as words of their own', () => {
    expect(matched('不高兴').expression.id).toBe('sad');
    expect(matched('not happy').expression.id).toBe('sad');
    expect(matched('一点也不好笑').expression.id).toBe('speechless');
    expect(matched('not funny').expression.id).toBe('speechless');
    expect(matched('笑不出来').expression.id).toBe('helpless');
  });

  it("does not claim a negated word: 不生气, 别哭, don't cry, 高兴不起来 go to suggestions", () => {
    for (const text of ['不生气', '别哭', "don't cry", '高兴不起来', 'never angry', '一点都不惊讶']) {
      expect(understand(text).kind, text).toBe('suggestions');
    }
  });

  it('keeps words that contain a negation, and negations elsewhere in the text', () => {
    expect(matched('不会吧').expression.id).toBe('surprised');
    expect(matched('不好意思').expression.id).toBe('shy');
    expect(matched('哭笑不得').expression.id).toBe('helpless');
    expect(matched('开心，不用谢').expression.id).toBe('laugh');
  });
});

describe('understand: suggestions when no word matches', () => {
  it('offers one to five candidates, never empty', () => {
    for (const text of ['有点郁闷', 'meh', 'xyzzy qqq', '!!!', '超级', 'very']) {
      const { candidates } = suggested(text);
      expect(candidates.length, text).toBeGreaterThan(0);
      expect(candidates.length, text).toBeLessThanOrEqual(5);
      expect(new Set(ids(candidates)).size, text).toBe(candidates.length);
    }
  });

  it('ranks entries that share characters or letter pairs with the text first', () => {
    expect(ids(suggested('有点郁闷').candidates)).toContain('sad');
    expect(suggested('surprize').candidates[0]?.id).toBe('surprised');
    expect(suggested('angery').candidates[0]?.id).toBe('angry');
    expect(suggested('sadly').candidates[0]?.id).toBe('sad');
    expect(ids(suggested('惊喜').candidates)).toContain('surprised');
  });

  it('falls back to the most common expressions when nothing is alike', () => {
    for (const text of ['!!!', '。。。', '🙂']) expect(ids(suggested(text).candidates), text).toEqual(ids(EXPRESSIONS.slice(0, 5)));
  });

  it('keeps the intensity the words asked for', () => {
    expect(suggested('有点郁闷').intensity).toBe(0.5);
    expect(suggested('超级').intensity).toBe(1.5);
    expect(suggested('meh').intensity).toBe(1);
  });
});

describe('understand: blank text', () => {
  it('is empty for nothing, spaces and full-width spaces', () => {
    for (const text of ['', '   ', '\u3000\n\t']) expect(understand(text)).toEqual({ kind: 'empty' });
  });
});

describe('expressionById', () => {
  it('returns the lexicon entry', () => {
    for (const e of EXPRESSIONS) expect(expressionById(e.id)).toBe(e);
  });

  it('throws on an unknown id', () => {
    expect(() => expressionById('no-such-face')).toThrow(/no-such-face/);
    expect(() => expressionById('')).toThrow();
  });

  it('has a default that is a plain smile', () => {
    const e = expressionById(DEFAULT_EXPRESSION_ID);
    expect(e.recipe.smile ?? 0).toBeGreaterThan(0);
    expect(e.recipe.mouthOpen ?? 0).toBeLessThan(0.3);
    expect(e.motion).toBe('none');
  });
});
