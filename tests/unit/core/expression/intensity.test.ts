import { describe, expect, it } from 'vitest';
import { INTENSITY_WORDS, MAX_INTENSITY, MIN_INTENSITY, collapseRepeats, normalise, parseIntensity } from '../../../../src/core/expression/intensity.ts';

const SOFTER_ZH = ['有点', '有一点', '有一点点', '一点点', '稍微', '有些'];
const SOFTER_EN = ['a bit', 'a little', 'a little bit', 'slightly', 'kinda', 'kind of', 'somewhat'];
const STRONGER_ZH = ['很', '好', '非常', '超', '超级', '特别', '太', '巨', '极其'];
const STRONGER_EN = ['very', 'so', 'super', 'really', 'extremely', 'totally'];
const strength = (text: string) => parseIntensity(text).intensity;

describe('the limits', () => {
  it('are what the warp takes', () => {
    expect(MIN_INTENSITY).toBe(0.2);
    expect(MAX_INTENSITY).toBe(1.6);
  });

  it('bound every word in the table', () => {
    for (const [word, factor] of INTENSITY_WORDS) {
      expect(factor, word).toBeGreaterThanOrEqual(MIN_INTENSITY);
      expect(factor, word).toBeLessThanOrEqual(MAX_INTENSITY);
      expect(factor, word).not.toBe(1);
    }
  });
});

describe('parseIntensity', () => {
  it('is 1 and leaves the text alone without intensity words', () => {
    expect(parseIntensity('开心')).toEqual({ intensity: 1, rest: '开心' });
    expect(parseIntensity('surprised')).toEqual({ intensity: 1, rest: 'surprised' });
  });

  it('halves for hedges in Chinese and English, and removes them', () => {
    for (const word of SOFTER_ZH) expect(parseIntensity(`${word}开心`), word).toEqual({ intensity: 0.5, rest: '开心' });
    for (const word of SOFTER_EN) expect(parseIntensity(`${word} surprised`), word).toEqual({ intensity: 0.5, rest: 'surprised' });
  });

  it('strengthens to 1.3–1.6 for intensifiers in Chinese and English, and removes them', () => {
    for (const word of STRONGER_ZH) {
      const { intensity, rest } = parseIntensity(`${word}开心`);
      expect(intensity, word).toBeGreaterThanOrEqual(1.3);
      expect(intensity, word).toBeLessThanOrEqual(1.6);
      expect(rest, word).toBe('开心');
    }
    for (const word of STRONGER_EN) {
      const { intensity, rest } = parseIntensity(`${word} angry`);
      expect(intensity, word).toBeGreaterThanOrEqual(1.3);
      expect(intensity, word).toBeLessThanOrEqual(1.6);
      expect(rest, word).toBe('angry');
    }
  });

  it('orders the scale: very < super < extremely, 很 < 非常 < 超级 < 极其', () => {
    expect(strength('very happy')).toBeLessThan(strength('super happy'));
    expect(strength('super happy')).toBeLessThan(strength('extremely happy'));
    expect(strength('很开心')).toBeLessThan(strength('非常开心'));
    expect(strength('非常开心')).toBeLessThan(strength('超级开心'));
    expect(strength('超级开心')).toBeLessThan(strength('极其开心'));
  });

  it('reads 超级 as one word, not 超 and a leftover 级', () => {
    expect(parseIntensity('超级开心')).toEqual({ intensity: 1.5, rest: '开心' });
  });

  it('is case- and width-insensitive', () => {
    expect(strength('VERY sad')).toBe(strength('very sad'));
    expect(strength('ＶＥＲＹ sad')).toBe(strength('very sad'));
    expect(strength('A Bit sad')).toBe(0.5);
  });

  it('reads English intensity words only as whole words', () => {
    expect(strength('sorry')).toBe(1);
    expect(strength('superb')).toBe(1);
    expect(strength('soso verybad')).toBe(1);
    expect(parseIntensity('sorry').rest).toBe('sorry');
  });

  it('raises a little for repeated intensifiers, never past the maximum', () => {
    expect(strength('非常非常开心')).toBeGreaterThan(strength('非常开心'));
    expect(strength('very very sad')).toBeGreaterThan(strength('very sad'));
    expect(strength('very very sad') - strength('very sad')).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(strength('超级超级超级超级开心')).toBe(MAX_INTENSITY);
  });

  it('lowers further for stacked hedges, never below the minimum', () => {
    expect(strength('稍微有点开心')).toBeLessThan(strength('有点开心'));
    expect(strength('有点稍微一丢丢略微有些开心')).toBe(MIN_INTENSITY);
  });

  it('combines a hedge with an intensifier', () => {
    const both = strength('有点太开心');
    expect(both).toBeGreaterThan(0.5);
    expect(both).toBeLessThan(1);
  });

  it('raises for !! and !!! in either width, not for a single !', () => {
    expect(strength('开心!')).toBe(1);
    expect(strength('开心!!')).toBeGreaterThan(1);
    expect(strength('开心！！')).toBe(strength('开心!!'));
    expect(strength('开心!!!')).toBeGreaterThan(strength('开心!!'));
    expect(parseIntensity('开心!!').rest).toBe('开心');
  });

  it('raises for long runs of a repeated character or pair', () => {
    expect(strength('哈哈')).toBe(1);
    expect(strength('哈哈哈')).toBe(1);
    expect(strength('哈哈哈哈')).toBeGreaterThan(1);
    expect(strength('哈哈哈哈哈哈')).toBeGreaterThan(strength('哈哈哈哈'));
    expect(strength('hahahaha')).toBeGreaterThan(1);
    expect(strength('。。。。。。')).toBe(1);
  });

  it('never leaves the range, however loud', () => {
    expect(strength('超级超级非常极其开心!!!!!!哈哈哈哈哈哈哈')).toBe(MAX_INTENSITY);
    expect(strength('extremely super very happy!!!')).toBe(MAX_INTENSITY);
  });

  it('does not read intensity words inside the kept phrase', () => {
    expect(strength('我太难了')).toBeGreaterThan(1);
    expect(parseIntensity('我太难了', '太难了').intensity).toBe(1);
    expect(parseIntensity('真的好吧', '好吧').intensity).toBe(1);
    expect(parseIntensity('超级好吧', '好吧').intensity).toBe(1.5);
  });
});

describe('normalise and collapseRepeats', () => {
  it('turns full width into half width, lowers case and tidies spaces', () => {
    expect(normalise('  ＳＡＤ　ＦＡＣＥ！ ')).toBe('sad face!');
    expect(normalise('开 心  大笑')).toBe('开心大笑');
    expect(normalise('I’m   done')).toBe("i'm done");
    expect(normalise('开心 happy')).toBe('开心 happy');
  });

  it('shortens runs of three or more to two', () => {
    expect(collapseRepeats('哈哈哈哈哈')).toBe('哈哈');
    expect(collapseRepeats('哈哈')).toBe('哈哈');
    expect(collapseRepeats('hahahaha')).toBe('haha');
    expect(collapseRepeats('2333333')).toBe('233');
    expect(collapseRepeats('zzzzz')).toBe('zz');
    expect(collapseRepeats('good')).toBe('good');
  });
});
