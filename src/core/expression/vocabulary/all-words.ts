// Every word the understanding knows, with the expression it asks for: the lexicon's own words
// (which the fixture text encoder also learns) and the chat, idiom, English and emoji tables.

import { EXPRESSIONS } from '../lexicon.ts';
import { CHAT_ZH } from './chat-zh.ts';
import { EMOJI } from './emoji.ts';
import { ENGLISH } from './english.ts';
import { IDIOMS_ZH } from './idioms-zh.ts';

export interface VocabularyWord {
  word: string;
  expressionId: string;
}

export const LEXICON_WORDS: readonly VocabularyWord[] = EXPRESSIONS.flatMap((e) =>
  [...e.words.zh, ...e.words.en].map((word) => ({ word, expressionId: e.id })),
);

const TABLES = [CHAT_ZH, IDIOMS_ZH, ENGLISH, EMOJI];

export const VOCABULARY: readonly VocabularyWord[] = [
  ...LEXICON_WORDS,
  ...TABLES.flatMap((table) => Object.entries(table).flatMap(([expressionId, words]) => words.map((word) => ({ word, expressionId })))),
];
