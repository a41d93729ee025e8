// Finding known words in typed text. Text and words are compared in one form (matchKey); the text
// is then cut into the longest words first, so 笑哭 is read as one word, not as 笑 and 哭.

import { collapseRepeats, INTENSITY_WORDS, normalise } from './intensity.ts';
import type { VocabularyWord } from './vocabulary/all-words.ts';

/**
 * The form words and texts are compared in: normalised, emoji variation selectors dropped, repeats
 * shortened (哈哈哈哈 → 哈哈). English as it is typed in chats: apostrophes dropped (don't = dont),
 * hyphens as spaces (mind-blown), and a doubled letter single, so stretched words (sooo, nooo,
 * pleeease, lmfaooo) meet their word; words are keyed the same way, so "good" still meets "good".
 */
export function matchKey(text: string): string {
  return collapseRepeats(normalise(text.replace(/\uFE0F/gu, '')))
    .replace(/(?<=[a-z])'(?=[a-z])/gu, '')
    .replace(/(?<=[a-z])-(?=[a-z])/gu, ' ')
    .replace(/([a-z])\1+/gu, '$1');
}

export interface KeyedWord extends VocabularyWord {
  key: string;
  /** In code points, so a Chinese character counts once. */
  length: number;
  /**
   * Its length when overlapping words compete, less a Chinese degree word it starts with: 好难过 is
   * 好 + 难过 (sad, very), not 好难 (helpless) + 过.
   */
  weight: number;
}

const DEGREE_LEAD = new RegExp(`^(?:${[...INTENSITY_WORDS.keys()].filter((w) => /^\p{Script=Han}/u.test(w)).join('|')})`, 'u');

export function keyed(words: readonly VocabularyWord[]): KeyedWord[] {
  return words.map((w) => {
    const key = matchKey(w.word);
    const length = Array.from(key).length;
    const lead = DEGREE_LEAD.exec(key)?.[0] ?? '';
    return { ...w, key, length, weight: lead === key ? length : length - Array.from(lead).length };
  });
}

/** A word found in the text: [at, end) in UTF-16 units of the text's key. */
export interface Occurrence {
  word: KeyedWord;
  at: number;
  end: number;
}

const LATIN = /[a-z0-9]/u;

/** Whether `key` at `at` stands on its own: a latin edge must be a word edge too, "mad" is not in "made". */
function isWordEdge(text: string, key: string, at: number): boolean {
  const joinedBefore = LATIN.test(key.charAt(0)) && LATIN.test(text.charAt(at - 1));
  const joinedAfter = LATIN.test(key.charAt(key.length - 1)) && LATIN.test(text.charAt(at + key.length));
  return !joinedBefore && !joinedAfter;
}

/** Words by their first character, so finding them looks only at the words that can start at each place. */
const BY_FIRST = new WeakMap<readonly KeyedWord[], ReadonlyMap<string, readonly KeyedWord[]>>();

function byFirst(words: readonly KeyedWord[]): ReadonlyMap<string, readonly KeyedWord[]> {
  let index = BY_FIRST.get(words);
  if (index === undefined) {
    const map = new Map<string, KeyedWord[]>();
    for (const word of words) {
      const first = word.key.charAt(0);
      const list = map.get(first);
      if (list === undefined) map.set(first, [word]);
      else list.push(word);
    }
    index = map;
    BY_FIRST.set(words, index);
  }
  return index;
}

/** The words in the text, longest (by weight) first and then leftmost, none overlapping another; in text order. */
export function findWords(text: string, words: readonly KeyedWord[]): Occurrence[] {
  const index = byFirst(words);
  const all: Occurrence[] = [];
  for (let at = 0; at < text.length; at++) {
    for (const word of index.get(text.charAt(at)) ?? []) {
      if (text.startsWith(word.key, at) && isWordEdge(text, word.key, at)) all.push({ word, at, end: at + word.key.length });
    }
  }
  all.sort((a, b) => b.word.weight - a.word.weight || a.at - b.at);
  const kept: Occurrence[] = [];
  for (const o of all) if (kept.every((k) => o.end <= k.at || o.at >= k.end)) kept.push(o);
  return kept.sort((a, b) => a.at - b.at);
}

/** AABB reduplication read as its word AB (开开心心 → 开心) where AB is a known word. */
export function undoubled(text: string, known: ReadonlySet<string>): string {
  return text.replace(/(\p{Script=Han})\1(\p{Script=Han})\2/gu, (whole, a: string, b: string) => (known.has(a + b) ? a + b : whole));
}
