// The texts a text encoder compares free text with, per expression: its one-sentence description,
// a CLIP-style caption, and its display names in both languages. An expression scores by its best
// anchor, so a short query ("笑得肚子疼") is not outscored by a long sentence about another face.

import type { Expression } from './action-units.ts';
import { EXPRESSIONS } from './lexicon.ts';

export interface Anchor {
  expressionId: string;
  text: string;
}

export function expressionAnchors(expressions: readonly Expression[] = EXPRESSIONS): Anchor[] {
  return expressions.flatMap((expression) =>
    [expression.description, `a photo of a ${expression.en.toLowerCase()} face`, expression.en, expression.zh].map((text) => ({
      expressionId: expression.id,
      text,
    })),
  );
}
