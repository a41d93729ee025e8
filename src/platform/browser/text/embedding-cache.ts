// Text embeddings kept in IndexedDB, keyed by the encoder and its weights' SHA-256 so new weights
// never meet old vectors: the anchor table (computed once per encoder) and each free text a user
// has typed (so a repeated "笑得肚子疼" costs no inference). A failing IndexedDB only costs time.

import { get, set } from 'idb-keyval';

export function embeddingScope(encoderId: string, weightsSha256: string): string {
  return `${encoderId}@${weightsSha256}`;
}

export async function cachedEmbeddings(scope: string, texts: readonly string[]): Promise<Float32Array[] | undefined> {
  try {
    const stored: unknown = await get(`embeddings:${scope}`);
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { keys, vectors } = stored as { keys?: unknown; vectors?: unknown };
    if (!Array.isArray(keys) || !Array.isArray(vectors) || keys.join('\u0000') !== texts.join('\u0000')) return undefined;
    return vectors.every((v) => v instanceof Float32Array) ? (vectors as Float32Array[]) : undefined;
  } catch {
    return undefined;
  }
}

export async function storeEmbeddings(scope: string, texts: readonly string[], vectors: readonly Float32Array[]): Promise<void> {
  await set(`embeddings:${scope}`, { keys: [...texts], vectors: [...vectors] }).catch(() => undefined);
}

export async function cachedQuery(scope: string, text: string): Promise<Float32Array | undefined> {
  try {
    const stored: unknown = await get(`query:${scope}:${text}`);
    return stored instanceof Float32Array ? stored : undefined;
  } catch {
    return undefined;
  }
}

export async function storeQuery(scope: string, text: string, vector: Float32Array): Promise<void> {
  await set(`query:${scope}:${text}`, vector).catch(() => undefined);
}
