// The WordPiece tokenizer files derived from Chinese-CLIP's vocab.txt: pinned bytes, read by
// transformers.js as BERT tokenises (lower case, one token per Han character, [CLS] … [SEP]), and
// made again in the worker when the model store hands over the vocabulary instead.

import { AutoTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { modelEntry } from '../../../src/core/models/manifest.ts';
import { bertTokenizerJson, derivedIfOriginal } from '../../../src/platform/transformers/bert-tokenizer-files.ts';
import { serveVerifiedFiles } from '../../../src/platform/transformers/verified-files.ts';
import { checkedBytes } from '../support/fixture-text-encoder.ts';

const vocab = checkedBytes('chinese-clip-vocab');
const lines = new TextDecoder().decode(vocab).split('\n');
const idOf = (token: string) => lines.indexOf(token);

describe('Chinese-CLIP tokenizer files', () => {
  it('are derived to the manifest’s SHA-256, the same bytes each time', () => {
    expect(checkedBytes('chinese-clip-tokenizer')).toEqual(bertTokenizerJson(vocab));
    expect(checkedBytes('chinese-clip-tokenizer-config').length).toBe(modelEntry('chinese-clip-tokenizer-config').bytes);
  });

  it('tokenise as BERT: [CLS], a token per Han character, lower-case English, [SEP]', async () => {
    serveVerifiedFiles(
      new Map([
        ['tokenizer.json', checkedBytes('chinese-clip-tokenizer')],
        ['tokenizer_config.json', checkedBytes('chinese-clip-tokenizer-config')],
      ]),
    );
    const tokenizer = await AutoTokenizer.from_pretrained('chinese-clip-tokenizer-test');
    const ids = (text: string) => Array.from((tokenizer(text) as { input_ids: { data: BigInt64Array } }).input_ids.data, Number);
    expect(ids('笑得肚子疼')).toEqual(['[CLS]', '笑', '得', '肚', '子', '疼', '[SEP]'].map(idOf));
    expect(ids('SO happy')).toEqual(['[CLS]', 'so', 'happy', '[SEP]'].map(idOf));
    expect(idOf('happy')).toBeGreaterThan(0);
  });

  it('are made from the vocabulary when that is what the model store returned', () => {
    const entry = modelEntry('chinese-clip-tokenizer');
    const pinned = checkedBytes('chinese-clip-tokenizer');
    expect(derivedIfOriginal(entry, vocab)).toEqual(pinned);
    expect(derivedIfOriginal(entry, pinned)).toBe(pinned);
    expect(() => derivedIfOriginal(entry, new TextEncoder().encode('[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n'))).toThrow(/manifest says/);
  });

  it('refuse a vocabulary without the special tokens or with a token twice', () => {
    expect(() => bertTokenizerJson(new TextEncoder().encode('[PAD]\n[CLS]\n[SEP]\n[MASK]\n'))).toThrow(/no \[UNK\]/);
    expect(() => bertTokenizerJson(new TextEncoder().encode('[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\na\na\n'))).toThrow(/twice/);
  });
});
