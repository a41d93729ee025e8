import { describe, expect, it } from 'vitest';
import { planPack } from '../../../../src/core/pack/plan-pack.ts';
import { templateById } from '../../../../src/core/templates/index.ts';

describe('planPack', () => {
  it('plans distinct expressions, every fourth a panda, captioned in Chinese', () => {
    const items = planPack(16);
    expect(new Set(items.map((i) => i.expressionId)).size).toBe(16);
    expect(items.filter((i) => i.style === 'panda')).toHaveLength(4);
    expect(items[0]).toEqual({ expressionId: 'laugh', style: 'photo', caption: '大笑' });
    expect(planPack(24)).toHaveLength(24);
    expect(() => planPack(25)).toThrow(RangeError);
  });

  it('puts every fourth sticker, from the second, in a different template of the library', () => {
    const items = planPack(16);
    const templated = items.filter((i) => i.template !== undefined);
    expect(templated.map((i) => items.indexOf(i))).toEqual([1, 5, 9, 13]);
    expect(new Set(templated.map((i) => i.template)).size).toBe(4);
    for (const i of templated) expect(templateById(i.template ?? '')?.slots).toHaveLength(1);
    expect(items.filter((i) => i.style === 'panda' && i.template !== undefined)).toEqual([]);
  });
});
