// The manga symbols that make a still sticker's expression readable at chat size: tears, blush,
// a sweat drop, an anger vein, a question mark, Zzz, dizzy spirals, "...", gloom lines. A warped
// face alone is subtle at 120 px; these are what hand-made stickers add. Placed in sticker pixels
// from the eye targets, faded in with the expression's strength (so animation frames ease them too).

import type { Overlay, OverlayKind } from '../animation/motion-frames.ts';
import type { Point } from '../geometry/point.ts';
import type { Expression } from './action-units.ts';

/** Symbols per expression id; expressions not named get none. */
export const MARKS: Readonly<Record<string, readonly OverlayKind[]>> = {
  cry: ['tear'],
  wail: ['tear'],
  'laugh-cry': ['tear'],
  touched: ['tear', 'sparkle'],
  aggrieved: ['tear'],
  'puppy-eyes': ['sparkle'],
  surprised: ['exclaim'],
  horrified: ['gloom', 'exclaim'],
  angry: ['anger'],
  frantic: ['anger', 'sweat'],
  pout: ['anger', 'blush'],
  speechless: ['dots'],
  indifferent: ['dots'],
  sad: ['gloom'],
  'dead-inside': ['gloom'],
  scared: ['gloom', 'sweat'],
  shy: ['blush'],
  smitten: ['blush', 'heart'],
  kiss: ['blush', 'heart'],
  'cute-dumb': ['blush', 'question'],
  awkward: ['sweat'],
  nervous: ['sweat'],
  helpless: ['sweat'],
  tired: ['sweat'],
  sigh: ['dots'],
  confused: ['question'],
  thinking: ['question'],
  sleepy: ['zzz'],
  dizzy: ['spiral'],
  excited: ['sparkle'],
  wink: ['sparkle'],
  cool: ['sparkle'],
  smug: ['sparkle'],
};

export function marksOf(expression: Expression): readonly OverlayKind[] {
  return MARKS[expression.id] ?? [];
}

/** The symbols of `kinds` at full size, faded by `strength` (0..1). */
export function placeMarks(kinds: readonly OverlayKind[], size: number, eyes: readonly [Point, Point], strength: number): Overlay[] {
  const [right, left] = eyes;
  const d = Math.hypot(left.x - right.x, left.y - right.y);
  const mid = { x: (right.x + left.x) / 2, y: (right.y + left.y) / 2 };
  const alpha = Math.max(0, Math.min(1, strength));
  // Symbols in the air sit by a temple, clear of the face: the first by the subject's left (the
  // viewer's right), a second by the other.
  const asides = [
    { x: size * 0.83, y: size * 0.17 },
    { x: size * 0.17, y: size * 0.17 },
  ];
  let used = 0;
  const aside = () => asides[used++ % asides.length] ?? { x: size / 2, y: size * 0.1 };
  return kinds.flatMap((kind): Overlay[] => {
    switch (kind) {
      case 'tear':
        return eyes.map((eye) => ({ kind, x: eye.x + (eye === right ? -0.12 : 0.12) * d, y: eye.y + 0.5 * d, size: 0.2 * d, alpha }));
      case 'blush':
        return eyes.map((eye) => ({ kind, x: eye.x + (eye === right ? -0.08 : 0.08) * d, y: eye.y + 0.62 * d, size: 0.5 * d, alpha: 0.8 * alpha }));
      case 'spiral':
        return eyes.map((eye) => ({ kind, x: eye.x, y: eye.y, size: 0.42 * d, alpha: 0.9 * alpha }));
      case 'gloom':
        return [{ kind, x: mid.x, y: mid.y - 0.7 * d, size: 1.2 * d, alpha: 0.8 * alpha }];
      case 'sweat':
        return [{ kind, ...aside(), size: size * 0.08, alpha }];
      case 'heart':
        return [
          { kind, x: size * 0.15, y: size * 0.2, size: size * 0.09, alpha },
          { kind, x: size * 0.85, y: size * 0.13, size: size * 0.07, alpha },
        ];
      case 'sparkle':
        return [
          { kind, x: size * 0.14, y: size * 0.18, size: size * 0.08, alpha },
          { kind, x: size * 0.86, y: size * 0.3, size: size * 0.06, alpha },
        ];
      default:
        return [{ kind, ...aside(), size: size * 0.16, alpha }];
    }
  });
}
