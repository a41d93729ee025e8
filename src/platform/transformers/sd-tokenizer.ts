// The CLIP tokenizer Stable Diffusion's text encoder was trained with: byte-level BPE, lower case,
// padded with <|endoftext|> to 77 tokens. transformers.js tokenizes, in the browser and on the
// fallback server alike; the files come verified.

import { AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { serveVerifiedFiles } from './verified-files.ts';

export type Tokenize = (prompt: string) => Int32Array;

export async function loadTokenizer(name: string, files: ReadonlyMap<string, Uint8Array>, sequenceLength: number): Promise<Tokenize> {
  serveVerifiedFiles(files);
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const endOfText = tokenizer.eos_token_id;
  const pad = tokenizer.pad_token_id ?? endOfText;
  if (endOfText === undefined || pad === undefined) throw new Error(`${name}: the tokenizer names no end-of-text token`);
  return (prompt) => {
    // Not transformers.js's truncation, which cuts the end-of-text token off a long prompt:
    // Stable Diffusion's keeps it last, as the text encoder was trained to read it.
    const { input_ids } = tokenizer(prompt) as { input_ids: Tensor };
    const ids = Array.from(input_ids.data as BigInt64Array, (id) => Number(id));
    const kept = ids.length > sequenceLength ? [...ids.slice(0, sequenceLength - 1), endOfText] : ids;
    return Int32Array.from({ length: sequenceLength }, (_, i) => kept[i] ?? pad);
  };
}
