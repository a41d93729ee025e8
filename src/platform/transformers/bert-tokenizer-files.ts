// The tokenizer.json and tokenizer_config.json transformers.js reads for a BERT WordPiece tokenizer,
// made from its vocab.txt alone: Chinese-CLIP publishes only the vocabulary (OFA-Sys/Chinese-CLIP),
// so the build derives these (scripts/derived-models.ts) and pins them by SHA-256. The same bytes on
// every machine: fixed key order, no dates. Pure, so a worker can derive them too when the app's
// own folder lacks them and the model store hands it the vocabulary instead (ModelEntry.derivedFrom).

import type { ModelEntry } from '../../core/models/manifest.ts';
import { Sha256 } from '../../core/models/sha256-stream.ts';

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Chinese-CLIP's text context (cn_clip's context_length): its text tower was trained on 52 tokens. */
const CONTEXT_TOKENS = 52;

function vocabularyOf(vocabTxt: Uint8Array): Map<string, number> {
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(vocabTxt).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const vocabulary = new Map<string, number>();
  lines.forEach((token, id) => {
    if (vocabulary.has(token)) throw new Error(`vocab.txt lists "${token}" twice`);
    vocabulary.set(token, id);
  });
  for (const token of SPECIAL_TOKENS) if (!vocabulary.has(token)) throw new Error(`vocab.txt has no ${token}`);
  return vocabulary;
}

function idOf(vocabulary: ReadonlyMap<string, number>, token: string): number {
  const id = vocabulary.get(token);
  if (id === undefined) throw new Error(`vocab.txt has no ${token}`);
  return id;
}

/** As Hugging Face's BertTokenizerFast writes it: [CLS] text [SEP], lower case, CJK characters split. */
export function bertTokenizerJson(vocabTxt: Uint8Array): Uint8Array {
  const vocabulary = vocabularyOf(vocabTxt);
  const special = (token: string) => ({ id: token, ids: [idOf(vocabulary, token)], tokens: [token] });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(vocabulary, content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary),
    },
  };
  return new TextEncoder().encode(JSON.stringify(json));
}

export function bertTokenizerConfigJson(): Uint8Array {
  const config = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    model_max_length: CONTEXT_TOKENS,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };
  return new TextEncoder().encode(JSON.stringify(config));
}

/** The manifest's files derived from chinese-clip-vocab, by id: the build makes them, and so may a worker. */
export const TOKENIZER_DERIVATIONS: Readonly<Record<string, (vocabTxt: Uint8Array) => Uint8Array>> = {
  'chinese-clip-tokenizer': bertTokenizerJson,
  'chinese-clip-tokenizer-config': bertTokenizerConfigJson,
};

/**
 * The model store hands over the file a derived one comes from when the app's folder lacks it; a
 * tokenizer file is then made here, the same bytes the build would have served.
 */
export function derivedIfOriginal(entry: ModelEntry, bytes: Uint8Array): Uint8Array {
  const derive = TOKENIZER_DERIVATIONS[entry.id];
  if (derive === undefined || new Sha256().update(bytes).digestHex() === entry.sha256) return bytes;
  const derived = derive(bytes);
  const sha = new Sha256().update(derived).digestHex();
  if (sha !== entry.sha256) throw new Error(`${entry.id}: derived with SHA-256 ${sha}, the manifest says ${entry.sha256}`);
  return derived;
}
