// Free text → expression by meaning: the cosine similarity between the text's embedding and each
// expression's anchor embeddings (see anchors.ts), best anchor per expression, best first.

export interface AnchorEmbedding {
  expressionId: string;
  embedding: Float32Array;
}

export interface RankedExpression {
  expressionId: string;
  /** Cosine similarity of the best anchor, −1..1. */
  similarity: number;
}

export function unitLength(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const length = Math.sqrt(sum);
  if (!(length > 0)) throw new Error('cannot compare a zero or non-finite embedding');
  return vector.map((value) => value / length);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embedding sizes differ: ${a.length} and ${b.length}`);
  const ua = unitLength(a);
  const ub = unitLength(b);
  let dot = 0;
  for (let i = 0; i < ua.length; i++) dot += (ua[i] ?? 0) * (ub[i] ?? 0);
  return dot;
}

export function rankExpressions(query: Float32Array, anchors: readonly AnchorEmbedding[]): RankedExpression[] {
  const best = new Map<string, number>();
  for (const anchor of anchors) {
    const similarity = cosine(query, anchor.embedding);
    if (similarity > (best.get(anchor.expressionId) ?? -Infinity)) best.set(anchor.expressionId, similarity);
  }
  return [...best].map(([expressionId, similarity]) => ({ expressionId, similarity })).sort((a, b) => b.similarity - a.similarity);
}
