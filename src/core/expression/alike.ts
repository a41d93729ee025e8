// Expressions that look alike: the cosine between their recipes of action units. It fills the
// alternatives offered beside a guess with faces close to it (大笑 → 憨笑, 微笑), so a near miss is
// one tap away.

import { ACTION_UNITS, type ActionUnit, type Expression, type Recipe } from './action-units.ts';

/** Units that differ in how they are drawn, not in what a face shows: both turn the mouth down. */
const SHOWS_AS: Partial<Record<ActionUnit, ActionUnit>> = { mouthArch: 'frown' };

function shown(recipe: Recipe): Partial<Record<ActionUnit, number>> {
  const out: Partial<Record<ActionUnit, number>> = {};
  for (const unit of ACTION_UNITS) {
    const as = SHOWS_AS[unit] ?? unit;
    out[as] = (out[as] ?? 0) + (recipe[unit] ?? 0);
  }
  return out;
}

function likeness(a: Expression, b: Expression): number {
  const [ra, rb] = [shown(a.recipe), shown(b.recipe)];
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (const unit of ACTION_UNITS) {
    const x = ra[unit] ?? 0;
    const y = rb[unit] ?? 0;
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
