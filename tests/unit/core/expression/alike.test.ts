import { describe, expect, it } from 'vitest';
import { alikeTo } from '../../../../src/core/expression/alike.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';

const nearest = (id: string, n: number) =>
  alikeTo(expressionById(id), EXPRESSIONS)
    .slice(0, n)
    .map((e) => e.id);

describe('expressions that look alike', () => {
  it('counts 难过’s arched mouth as the frown it is drawn for: 难过, 哭 and 委屈 are one another’s nearest', () => {
    expect(nearest('sad', 2).sort()).toEqual(['aggrieved', 'cry']);
    expect(nearest('cry', 1)).toEqual(['sad']);
    expect(nearest('aggrieved', 1)).toEqual(['sad']);
  });
});
