// Expressions that look alike: the cosine between their recipes of action units. It fills the
// alternatives offered beside a guess with faces close to it (大笑 → 憨笑, 微笑), so a near miss is
// one tap away.

import { ACTION_UNITS, type Expression } from './action-units.ts';

function likeness(a: Expression, b: Expression): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (const unit of ACTION_UNITS) {
    const x = a.recipe[unit] ?? 0;
    const y = b.recipe[unit] ?? 0;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

/** The other expressions, the most alike first. */
export function alikeTo(expression: Expression, all: readonly Expression[]): Expression[] {
  return all
    .filter((e) => e.id !== expression.id)
    .map((e) => ({ e, score: likeness(expression, e) }))
    .sort((a, b) => b.score - a.score)
    .map(({ e }) => e);
}
