// How strongly the user wants the expression, read from their own words: "有点开心" is a faint
// smile, "超级开心!!" a full laugh. The warp multiplies every recipe strength by this number.
//
// The scale (a multiplier on the recipe):
//   0.5   有点 有一点 一点点 稍微 有些 … / a bit, a little, slightly, kinda …; each further one halves again
//   1     no intensity word
//   1.3   很 好 / very, so, really
//   1.4   非常 特别 太 十分 / totally
//   1.5   超 超级 巨 贼 / super
//   1.6   极其 极度 / extremely
//   +0.1  for each intensifier after the strongest (非常非常)
//   ×1.1  for "!!" (×1.2 for "!!!"), full-width too; the same again for a character or pair repeated
//         4 times or more (哈哈哈哈, hahahaha; ×1.2 at 6)
// The result is clamped to MIN_INTENSITY..MAX_INTENSITY, the range in which the warp stays a face.

/** The weakest and strongest multiplier the warp takes. */
export const MIN_INTENSITY = 0.2;
export const MAX_INTENSITY = 1.6;

/** Intensity words and their multipliers: below 1 softens, above 1 strengthens. */
export const INTENSITY_WORDS: ReadonlyMap<string, number> = new Map([
  ['有一点点', 0.5],
  ['有一点', 0.5],
  ['一点点', 0.5],
  ['有点', 0.5],
  ['有些', 0.5],
  ['稍微', 0.5],
  ['稍稍', 0.5],
  ['略微', 0.5],
  ['一丢丢', 0.5],
  ['a little bit', 0.5],
  ['a little', 0.5],
  ['a bit', 0.5],
  ['slightly', 0.5],
  ['somewhat', 0.5],
  ['kinda', 0.5],
  ['kind of', 0.5],
  ['sort of', 0.5],
  ['很', 1.3],
  ['好', 1.3],
  ['very', 1.3],
  ['so', 1.3],
  ['really', 1.3],
  ['非常', 1.4],
  ['特别', 1.4],
  ['太', 1.4],
  ['十分', 1.4],
  ['totally', 1.4],
  ['超', 1.5],
  ['超级', 1.5],
  ['巨', 1.5],
  ['贼', 1.5],
  ['super', 1.5],
  ['极其', 1.6],
  ['极度', 1.6],
  ['extremely', 1.6],
]);

/** Longest first, so 超级 is read before 超; English only as whole words ("so" is not in "sorry"). */
const MODIFIER = new RegExp(
  [...INTENSITY_WORDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => (/^[a-z]/u.test(word) ? `(?<![a-z0-9'])${word}(?![a-z0-9'])` : word))
    .join('|'),
  'gu',
);

/**
 * NFKC (full-width letters, digits, punctuation and spaces to half-width), lower case, curly
 * apostrophes straightened, whitespace collapsed and dropped between Chinese characters (开 心).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
}

/** A character or pair repeated three or more times, shortened to two: 哈哈哈哈 → 哈哈, hahaha → haha, 2333 → 233. */
export function collapseRepeats(text: string): string {
  return text.replace(/(.{1,2}?)\1{2,}/gu, '$1$1');
}

/** Extra strength from shouting: "!!" and long runs like 哈哈哈哈 each add a little. */
function emphasis(text: string): number {
  const bangs = /!{3}/u.test(text) ? 0.2 : /!{2}/u.test(text) ? 0.1 : 0;
  const repeats = /([\p{L}\p{N}]{1,2}?)\1{5}/u.test(text) ? 0.2 : /([\p{L}\p{N}]{1,2}?)\1{3}/u.test(text) ? 0.1 : 0;
  return 1 + bangs + repeats;
}

export interface ParsedIntensity {
  /** Multiplier for the recipe, MIN_INTENSITY..MAX_INTENSITY, rounded to hundredths. */
  intensity: number;
  /** The normalised text without intensity words and exclamation marks, repeats collapsed. */
  rest: string;
}

/**
 * Reads the intensity words in `text`. `keep` is a phrase not to read them from: the expression
 * word already matched, so 太 in 我太难了 or 好 in 好吧 does not count as an intensifier.
 */
export function parseIntensity(text: string, keep = ''): ParsedIntensity {
  const clean = normalise(text);
  let softer = 1;
  const stronger: number[] = [];
  const strip = (piece: string) =>
    piece.replace(MODIFIER, (word) => {
      const factor = INTENSITY_WORDS.get(word) ?? 1;
      if (factor < 1) softer *= factor;
      else stronger.push(factor);
      return ' ';
    });
  const stripped = keep === '' ? strip(clean) : clean.split(keep).map(strip).join(keep);
  const strongest = Math.max(1, ...stronger) + 0.1 * Math.max(0, stronger.length - 1);
  const raw = softer * strongest * emphasis(clean);
  const intensity = Math.round(Math.min(MAX_INTENSITY, Math.max(MIN_INTENSITY, raw)) * 100) / 100;
  return { intensity, rest: collapseRepeats(normalise(stripped.replace(/!+/gu, ' '))) };
}
