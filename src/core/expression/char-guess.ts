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
  const order = new Map([...byExpression.keys()].map((id, i) => [id, i]));
  // Each word's grams indexed, so a guess looks only at the words that share a gram with the text.
  const entries = [...byExpression].flatMap(([expressionId, list]) => list.map((g) => ({ expressionId, mass: mass(g) })));
  const postings = new Map<string, number[]>();
  let index = 0;
  for (const list of byExpression.values()) {
    for (const g of list) {
      for (const gram of g) {
        const list = postings.get(gram);
        if (list === undefined) postings.set(gram, [index]);
        else list.push(index);
      }
      index++;
    }
  }

  return {
    guess(text) {
      const wanted = grams(matchKey(text));
      const wantedMass = mass(wanted);
      if (wantedMass === 0) return [];
      const shared = new Map<number, number>();
      for (const gram of wanted) for (const i of postings.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + weight(gram));
      const best = new Map<string, number>();
      for (const [i, common] of shared) {
        const { expressionId, mass: wordMass } = entries[i] ?? { expressionId: '', mass: 0 };
        best.set(expressionId, Math.max(best.get(expressionId) ?? 0, (2 * common) / (wantedMass + wordMass)));
      }
      const guesses: Guess[] = [...best].filter(([, score]) => score >= MIN_SCORE).map(([expressionId, score]) => ({ expressionId, score }));
      // Ties to the expression listed first, as the vocabulary lists them.
      return guesses.sort((a, b) => b.score - a.score || (order.get(a.expressionId) ?? 0) - (order.get(b.expressionId) ?? 0));
    },
  };
}
