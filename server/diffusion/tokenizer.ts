// The CLIP tokenizer in Node: transformers.js reads exactly the verified files handed to it through
// its custom cache and may fetch nothing, as in the browser (src/platform/browser/sd-tokenizer.ts).

import { AutoTokenizer, env, type Tensor } from '@huggingface/transformers';

export type Tokenize = (prompt: string) => Int32Array;

export async function loadTokenizer(name: string, files: ReadonlyMap<string, Uint8Array>, sequenceLength: number): Promise<Tokenize> {
  const byRequest = [...files].map(([file, bytes]) => ({ suffix: `/${file}`, bytes }));
  env.allowRemoteModels = false;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.customCache = {
    match: async (request: string) => {
      const file = byRequest.find((f) => request.endsWith(f.suffix));
      return file === undefined ? undefined : new Response(file.bytes.slice());
    },
    put: async () => undefined,
  };
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  return (prompt) => {
    const { input_ids } = tokenizer(prompt, { padding: 'max_length', max_length: sequenceLength, truncation: true }) as { input_ids: Tensor };
    return Int32Array.from(input_ids.data as BigInt64Array, (id) => Number(id));
  };
}
