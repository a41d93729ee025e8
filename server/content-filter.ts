// The prompt filter: a word list (zh and en, content/sensitive-words.txt) matched after
// normalising both sides, so spacing, punctuation, full-width letters and case do not get a word
// past it. A rejected prompt is answered with CONTENT_REJECTED and never reaches the model.

import { readFileSync } from 'node:fs';

/** NFKC folds full-width forms to ASCII; then everything that is not a letter, mark or digit goes. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

export interface ContentFilter {
  /** The list entry the text contains, or null when it is clean. */
  match(text: string): string | null;
}

export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(normalise)
    .filter((word) => word !== '');
}

export function createContentFilter(words: readonly string[]): ContentFilter {
  return {
    match(text) {
      const key = normalise(text);
      return words.find((word) => key.includes(word)) ?? null;
    },
  };
}

export function loadContentFilter(file: string): ContentFilter {
  return createContentFilter(parseWordList(readFileSync(file, 'utf8')));
}
