// Finding known words in typed text. Text and words are compared in one form (matchKey); the text
// is then cut into the longest words first, so 笑哭 is read as one word, not as 笑 and 哭.

import { collapseRepeats, normalise } from './intensity.ts';
import type { VocabularyWord } from './vocabulary/all-words.ts';

/** The form words and texts are compared in: normalised, emoji variation selectors dropped, repeats shortened (哈哈哈哈 → 哈哈). */
export function matchKey(text: string): string {
  return collapseRepeats(normalise(text.replace(/\uFE0F/gu, '')));
}

export interface KeyedWord extends VocabularyWord {
  key: string;
  /** In code points, so a Chinese character counts once. */
  length: number;
}

export function keyed(words: readonly VocabularyWord[]): KeyedWord[] {
  return words.map((w) => {
    const key = matchKey(w.word);
    return { ...w, key, length: Array.from(key).length };
  });
}

/** A word found in the text: [at, end) in UTF-16 units of the text's key. */
export interface Occurrence {
  word: KeyedWord;
  at: number;
  end: number;
}

const LATIN = /[a-z0-9]/u;

/** Where `key` occurs in `text`. A latin edge must be a word edge too: "mad" is not in "made". */
function positions(text: string, key: string): number[] {
  const found: number[] = [];
  const latinStart = LATIN.test(key.charAt(0));
  const latinEnd = LATIN.test(key.charAt(key.length - 1));
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const joinedBefore = latinStart && LATIN.test(text.charAt(at - 1));
    const joinedAfter = latinEnd && LATIN.test(text.charAt(at + key.length));
    if (!joinedBefore && !joinedAfter) found.push(at);
  }
  return found;
}

/** The words in the text, longest first and then leftmost, none overlapping another; in text order. */
export function findWords(text: string, words: readonly KeyedWord[]): Occurrence[] {
  const all = words.flatMap((word) => positions(text, word.key).map((at) => ({ word, at, end: at + word.key.length })));
  all.sort((a, b) => b.word.length - a.word.length || a.at - b.at);
  const kept: Occurrence[] = [];
  for (const o of all) if (kept.every((k) => o.end <= k.at || o.at >= k.end)) kept.push(o);
  return kept.sort((a, b) => a.at - b.at);
}

/** AABB reduplication read as its word AB (开开心心 → 开心) where AB is a known word. */
export function undoubled(text: string, known: ReadonlySet<string>): string {
  return text.replace(/(\p{Script=Han})\1(\p{Script=Han})\2/gu, (whole, a: string, b: string) => (known.has(a + b) ? a + b : whole));
}
