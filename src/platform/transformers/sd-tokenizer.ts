// The CLIP tokenizer Stable Diffusion's text encoder was trained with: byte-level BPE, lower case,
// padded with <|endoftext|> to 77 tokens. transformers.js tokenizes, in the browser and on the
// fallback server alike; the files come verified.

import { AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { serveVerifiedFiles } from './verified-files.ts';

export type Tokenize = (prompt: string) => Int32Array;

export async function loadTokenizer(name: string, files: ReadonlyMap<string, Uint8Array>, sequenceLength: number): Promise<Tokenize> {
  serveVerifiedFiles(files);
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  return (prompt) => {
    const { input_ids } = tokenizer(prompt, { padding: 'max_length', max_length: sequenceLength, truncation: true }) as { input_ids: Tensor };
    const ids = input_ids.data as BigInt64Array;
    return Int32Array.from(ids, (id) => Number(id));
  };
}
