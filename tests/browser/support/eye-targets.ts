// The sticker layout's promise, checked on a fresh landmarker run: one face, its irises within 3 %
// of the sticker's side of where the layout puts them.

import { expect } from 'vitest';
import { EYE_TARGETS, STICKER_SIZE } from '../../../src/core/sticker-layout.ts';
import { LEFT_IRIS_CENTER, RIGHT_IRIS_CENTER } from '../../../src/core/face/landmarks.ts';
import type { Measured } from './harness.ts';

export function expectEyesOnTargets(measured: Measured): void {
  expect(measured.faces).toHaveLength(1);
  const face = measured.faces[0]!;
  const tolerance = 0.03 * STICKER_SIZE; // ~15 px: two landmark runs on a resampled image
  const right = face.points[RIGHT_IRIS_CENTER]!;
  const left = face.points[LEFT_IRIS_CENTER]!;
  expect(Math.abs(right.x - EYE_TARGETS[0].x * STICKER_SIZE)).toBeLessThan(tolerance);
  expect(Math.abs(right.y - EYE_TARGETS[0].y * STICKER_SIZE)).toBeLessThan(tolerance);
  expect(Math.abs(left.x - EYE_TARGETS[1].x * STICKER_SIZE)).toBeLessThan(tolerance);
  expect(Math.abs(left.y - EYE_TARGETS[1].y * STICKER_SIZE)).toBeLessThan(tolerance);
}
