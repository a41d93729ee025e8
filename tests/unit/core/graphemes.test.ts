import { describe, expect, it } from 'vitest';
import { graphemes, graphemesByPattern } from '../../../src/core/graphemes.ts';

// One user-perceived character each: ZWJ sequences, skin tones, VS16, keycaps, flags, tag flags,
// an accent on its letter, CRLF.
const CLUSTERS = ['🤦‍♂️', '👨‍👩‍👧‍👦', '❤️‍🔥', '😮‍💨', '👍🏽', '✌🏻', '❤️', '‼️', '1️⃣', '#️⃣', '🇨🇳', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'é', '\r\n'];

describe('graphemes', () => {
  it('keeps every emoji sequence whole, between CJK, latin and spaces', () => {
    const text = `开心${CLUSTERS.join('a')} ok！`;
    const expected = ['开', '心', ...CLUSTERS.flatMap((c, i) => (i === 0 ? [c] : ['a', c])), ' ', 'o', 'k', '！'];
    expect(graphemes(text)).toEqual(expected);
  });

  it('splits without Intl.Segmenter (the pattern) as the Segmenter does', () => {
    const texts = [CLUSTERS.join(''), `开心${CLUSTERS.join(' ')}ok`, '🇨🇳🇯🇵🇺', '\u200d😂a\u200db\u0301', '😂😂❤️😂'];
    for (const text of texts) expect(graphemesByPattern(text)).toEqual(graphemes(text));
  });

  it('takes a ZWJ only with the pictograph after it', () => {
    expect(graphemesByPattern('a\u200db')).toEqual(['a\u200d', 'b']);
    expect(graphemesByPattern('❤️😂')).toEqual(['❤️', '😂']);
  });
});
