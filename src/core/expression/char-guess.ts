// A guess for text with no known word: the expression whose words share the most characters with
// it, each shared character weighted by how rare it is among the expressions (哭 says much, 好
// little), so 哭哭啼啼 leans to crying. Latin text is compared by letter triples, which forgives a
// misspelling (angery, surprize) but not a chance pair of letters.

import { isFillerHan } from './filler.ts';
import type { VocabularyWord } from './vocabulary/all-words.ts';
import { matchKey } from './word-match.ts';

/** Chinese characters (filler dropped) and neighbouring pairs; letter triples of latin words, edges included (" me", "meh", "eh "). */
export function grams(text: string): Set<string> {
  const found = new Set<string>();
  for (const [run] of text.matchAll(/\p{Script=Han}+|[a-z0-9']+/gu)) {
    const han = /\p{Script=Han}/u.test(run);
    const chars = han ? Array.from(run) : [' ', ...run, ' '];
    if (han) for (const ch of chars) if (!isFillerHan(ch)) found.add(ch);
    const size = han ? 2 : 3;
    for (let i = 0; i + size <= chars.length; i++) found.add(chars.slice(i, i + size).join(''));
  }
  return found;
}

/** A best word sharing less than this with the text is chance, not a guess. */
const MIN_SCORE = 0.35;

export interface Guess {
  expressionId: string;
  /** 0..1: the weighted share of grams the best word and the text have in common. */
  score: number;
}

export interface CharGuesser {
  /** Expressions with enough in common with the text, best first. */
  guess(text: string): Guess[];
}

export function charGuesser(words: readonly VocabularyWord[]): CharGuesser {
  const byExpression = new Map<string, Set<string>[]>();
  for (const { word, expressionId } of words) {
    const list = byExpression.get(expressionId) ?? [];
    list.push(grams(matchKey(word)));
    byExpression.set(expressionId, list);
  }
  // How many expressions use a gram: a gram in one expression's words weighs most.
  const spread = new Map<string, number>();
  for (const list of byExpression.values()) for (const gram of new Set(list.flatMap((g) => [...g]))) spread.set(gram, (spread.get(gram) ?? 0) + 1);
  const weight = (gram: string) => Math.log(1 + byExpression.size / (spread.get(gram) ?? byExpression.size));
  const mass = (set: ReadonlySet<string>) => [...set].reduce((sum, g) => sum + weight(g), 0);
  const weighed = [...byExpression].map(([expressionId, list]) => ({ expressionId, words: list.map((g) => ({ grams: g, mass: mass(g) })) }));

  return {
    guess(text) {
      const wanted = grams(matchKey(text));
      const wantedMass = mass(wanted);
      if (wantedMass === 0) return [];
      const guesses: Guess[] = [];
      for (const { expressionId, words: list } of weighed) {
        let score = 0;
        for (const word of list) {
          let shared = 0;
          for (const gram of word.grams) if (wanted.has(gram)) shared += weight(gram);
          if (shared > 0) score = Math.max(score, (2 * shared) / (wantedMass + word.mass));
        }
        if (score >= MIN_SCORE) guesses.push({ expressionId, score });
      }
      return guesses.sort((a, b) => b.score - a.score);
    },
  };
}
