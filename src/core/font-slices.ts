// Which slices of a font split by unicode-range a text needs (the caption font is cut in slices so
// a caption fetches only the ones its characters are in).

/** [first, last] code points, from a CSS unicode-range ("U+20-7E, U+4E00"). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [first = '', last = first] = part.trim().replace(/^U\+/iu, '').split('-');
    return [parseInt(first, 16), parseInt(last, 16)];
  });
}

/** The indexes of the slices holding the text's characters (whitespace aside), in slice order. */
export function slicesNeeded(text: string, slices: readonly (readonly [number, number][])[]): number[] {
  const needed = new Set<number>();
  for (const ch of text) {
    if (ch.trim() === '') continue;
    const point = ch.codePointAt(0) ?? 0;
    const slice = slices.findIndex((ranges) => ranges.some(([first, last]) => point >= first && point <= last));
    if (slice >= 0) needed.add(slice);
  }
  return [...needed].sort((a, b) => a - b);
}
