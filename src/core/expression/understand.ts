// From the user's words to an expression. The longest lexicon word found anywhere in the text wins
// (笑哭 over 笑, 委屈巴巴 over 委屈); with none, the entries whose words share the most characters
// are offered for the user to pick, and the CLIP text encoder (text-encoder worker) ranks by meaning
// once it is loaded.

import type { Expression } from './action-units.ts';
import { collapseRepeats, normalise, parseIntensity } from './intensity.ts';
import { EXPRESSIONS } from './lexicon.ts';

export type Understanding =
  | { kind: 'matched'; expression: Expression; intensity: number; matched: string }
  /** `rest`: the words without intensity words, for a text encoder to rank by meaning. */
  | { kind: 'suggestions'; candidates: Expression[]; intensity: number; rest: string }
  | { kind: 'empty' };

/** A plain smile: what the studio starts from before the user has typed anything. */
export const DEFAULT_EXPRESSION_ID = 'smile';

const MAX_SUGGESTIONS = 5;

/** The form words and texts are compared in: normalised, repeats shortened (哈哈哈哈 → 哈哈). */
export function matchKey(text: string): string {
  return collapseRepeats(normalise(text));
}

interface Word {
  key: string;
  /** In code points, so a Chinese character counts once. */
  length: number;
  word: string;
  expression: Expression;
}

const WORDS: readonly Word[] = EXPRESSIONS.flatMap((expression) =>
  [...expression.words.zh, ...expression.words.en].map((word) => {
    const key = matchKey(word);
    return { key, length: Array.from(key).length, word, expression };
  }),
);

const BY_ID: ReadonlyMap<string, Expression> = new Map(EXPRESSIONS.map((e) => [e.id, e]));

const LATIN = /[a-z0-9]/u;

/** Where `key` first occurs in `text`, or -1. A latin edge must be a word edge too: "mad" is not in "made". */
function find(text: string, key: string): number {
  const latinStart = LATIN.test(key.charAt(0));
  const latinEnd = LATIN.test(key.charAt(key.length - 1));
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const joinedBefore = latinStart && LATIN.test(text.charAt(at - 1));
    const joinedAfter = latinEnd && LATIN.test(text.charAt(at + key.length));
    if (!joinedBefore && !joinedAfter) return at;
  }
  return -1;
}

/** The longest word in the text, and where; between equally long ones, the one written first. */
function longestWord(text: string): { word: Word; at: number } | undefined {
  let best: Word | undefined;
  let bestAt = Infinity;
  for (const word of WORDS) {
    if (best !== undefined && word.length < best.length) continue;
    const at = find(text, word.key);
    if (at < 0) continue;
    if (best === undefined || word.length > best.length || at < bestAt) {
      best = word;
      bestAt = at;
    }
  }
  return best === undefined ? undefined : { word: best, at: bestAt };
}

/** Negation right before a word (不高兴, 一点也不好笑, not happy, don't cry) or after it (笑不出来). */
const NEGATED_BEFORE = /(不|没|没有|别|不要|不太|并不|毫不|一点也不|一点都不|\bnot|\bno|\bnever|n't|\bnot very|\bnot so)\s?$/u;
const NEGATED_AFTER = /^(不出来|不起来)/u;

/**
 * Whether the matched word is negated. Negated words are not flipped to a guessed opposite (别哭
 * comforts, 不生气 calms, 不好笑 rolls the eyes): the lexicon lists the common negated phrases as
 * words of their own, and the rest is left to the text encoder and the user.
 */
function negated(text: string, at: number, key: string): boolean {
  return NEGATED_BEFORE.test(text.slice(0, at)) || NEGATED_AFTER.test(text.slice(at + key.length));
}

/** Every Chinese character and neighbouring pair; letter pairs of latin words, edges included (" m", "me", "eh", "h "). */
function grams(text: string): Set<string> {
  const found = new Set<string>();
  for (const [run] of text.matchAll(/\p{Script=Han}+|[a-z0-9']+/gu)) {
    const han = /\p{Script=Han}/u.test(run);
    const chars = han ? Array.from(run) : [' ', ...run, ' '];
    if (han) for (const ch of chars) found.add(ch);
    for (let i = 0; i + 1 < chars.length; i++) found.add(chars.slice(i, i + 2).join(''));
  }
  return found;
}

/** Dice coefficient: shared grams over the average size, 0..1. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const GRAMS = EXPRESSIONS.map((expression) => ({
  expression,
  grams: [...expression.words.zh, ...expression.words.en, expression.zh, expression.en].map((w) => grams(matchKey(w))),
}));

/** The closest entries by best-matching word, then the most common ones, so there is always a choice. */
function suggest(text: string): Expression[] {
  const wanted = grams(text);
  const alike = GRAMS.map(({ expression, grams: words }) => ({ expression, score: Math.max(...words.map((g) => dice(wanted, g))) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .map(({ expression }) => expression);
  return [...new Set([...alike, ...EXPRESSIONS])].slice(0, MAX_SUGGESTIONS);
}

export function understand(text: string): Understanding {
  const key = matchKey(text);
  if (key === '') return { kind: 'empty' };
  const found = longestWord(key);
  if (found !== undefined && !negated(key, found.at, found.word.key)) {
    const { intensity } = parseIntensity(text, found.word.key);
    return { kind: 'matched', expression: found.word.expression, intensity, matched: found.word.word };
  }
  const { intensity, rest } = parseIntensity(text);
  return { kind: 'suggestions', candidates: suggest(rest), intensity, rest };
}

export function expressionById(id: string): Expression {
  const expression = BY_ID.get(id);
  if (expression === undefined) throw new Error(`Unknown expression id "${id}"`);
  return expression;
}
