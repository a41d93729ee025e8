// Accuracy of the offline understanding on a phrase set in tests/data/phrases/: a phrase is right
// when the best guess is one of the expressions it accepts. Shared by the unit test and the bench.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { understand } from '../../src/core/expression/understand.ts';

export const PHRASES_DIR = path.resolve(import.meta.dirname, '../data/phrases');

export interface Phrase {
  text: string;
  /** Expression ids that would be right, best first. */
  accept: string[];
  kind: string;
}

export interface Accuracy {
  phrases: number;
  accuracy: number;
  byKind: Record<string, { phrases: number; accuracy: number }>;
}

/** The phrase sets present, by file name. */
export function phraseFiles(): string[] {
  return readdirSync(PHRASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readPhrases(file: string): Phrase[] {
  return JSON.parse(readFileSync(path.join(PHRASES_DIR, file), 'utf8')) as Phrase[];
}

export function isRight(phrase: Phrase): boolean {
  const u = understand(phrase.text);
  return u.kind === 'understood' && phrase.accept.includes(u.expression.id);
}

const share = (right: number, all: number) => Math.round((1000 * right) / all) / 1000;

export function accuracy(phrases: readonly Phrase[]): Accuracy {
  const kinds = new Map<string, { right: number; all: number }>();
  for (const p of phrases) {
    const k = kinds.get(p.kind) ?? { right: 0, all: 0 };
    k.all++;
    if (isRight(p)) k.right++;
    kinds.set(p.kind, k);
  }
  const right = [...kinds.values()].reduce((sum, k) => sum + k.right, 0);
  return {
    phrases: phrases.length,
    accuracy: share(right, phrases.length),
    byKind: Object.fromEntries([...kinds].map(([kind, k]) => [kind, { phrases: k.all, accuracy: share(k.right, k.all) }])),
  };
}
