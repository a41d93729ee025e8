import { describe, expect, it } from 'vitest';
import { layoutCaption, tokenize, wrap, type CaptionBox } from '../../../src/core/caption-layout.ts';
import { measure } from '../support/measure.ts';

// The sticker's own caption box (see align.ts): 512 px wide with 5% margins, band 0.76–0.97.
const BOX: CaptionBox = { maxWidth: 460.8, maxHeight: 107.52, maxLines: 2, fontMax: 72, fontMin: 28, lineHeight: 1.15 };

const chars = (s: string) => Array.from(s).length;

function fitsBox(lines: string[], fontSize: number, box: CaptionBox): boolean {
  return (
    lines.length <= box.maxLines && lines.length * fontSize * box.lineHeight <= box.maxHeight + 1e-9 && lines.every((l) => measure(l, fontSize) <= box.maxWidth)
  );
}

describe('tokenize', () => {
  it('splits Chinese into single characters', () => {
    expect(tokenize('我太难了')).toEqual(['我', '太', '难', '了']);
  });

  it('keeps latin words whole, with the spaces after them', () => {
    expect(tokenize('I give up on everything today')).toEqual(['I ', 'give ', 'up ', 'on ', 'everything ', 'today']);
  });

  it('attaches closing punctuation to the token before it', () => {
    expect(tokenize('我太难了，真的！')).toEqual(['我', '太', '难', '了，', '真', '的！']);
    expect(tokenize('好累啊。。。')).toEqual(['好', '累', '啊。。。']);
    expect(tokenize('「走」吧？')).toEqual(['「', '走」', '吧？']);
    expect(tokenize('对、错；是：')).toEqual(['对、', '错；', '是：']);
    expect(tokenize('（笑）…')).toEqual(['（', '笑）…']);
  });

  it('keeps punctuation that opens the text as its own token', () => {
    expect(tokenize('，你好')).toEqual(['，', '你', '好']);
  });

  it('handles mixed Chinese and latin', () => {
    expect(tokenize('今天 is Monday！')).toEqual(['今', '天', ' ', 'is ', 'Monday！']);
    expect(tokenize('OK了')).toEqual(['OK', '了']);
  });

  it('keeps emoji whole and breakable between each other, like CJK characters', () => {
    expect(tokenize('我😂了')).toEqual(['我', '😂', '了']);
    expect(tokenize('lol 😂😂')).toEqual(['lol ', '😂', '😂']);
  });

  it('keeps ZWJ sequences, skin tones, flags and variation selectors as one token', () => {
    const family = '👨\u200d👩\u200d👧';
    const facepalm = '🤦\u200d♂️';
    expect(tokenize(`好${family}👍🏽❤️🇨🇳${facepalm}`)).toEqual(['好', family, '👍🏽', '❤️', '🇨🇳', facepalm]);
  });

  it('loses no characters', () => {
    for (const text of ['我太难了，真的！', 'I give up on everything today', '今天 is Monday！  好的', '😂 emoji 表情包 ～', '']) {
      expect(tokenize(text).join('')).toBe(text);
    }
  });
});

describe('wrap', () => {
  it('breaks Chinese between characters', () => {
    // 72 px per character, 200 px per line: two characters fit.
    expect(wrap('我太难了', 72, 200, measure)).toEqual(['我太', '难了']);
  });

  it('breaks English between words and drops the space at the break', () => {
    // 11 px per character at 20 px: 150 px holds 13 characters.
    expect(wrap('I give up on everything today', 20, 150, measure)).toEqual(['I give up on', 'everything', 'today']);
  });

  it('never starts a line with closing punctuation', () => {
    // Two full-width characters per line: the comma goes with 了 onto the next line rather than start one.
    const lines = wrap('我太难了，真的！', 72, 200, measure);
    expect(lines).toEqual(['我太', '难', '了，', '真', '的！']);
    for (const line of lines) expect(line).not.toMatch(/^[，。！？]/u);
  });

  it('splits a word wider than the line by characters', () => {
    // 5.5 px per character at 10 px: 30 px holds 5.
    expect(wrap('supercalifragilistic', 10, 30, measure)).toEqual(['super', 'calif', 'ragil', 'istic']);
  });

  it('puts a character wider than the line on a line of its own', () => {
    expect(wrap('我你', 100, 50, measure)).toEqual(['我', '你']);
  });

  it('returns no lines for blank text', () => {
    expect(wrap('', 40, 100, measure)).toEqual([]);
    expect(wrap('   ', 40, 100, measure)).toEqual([]);
  });

  const texts = [
    '我太难了',
    'I give up on everything today',
    '今天 is Monday，我太难了！！',
    '😂😂 笑死我了 lol 😂',
    '打工人，打工魂，打工都是人上人。',
    'Pneumonoultramicroscopicsilicovolcanoconiosis is long',
  ];
  const widths = [30, 55, 100, 173, 260.5, 460.8];
  const sizes = [12, 28, 46, 72];

  it('never makes a line wider than maxWidth, unless it is a single character', () => {
    for (const text of texts) {
      for (const maxWidth of widths) {
        for (const size of sizes) {
          for (const line of wrap(text, size, maxWidth, measure)) {
            if (chars(line) > 1) expect(measure(line, size), `${text} @${size}px in ${maxWidth}: "${line}"`).toBeLessThanOrEqual(maxWidth);
            expect(line).toBe(line.trim());
            expect(line).not.toBe('');
          }
        }
      }
    }
  });

  it('keeps every non-space character, in order', () => {
    const squash = (s: string) => s.replace(/\s+/gu, '');
    for (const text of texts) {
      for (const maxWidth of widths) expect(squash(wrap(text, 28, maxWidth, measure).join(''))).toBe(squash(text));
    }
  });
});

describe('layoutCaption', () => {
  it('a short Chinese caption stays on one line at the largest size', () => {
    expect(layoutCaption('我太难了', BOX, measure)).toEqual({ fontSize: 72, lines: ['我太难了'] });
  });

  it('a long Chinese caption shrinks to the largest size at which two lines fit the band', () => {
    // At 48 px two lines are 110.4 px tall (> 107.52); at 46 px they are 105.8 and 10 characters fit a line.
    expect(layoutCaption('今天也是元气满满的一天', BOX, measure)).toEqual({ fontSize: 46, lines: ['今天也是元气满满的一', '天'] });
  });

  it('an English caption wraps between words', () => {
    expect(layoutCaption('I give up on everything today', BOX, measure)).toEqual({
      fontSize: 46,
      lines: ['I give up on', 'everything today'],
    });
  });

  it('a single line shrinks in steps of 2 until it fits the width', () => {
    // One-line box: 7 CJK characters fit 460.8 px at 64 px (448), not at 66 (462).
    const box = { ...BOX, maxLines: 1 };
    expect(layoutCaption('七个字的一句话', box, measure)).toEqual({ fontSize: 64, lines: ['七个字的一句话'] });
  });

  it('steps down from fontMax by 2, so odd and even sizes follow fontMax', () => {
    const box = { ...BOX, maxLines: 1, fontMax: 71 };
    expect(layoutCaption('七个字的一句话', box, measure).fontSize).toBe(65);
  });

  it('tries fontMin itself even when fontMax − fontMin is odd', () => {
    const box: CaptionBox = { maxWidth: 280, maxHeight: 1000, maxLines: 1, fontMax: 29, fontMin: 28, lineHeight: 1 };
    // Ten characters × 28 px = 280 px: fits whole at fontMin, so nothing is cut.
    expect(layoutCaption('一二三四五六七八九十', box, measure)).toEqual({ fontSize: 28, lines: ['一二三四五六七八九十'] });
  });

  it('a cut caption keeps only as many lines as the band is tall', () => {
    const box: CaptionBox = { maxWidth: 100, maxHeight: 30, maxLines: 3, fontMax: 20, fontMin: 20, lineHeight: 1 };
    const layout = layoutCaption('一二三四五六七八九十', box, measure);
    expect(layout.lines).toHaveLength(1);
    expect(layout.lines[0]!.endsWith('…')).toBe(true);
    expect(layout.lines.length * layout.fontSize * box.lineHeight).toBeLessThanOrEqual(box.maxHeight);
  });

  it('picks the largest size that fits, for mixed text and emoji too', () => {
    for (const text of ['我太难了', '今天 is Monday，我太难了！！', '😂😂😂', '😂 笑死我了 lol 😂', '打工人，打工魂，打工都是人上人。', 'OK']) {
      const { fontSize, lines } = layoutCaption(text, BOX, measure);
      expect(fitsBox(lines, fontSize, BOX), text).toBe(true);
      expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      // Two px larger would not have fitted (unless this already is the largest size).
      if (fontSize < BOX.fontMax) expect(fitsBox(wrap(text, fontSize + 2, BOX.maxWidth, measure), fontSize + 2, BOX), text).toBe(false);
    }
  });

  it('emoji count as whole characters', () => {
    expect(layoutCaption('😂😂😂', BOX, measure)).toEqual({ fontSize: 72, lines: ['😂😂😂'] });
  });

  it('returns no lines for blank text, at fontMax', () => {
    for (const blank of ['', '   ', '\n\t  \n']) expect(layoutCaption(blank, BOX, measure)).toEqual({ fontSize: 72, lines: [] });
  });

  it('collapses runs of whitespace and newlines to single spaces', () => {
    expect(layoutCaption('  I   give\n\nup  ', BOX, measure)).toEqual({ fontSize: 72, lines: ['I give up'] });
  });

  it('respects maxLines', () => {
    // Plenty of height, one line allowed: the text must shrink rather than wrap.
    const box = { ...BOX, maxLines: 1, maxHeight: 1000 };
    const { fontSize, lines } = layoutCaption('今天也是元气满满的一天', box, measure);
    expect(lines).toEqual(['今天也是元气满满的一天']);
    expect(fontSize).toBe(40); // 11 × 40 = 440 ≤ 460.8 < 11 × 42
    const three = layoutCaption('我'.repeat(40), { ...BOX, maxLines: 3, maxHeight: 1000 }, measure);
    expect(three.lines.length).toBeLessThanOrEqual(3);
  });

  it('truncates with … when even fontMin cannot hold the text', () => {
    // At 28 px, 16 characters fit a line (448 ≤ 460.8); the second line gives one up to make room for the ….
    const { fontSize, lines } = layoutCaption('我'.repeat(100), BOX, measure);
    expect(fontSize).toBe(28);
    expect(lines).toEqual(['我'.repeat(16), `${'我'.repeat(15)}…`]);
    for (const line of lines) expect(measure(line, fontSize)).toBeLessThanOrEqual(BOX.maxWidth);
  });

  it('truncates English at fontMin, keeping the line within the width', () => {
    const text = 'I give up on everything today and tomorrow and the day after that and every day forever and ever';
    const { fontSize, lines } = layoutCaption(text, BOX, measure);
    expect(fontSize).toBe(BOX.fontMin);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[0]!.endsWith('…')).toBe(false);
    for (const line of lines) expect(measure(line, fontSize)).toBeLessThanOrEqual(BOX.maxWidth);
    // What is kept is the start of the text.
    expect(text.startsWith(`${lines[0]} ${lines[1]!.slice(0, -1)}`.trimEnd())).toBe(true);
  });

  it('truncating never splits an emoji in half', () => {
    const { lines } = layoutCaption('😂'.repeat(100), BOX, measure);
    const last = lines[lines.length - 1]!;
    expect(last.endsWith('…')).toBe(true);
    expect(last.slice(0, -1)).toMatch(/^(?:😂)+$/u);
  });
});
