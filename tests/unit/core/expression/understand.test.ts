import { describe, expect, it } from 'vitest';
import { MAX_INTENSITY } from '../../../../src/core/expression/intensity.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import {
  CONFIDENCE_HIGH,
  CONFIDENCE_MEDIUM,
  DEFAULT_EXPRESSION_ID,
  MAX_ALTERNATIVES,
  understand,
  type Understanding,
} from '../../../../src/core/expression/understand.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';

function understood(text: string): Extract<Understanding, { kind: 'understood' }> {
  const u = understand(text);
  if (u.kind !== 'understood') throw new Error(`"${text}" gave ${u.kind}`);
  return u;
}

const idOf = (text: string) => understood(text).expression.id;

describe('understand: every word reaches its expression', () => {
  it('by each Chinese word, alone and hedged with 有点', () => {
    for (const e of EXPRESSIONS) {
      for (const word of e.words.zh) {
        expect(understood(word), word).toMatchObject({ expression: { id: e.id }, matched: word, intensity: 1 });
        expect(understood(`有点${word}`), `有点${word}`).toMatchObject({ expression: { id: e.id }, intensity: 0.5 });
      }
    }
  });

  it('by each English word, alone, in capitals and hedged with "a bit"', () => {
    for (const e of EXPRESSIONS) {
      for (const word of e.words.en) {
        expect(understood(word), word).toMatchObject({ expression: { id: e.id }, matched: word, intensity: 1 });
        expect(idOf(word.toUpperCase()), word.toUpperCase()).toBe(e.id);
        expect(understood(`a bit ${word}`), `a bit ${word}`).toMatchObject({ expression: { id: e.id }, intensity: 0.5 });
      }
    }
  });
});

describe('understand: matching', () => {
  it('finds the word anywhere in a sentence and reads its intensity', () => {
    const u = understood('我今天超级开心!!');
    expect(u.expression.id).toBe('laugh');
    expect(u.matched).toBe('开心');
    expect(u.intensity).toBeGreaterThan(1);
    expect(u.intensity).toBeLessThanOrEqual(MAX_INTENSITY);
    expect(understood('a bit surprised')).toMatchObject({ expression: { id: 'surprised' } });
    expect(understood('a bit surprised').intensity).toBeCloseTo(0.5);
    expect(understood('今天被老板骂了好委屈')).toMatchObject({ expression: { id: 'aggrieved' }, intensity: 1.3 });
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
    expect(understood('made it').confidence).toBeLessThan(CONFIDENCE_MEDIUM);
    expect(understood('sadly').confidence).toBeLessThan(CONFIDENCE_MEDIUM);
    expect(idOf('我sad了')).toBe('sad');
  });

  it('reads long runs as the short word, a little stronger', () => {
    const u = understood('哈哈哈哈哈哈');
    expect(u.expression.id).toBe('laugh');
    expect(u.intensity).toBeGreaterThan(1);
    expect(idOf('hahahahaha')).toBe('laugh');
    expect(idOf('233333')).toBe('laugh');
    expect(idOf('zzzzzz')).toBe('sleepy');
    expect(idOf('？？？')).toBe('confused');
  });

  it('does not read 太 in 我太难了 or 好 in 好吧 as intensity', () => {
    expect(understood('我太难了')).toMatchObject({ expression: { id: 'helpless' }, intensity: 1 });
    expect(understood('好吧')).toMatchObject({ expression: { id: 'helpless' }, intensity: 1 });
    expect(understood('好困')).toMatchObject({ expression: { id: 'sleepy' }, intensity: 1.3 });
  });

  it('reads a degree word in front as a degree, not as the start of a word as long as the one after it', () => {
    // 好难 (helpless) and 难过 (sad) are both two characters long: 好难过 is "very sad".
    expect(understood('好难过')).toMatchObject({ expression: { id: 'sad' }, intensity: 1.3 });
    expect(understood('好难受')).toMatchObject({ expression: { id: 'sad' }, intensity: 1.3 });
    expect(understood('好难啊')).toMatchObject({ expression: { id: 'helpless' }, intensity: 1 });
    expect(idOf('太难了')).toBe('helpless');
  });
});

describe('understand: negation', () => {
  it('knows the common negated phrases as words of their own', () => {
    expect(idOf('不高兴')).toBe('sad');
    expect(idOf('not happy')).toBe('sad');
    expect(idOf('一点也不好笑')).toBe('speechless');
    expect(idOf('not funny')).toBe('speechless');
    expect(idOf('笑不出来')).toBe('helpless');
  });

  it('gives a negated feeling the face of its absence, not its bare opposite', () => {
    expect(understood('没生气')).toMatchObject({ expression: { id: 'smile' }, matched: '没生气' });
    expect(idOf('别哭')).toBe('smile');
    expect(idOf("don't cry")).toBe('smile');
    expect(idOf("I'm not angry")).toBe('smile');
    expect(idOf('开心不起来')).toBe('sad');
    expect(idOf('不是很开心')).toBe('sad');
    expect(idOf('一点都不怕')).toBe('determined');
    expect(idOf('一点都不惊讶')).toBe('indifferent');
    expect(understood('never angry').confidence).toBeGreaterThanOrEqual(CONFIDENCE_MEDIUM);
  });

  it('keeps words that contain a negation, and negations elsewhere in the text', () => {
    expect(idOf('不会吧')).toBe('surprised');
    expect(idOf('不好意思')).toBe('shy');
    expect(idOf('哭笑不得')).toBe('helpless');
    expect(idOf('开心，不用谢')).toBe('laugh');
  });
});

describe('understand: how people type', () => {
  it('reads reduplication: long runs, AABB and ABB forms', () => {
    expect(idOf('呜呜呜呜呜')).toBe('cry');
    expect(idOf('嘤嘤嘤')).toBe('cry');
    expect(idOf('开开心心')).toBe('laugh');
    expect(idOf('委委屈屈')).toBe('aggrieved');
    expect(idOf('气呼呼')).toBe('angry');
    // AABB is read as AB only where AB is a word: 哈哈嘿嘿 stays laughter.
    expect(idOf('哈哈嘿嘿')).toBe('laugh');
  });

  it('reads emoji and kaomoji, with or without a variation selector', () => {
    expect(idOf('😂')).toBe('laugh-cry');
    expect(idOf('😭😭😭')).toBe('wail');
    expect(idOf('🙄')).toBe('speechless');
    expect(idOf('☺️')).toBe(idOf('☺'));
    expect(idOf('QAQ')).toBe('cry');
    expect(idOf('(╯°□°)╯︵ ┻━┻')).toBe('angry');
  });

  it('lets a feeling word outvote an interjection or a particle beside it', () => {
    expect(idOf('哎呀好害羞哦')).toBe('shy');
    expect(idOf('哇好开心呀')).toBe('laugh');
    expect(idOf('困了呢')).toBe('sleepy');
  });

  it('reads a degree complement as strength, not as a face of its own', () => {
    expect(idOf('气得发抖')).toBe('angry');
    expect(idOf('笑到肚子疼')).toBe('laugh');
    expect(idOf('困得睁不开眼')).toBe('sleepy');
    expect(idOf('感动哭了')).toBe('touched');
    const plain = understood('累');
    const strong = understood('累到不行');
    expect(strong.expression.id).toBe('tired');
    expect(strong.intensity).toBeGreaterThan(plain.intensity);
    expect(strong.intensity).toBeLessThanOrEqual(MAX_INTENSITY);
  });

  it('knows slang, idioms and English idioms', () => {
    expect(idOf('蚌埠住了')).toBe('laugh-cry');
    expect(idOf('破防了')).toBe('wail');
    expect(idOf('芭比Q了')).toBe('dead-inside');
    expect(idOf('火冒三丈')).toBe('angry');
    expect(idOf('目瞪口呆')).toBe('surprised');
    expect(idOf('over the moon')).toBe('laugh');
    expect(idOf('my jaw dropped')).toBe('surprised');
    expect(idOf('seeing red')).toBe('angry');
    expect(idOf('I can’t even')).toBe('speechless');
  });
});

describe('understand: always a guess, with how sure it is and the alternatives', () => {
  it('is sure of a known word alone, less sure of one among unknown words, and unsure of a guess', () => {
    expect(understood('开心').confidence).toBeGreaterThanOrEqual(CONFIDENCE_HIGH);
    const inSentence = understood('今天在公司那边好委屈');
    expect(inSentence).toMatchObject({ expression: { id: 'aggrieved' }, intensity: 1.3 });
    expect(inSentence.confidence).toBeLessThan(understood('委屈').confidence);
    expect(understood('脸都红透').confidence).toBeLessThan(CONFIDENCE_MEDIUM);
  });

  it('is less sure when two words disagree, and offers the other first', () => {
    const u = understood('生气又难过');
    expect(u.expression.id).toBe('angry');
    expect(u.alternatives[0]?.id).toBe('sad');
    expect(u.confidence).toBeLessThan(CONFIDENCE_HIGH);
    expect(idOf('难过又生气')).toBe('sad');
  });

  it('guesses from the rarest shared characters or letters when no word is known', () => {
    expect(idOf('surprize')).toBe('surprised');
    expect(idOf('angery')).toBe('angry');
    expect(idOf('sadly')).toBe('sad');
    expect(idOf('脸都红透')).toBe('shy');
    for (const text of ['surprize', 'angery', '脸都红透']) expect(understood(text).confidence, text).toBeLessThan(CONFIDENCE_MEDIUM);
  });

  it('smiles, unsure, at text with nothing recognisable, and offers the most used faces', () => {
    for (const text of ['asdf', '!!!', '。', 'qwfp']) {
      const u = understood(text);
      expect(u.expression.id, text).toBe(DEFAULT_EXPRESSION_ID);
      expect(u.confidence, text).toBeLessThan(0.2);
      expect(u.alternatives.map((e) => e.id)).toEqual(
        EXPRESSIONS.filter((e) => e.id !== DEFAULT_EXPRESSION_ID)
          .slice(0, MAX_ALTERNATIVES)
          .map((e) => e.id),
      );
    }
  });

  it('offers up to four distinct alternatives, never the guess itself', () => {
    for (const text of ['开心', '有点郁闷', 'meh', 'asdf', '生气又难过', '😂']) {
      const u = understood(text);
      const ids = u.alternatives.map((e) => e.id);
      expect(ids.length, text).toBe(MAX_ALTERNATIVES);
      expect(new Set(ids).size, text).toBe(ids.length);
      expect(ids, text).not.toContain(u.expression.id);
    }
  });

  it('keeps the intensity the words asked for, guessed or not', () => {
    expect(understood('有点郁闷').intensity).toBe(0.5);
    expect(understood('超级').intensity).toBe(1.5);
    expect(understood('超级').rest).toBe('');
    expect(understood('meh').intensity).toBe(1);
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
