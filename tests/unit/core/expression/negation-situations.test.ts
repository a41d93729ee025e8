import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/core/expression/understand.ts';

const idOf = (text: string) => {
  const u = understand(text);
  return u.kind === 'understood' ? u.expression.id : '';
};

describe('negation, the fuller model', () => {
  it('reads Chinese negations of every strength, softened or not', () => {
    expect(idOf('我再也不难过了')).toBe('smile');
    expect(idOf('根本不困')).toBe('smile');
    expect(idOf('毫不害怕')).toBe('determined');
    expect(idOf('并不紧张')).toBe('cool');
  });

  it('reads English negations with words between, stretched letters and no apostrophe', () => {
    expect(idOf('no longer scared')).toBe('determined');
    expect(idOf("I don't feel like laughing")).toBe('sad');
    expect(idOf('not really angry')).toBe('smile');
    expect(idOf('im not sooo nervous')).toBe('cool');
  });

  it('gives amusement its unamused face, a denial its pout, and a question no negation', () => {
    expect(idOf('这个段子不好笑')).toBe('speechless');
    expect(idOf('我才不会哭呢')).toBe('pout');
    expect(idOf('你是不是很生气')).toBe('angry');
  });

  it('knows fixed phrases whose 不 is not a negated feeling', () => {
    expect(idOf('这题我想不通')).toBe('confused');
    expect(idOf('昨晚又睡不着')).toBe('tired');
    expect(idOf('真是不得了')).toBe('surprised');
  });
});

describe('situations', () => {
  it('imply a face when no feeling is named', () => {
    expect(idOf('下午三点还有个面试')).toBe('nervous');
    expect(idOf('今晚加班到十点')).toBe('tired');
    expect(idOf('car crash on the highway')).toBe('horrified');
    expect(idOf('payday finally')).toBe('excited');
  });

  it('are outvoted by a feeling word in the same sentence', () => {
    expect(idOf('明天面试但是好开心')).toBe('laugh');
    expect(idOf('exam today but I am cool')).toBe('cool');
  });
});
