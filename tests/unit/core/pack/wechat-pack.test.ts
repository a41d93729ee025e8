import { describe, expect, it } from 'vitest';
import { checkWechatPack, wechatNames, type PackFile, type WechatPackFiles } from '../../../../src/core/pack/wechat-pack.ts';

const gif = (i: number, over: Partial<PackFile> = {}): PackFile => ({
  name: wechatNames.main(i),
  format: 'gif',
  width: 240,
  height: 240,
  bytes: 90_000,
  frames: 1,
  ...over,
});
const png = (name: string, side: number, height = side): PackFile => ({ name, format: 'png', width: side, height, bytes: 20_000 });

function pack(n: number, main: (i: number) => PackFile = (i) => gif(i)): WechatPackFiles {
  return {
    main: Array.from({ length: n }, (_, i) => main(i)),
    thumbs: Array.from({ length: n }, (_, i) => png(wechatNames.thumb(i), 120)),
    cover: png(wechatNames.cover, 240),
    banner: png(wechatNames.banner, 750, 400),
    icon: png(wechatNames.icon, 50),
  };
}

describe('checkWechatPack', () => {
  it('passes a pack of 8, 16 or 24 within the rules', () => {
    for (const n of [8, 16, 24]) expect(checkWechatPack(pack(n))).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(checkWechatPack(pack(10)).map((p) => p.kind)).toContain('count');
    expect(checkWechatPack(pack(8, (i) => gif(i, { bytes: 600 * 1024 })))).toHaveLength(8);
    expect(checkWechatPack(pack(8, (i) => gif(i, { frames: i === 0 ? 12 : 1 }))).map((p) => p.kind)).toEqual(['mixed']);
    expect(checkWechatPack(pack(8, (i) => gif(i, { width: 200, height: 200 })))[0]).toMatchObject({ kind: 'size', file: 'main/01.gif' });
    const badIcon = { ...pack(8), icon: { ...png(wechatNames.icon, 50), bytes: 200 * 1024 } };
    expect(checkWechatPack(badIcon)).toEqual([{ file: 'icon.png', kind: 'bytes', detail: '200 KB, limit 100 KB' }]);
    const pngMain = pack(8, (i) => ({ ...gif(i), format: 'png' }));
    expect(checkWechatPack(pngMain).every((p) => p.kind === 'format')).toBe(true);
  });
});
