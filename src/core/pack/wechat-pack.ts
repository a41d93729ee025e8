// A sticker pack laid out for the WeChat sticker platform (docs/product-facts.md): 8, 16 or 24
// main images, all static or all animated, 240×240 GIF ≤ 500 KB each; a 120×120 PNG thumbnail
// (≤ 200 KB) per sticker; a 240×240 PNG cover, a 750×400 PNG banner and a 50×50 PNG chat icon
// (≤ 100 KB). Every file is checked against these rules before the ZIP is offered.

export const WECHAT_PACK_SIZES = [8, 16, 24] as const;
const KB = 1024;

export interface PackFile {
  /** Path inside the ZIP. */
  name: string;
  format: 'gif' | 'png';
  width: number;
  height: number;
  bytes: number;
  /** GIF only: frames. */
  frames?: number;
}

export interface PackRule {
  format: 'gif' | 'png';
  width: number;
  height: number;
  maxBytes: number | null;
}

export const WECHAT_RULES = {
  main: { format: 'gif', width: 240, height: 240, maxBytes: 500 * KB },
  thumb: { format: 'png', width: 120, height: 120, maxBytes: 200 * KB },
  cover: { format: 'png', width: 240, height: 240, maxBytes: null },
  banner: { format: 'png', width: 750, height: 400, maxBytes: null },
  icon: { format: 'png', width: 50, height: 50, maxBytes: 100 * KB },
} as const satisfies Record<string, PackRule>;

/** File names: numbered main images and thumbnails (01…24), then the pack's own images. */
export const wechatNames = {
  main: (i: number) => `main/${String(i + 1).padStart(2, '0')}.gif`,
  thumb: (i: number) => `thumb/${String(i + 1).padStart(2, '0')}.png`,
  cover: 'cover.png',
  banner: 'banner.png',
  icon: 'icon.png',
} as const;

export interface PackProblem {
  file: string;
  /** What is wrong, in the rule's terms (the UI words it). */
  kind: 'count' | 'format' | 'size' | 'bytes' | 'mixed';
  detail: string;
}

function check(file: PackFile, rule: PackRule): PackProblem[] {
  const problems: PackProblem[] = [];
  if (file.format !== rule.format) problems.push({ file: file.name, kind: 'format', detail: `${file.format}, needs ${rule.format}` });
  if (file.width !== rule.width || file.height !== rule.height) {
    problems.push({ file: file.name, kind: 'size', detail: `${file.width}×${file.height}, needs ${rule.width}×${rule.height}` });
  }
  if (rule.maxBytes !== null && file.bytes > rule.maxBytes) {
    problems.push({ file: file.name, kind: 'bytes', detail: `${Math.ceil(file.bytes / KB)} KB, limit ${rule.maxBytes / KB} KB` });
  }
  return problems;
}

export interface WechatPackFiles {
  main: PackFile[];
  thumbs: PackFile[];
  cover: PackFile;
  banner: PackFile;
  icon: PackFile;
}

export function checkWechatPack(pack: WechatPackFiles): PackProblem[] {
  const problems: PackProblem[] = [];
  if (!(WECHAT_PACK_SIZES as readonly number[]).includes(pack.main.length)) {
    problems.push({ file: 'main/', kind: 'count', detail: `${pack.main.length} stickers, needs 8, 16 or 24` });
  }
  if (pack.thumbs.length !== pack.main.length) {
    problems.push({ file: 'thumb/', kind: 'count', detail: `${pack.thumbs.length} thumbnails for ${pack.main.length} stickers` });
  }
  const animated = pack.main.map((f) => (f.frames ?? 1) > 1);
  if (animated.some((a) => a) && animated.some((a) => !a)) {
    problems.push({ file: 'main/', kind: 'mixed', detail: 'static and animated stickers mixed; the platform takes all of one kind' });
  }
  for (const f of pack.main) problems.push(...check(f, WECHAT_RULES.main));
  for (const f of pack.thumbs) problems.push(...check(f, WECHAT_RULES.thumb));
  problems.push(...check(pack.cover, WECHAT_RULES.cover), ...check(pack.banner, WECHAT_RULES.banner), ...check(pack.icon, WECHAT_RULES.icon));
  return problems;
}
