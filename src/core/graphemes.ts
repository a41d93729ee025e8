// User-perceived characters (grapheme clusters): an emoji ZWJ sequence, a skin tone, a keycap or a
// flag is one, so captions never wrap or draw it in pieces.

/** Marks (VS16 and the keycap among them), skin tones, tags: what extends the cluster before it. */
const EXTEND = '\\p{M}\\u{1F3FB}-\\u{1F3FF}\\u{E0020}-\\u{E007F}';
/** For engines without Intl.Segmenter (Firefox before 125): CRLF, a flag's two regional
 *  indicators, or a character with what extends it, a ZWJ taking the pictograph after it. */
const CLUSTER = new RegExp(`\\r\\n|\\p{RI}{2}|[^${EXTEND}\\u200d](?:[${EXTEND}]|\\u200d\\p{Extended_Pictographic}?)*|[\\s\\S]`, 'gu');

export function graphemesByPattern(text: string): string[] {
  return text.match(CLUSTER) ?? [];
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function graphemes(text: string): string[] {
  return segmenter === null ? graphemesByPattern(text) : Array.from(segmenter.segment(text), (s) => s.segment);
}
