// Which stickers a pack of n makes from one face: the expressions people send most, in the
// lexicon's order, every fourth one as 熊猫头 and every fourth (from the second) in a template
// from the library, each captioned with its Chinese name.

import type { StickerStyle } from '../sticker-options.ts';
import { expressionById } from '../expression/expression-by-id.ts';

export interface PackItem {
  expressionId: string;
  style: StickerStyle;
  caption: string;
  /** A template id (core/templates), when the sticker uses one. */
  template?: string;
}

const PACK_EXPRESSIONS = [
  'laugh',
  'smile',
  'cry',
  'surprised',
  'angry',
  'speechless',
  'sad',
  'shy',
  'smug',
  'confused',
  'laugh-cry',
  'aggrieved',
  'awkward',
  'helpless',
  'sleepy',
  'kiss',
  'wink',
  'doge',
  'smitten',
  'excited',
  'scared',
  'thinking',
  'dizzy',
  'wail',
] as const;

/** Single-face templates whose art suits any expression, taken in turn. */
const PACK_TEMPLATES = ['reaction-shock', 'animal-cat', 'work-overtime', 'reaction-speechless', 'animal-bunny', 'work-coffee'] as const;

export function planPack(count: number): PackItem[] {
  if (count < 1 || count > PACK_EXPRESSIONS.length) throw new RangeError(`a pack has 1 to ${PACK_EXPRESSIONS.length} stickers, not ${count}`);
  return PACK_EXPRESSIONS.slice(0, count).map((id, i) => {
    const item: PackItem = { expressionId: id, style: i % 4 === 3 ? 'panda' : 'photo', caption: expressionById(id).zh };
    const template = i % 4 === 1 ? PACK_TEMPLATES[((i - 1) / 4) % PACK_TEMPLATES.length] : undefined;
    return template === undefined ? item : { ...item, template };
  });
}
