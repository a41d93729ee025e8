// From the user's words to an expression, offline. The text is cut into known words, longest first
// (vocabulary/: the lexicon, chat slang, idioms, English idioms, emoji, and situations that imply a
// face, which weigh less than feeling words); a negated word asks for the
// face of its absent feeling (negation.ts) and a degree complement only strengthens the word before
// it (degree.ts). The expression with the most words wins. With no known word, the expression
// sharing the rarest characters is the guess (char-guess.ts), and with nothing in common a smile.
// There is always a guess for non-empty text, with how sure it is and the alternatives; the CLIP text
// encoder (text-encoder worker) may re-rank an unsure one once it is loaded.

import type { Expression } from './action-units.ts';
import { alikeTo } from './alike.ts';
import { charGuesser } from './char-guess.ts';
import { COMPLEMENT_FACTOR, complementAt } from './degree.ts';
import { isInterjection, meaningfulLength } from './filler.ts';
import { MAX_INTENSITY, parseIntensity } from './intensity.ts';
import { EXPRESSIONS } from './lexicon.ts';
import { negationOf } from './negation.ts';
import { VOCABULARY } from './vocabulary/all-words.ts';
import { findWords, keyed, matchKey, undoubled, type Occurrence } from './word-match.ts';
import { expressionById } from './expression-by-id.ts';

export type Understanding =
  | { kind: 'empty' }
  | {
      kind: 'understood';
      expression: Expression;
      /** How sure the guess is, 0..1; see confidenceLevel. */
      confidence: number;
      /** The next most likely expressions, best first, without `expression`. */
      alternatives: Expression[];
      intensity: number;
      /** The words that decided it as typed in the vocabulary (不 + 生气 → "不生气"), or '' for a guess. */
      matched: string;
      /** The words without intensity words, for a text encoder to rank by meaning. */
      rest: string;
    };

/** A plain smile: what the studio starts from before the user has typed anything, and the guess when nothing is recognisable. */
export const DEFAULT_EXPRESSION_ID = 'smile';

export const MAX_ALTERNATIVES = 4;

/** At or above: sure (a known word said it). Below MEDIUM: a guess, which the text encoder may re-rank. */
export const CONFIDENCE_HIGH = 0.75;
export const CONFIDENCE_MEDIUM = 0.5;

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence >= CONFIDENCE_HIGH ? 'high' : confidence >= CONFIDENCE_MEDIUM ? 'medium' : 'low';
}

interface Index {
  words: ReturnType<typeof keyed>;
  keys: ReadonlySet<string>;
  guesser: ReturnType<typeof charGuesser>;
}

let built: Index | undefined;

/** Built on the first words typed, not as the page opens: the sticker worker starts first. */
function vocabularyIndex(): Index {
  if (built !== undefined) return built;
  const words = keyed(VOCABULARY);
  built = {
    words,
    keys: new Set(words.map((w) => w.key)),
    guesser: charGuesser([...VOCABULARY, ...EXPRESSIONS.flatMap((e) => [e.zh, e.en].map((word) => ({ word, expressionId: e.id })))]),
  };
  return built;
}

/** A word's vote: for its expression, or for the face of its negated feeling; its span includes the negation. */
interface Vote {
  expressionId: string;
  at: number;
  end: number;
  weight: number;
  matched: string;
}

/** A situation cue (加班, exam tomorrow) implies a face less surely than a feeling word, which outvotes it. */
const SITUATION_WEIGHT = 0.4;

/**
 * Votes of the words in the text, each as heavy as it is long; an interjection beside other words
 * (哎呀好害羞) half as heavy, a situation cue less; a word inside the degree complement of the word
 * before it none.
 */
function votes(text: string, found: readonly Occurrence[]): { votes: Vote[]; complement: boolean } {
  const out: Vote[] = [];
  let degreeEnd = -1;
  let complement = false;
  for (const o of found) {
    if (o.at < degreeEnd) continue;
    // A situation is not a feeling to negate: 不想上班 and 没钱 are cues of their own.
    const negation = o.word.situation === true ? null : negationOf(text, o.at, o.end, o.word.key, o.word.expressionId);
    const at = o.at - (negation?.before ?? 0);
    const end = o.end + (negation?.after ?? 0);
    const matched = text.slice(at, o.at) + o.word.word + text.slice(o.end, end);
    const weight =
      Array.from(text.slice(at, end)).length * (isInterjection(o.word.key) && found.length > 1 ? 0.5 : 1) * (o.word.situation === true ? SITUATION_WEIGHT : 1);
    const degree = negation === null ? complementAt(text, end) : 0;
    if (degree > 0) {
      complement = true;
      degreeEnd = end + degree;
    }
    // The complement counts as covered text, so 累到不行 is as sure as 累.
    out.push({ expressionId: negation?.expressionId ?? o.word.expressionId, at, end: end + degree, weight, matched });
  }
  return { votes: out, complement };
}

/** Expression ids by total vote weight, ties to the one written first. */
function tally(list: readonly Vote[]): { expressionId: string; weight: number; matched: string }[] {
  const totals = new Map<string, { expressionId: string; weight: number; matched: string; first: number }>();
  for (const v of list) {
    const t = totals.get(v.expressionId) ?? { expressionId: v.expressionId, weight: 0, matched: v.matched, first: v.at };
    t.weight += v.weight;
    totals.set(v.expressionId, t);
  }
  return [...totals.values()].sort((a, b) => b.weight - a.weight || a.first - b.first);
}

/** The share of the text's meaning the votes account for, 0..1. */
function coverage(text: string, list: readonly Vote[]): number {
  let rest = text;
  let covered = 0;
  for (const v of list) {
    covered += meaningfulLength(text.slice(v.at, v.end));
    rest = rest.slice(0, v.at) + ' '.repeat(v.end - v.at) + rest.slice(v.end);
  }
  const uncovered = meaningfulLength(parseIntensity(rest).rest);
  return covered + uncovered === 0 ? 1 : covered / (covered + uncovered);
}

function unique(ids: readonly string[], without: string): Expression[] {
  return [...new Set(ids)].filter((id) => id !== without).map(expressionById);
}

export function understand(text: string): Understanding {
  const typed = matchKey(text);
  if (typed === '') return { kind: 'empty' };
  const index = vocabularyIndex();
  const key = undoubled(typed, index.keys);
  const { votes: list, complement } = votes(key, findWords(key, index.words));
  const ranked = tally(list);
  const guesses = index.guesser.guess(key);
  const best = ranked[0];
  if (best !== undefined) {
    const share = best.weight / ranked.reduce((sum, r) => sum + r.weight, 0);
    const confidence = 0.5 + 0.45 * share * (0.4 + 0.6 * coverage(key, list));
    const { intensity } = parseIntensity(text, best.matched);
    const expression = expressionById(best.expressionId);
    const others = [...ranked.slice(1).map((r) => r.expressionId), ...guesses.map((g) => g.expressionId), ...alikeTo(expression, EXPRESSIONS).map((e) => e.id)];
    return {
      kind: 'understood',
      expression,
      confidence: round(confidence),
      alternatives: unique(others, expression.id).slice(0, MAX_ALTERNATIVES),
      intensity: round(Math.min(MAX_INTENSITY, intensity * (complement ? COMPLEMENT_FACTOR : 1))),
      matched: best.matched,
      rest: parseIntensity(text).rest,
    };
  }
  const { intensity, rest } = parseIntensity(text);
  const guess = guesses[0];
  // Nothing in common with any word: a smile, offered with the most used expressions.
  const expression = expressionById(guess?.expressionId ?? DEFAULT_EXPRESSION_ID);
  const others =
    guess === undefined ? EXPRESSIONS.map((e) => e.id) : [...guesses.map((g) => g.expressionId), ...alikeTo(expression, EXPRESSIONS).map((e) => e.id)];
  return {
    kind: 'understood',
    expression,
    confidence: round(guess === undefined ? 0.1 : 0.15 + 0.3 * guess.score),
    alternatives: unique(others, expression.id).slice(0, MAX_ALTERNATIVES),
    intensity,
    matched: '',
    rest,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
