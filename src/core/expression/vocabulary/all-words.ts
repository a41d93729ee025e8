// Every word the understanding knows, with the expression it asks for: the lexicon's own words
// (which the fixture text encoder also learns); the chat, slang, idiom, fixed-negation, English and
// emoji tables; and situations, which imply a face less surely than a feeling word.

import { EXPRESSIONS } from '../lexicon.ts';
import { CHAT_ZH } from './chat-zh.ts';
import { EMOJI } from './emoji.ts';
import { ENGLISH } from './english.ts';
import { ENGLISH_SLANG } from './english-slang.ts';
import { IDIOMS_ZH } from './idioms-zh.ts';
import { NEGATED } from './negated.ts';
import { SITUATIONS } from './situations.ts';
import { SLANG_ZH } from './slang-zh.ts';

export interface VocabularyWord {
  word: string;
  expressionId: string;
  /** A situation (加班, exam tomorrow), not a feeling: it weighs less and is not negated. */
  situation?: boolean;
}

export const LEXICON_WORDS: readonly VocabularyWord[] = EXPRESSIONS.flatMap((e) =>
  [...e.words.zh, ...e.words.en].map((word) => ({ word, expressionId: e.id })),
);

type Table = Readonly<Record<string, readonly string[]>>;

const FEELING_TABLES: readonly Table[] = [CHAT_ZH, SLANG_ZH, IDIOMS_ZH, NEGATED, ENGLISH, ENGLISH_SLANG, EMOJI];

const wordsOf = (table: Table, situation: boolean): VocabularyWord[] =>
  Object.entries(table).flatMap(([expressionId, words]) => words.map((word) => (situation ? { word, expressionId, situation } : { word, expressionId })));

export const VOCABULARY: readonly VocabularyWord[] = [...LEXICON_WORDS, ...FEELING_TABLES.flatMap((t) => wordsOf(t, false)), ...wordsOf(SITUATIONS, true)];
