// An expression by its id, apart from the word understanding: the sticker worker and the pack plan
// name expressions by id and need none of the 7,400-word vocabulary understand.ts reads.

import type { Expression } from './action-units.ts';
import { EXPRESSIONS } from './lexicon.ts';

const BY_ID: ReadonlyMap<string, Expression> = new Map(EXPRESSIONS.map((e) => [e.id, e]));

export function expressionById(id: string): Expression {
  const expression = BY_ID.get(id);
  if (expression === undefined) throw new Error(`Unknown expression id "${id}"`);
  return expression;
}
