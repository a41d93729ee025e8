// The exact distance transform against brute force: every pixel's squared distance to the nearest
// set pixel, on random sets of several densities and on shapes wider than tall and taller than wide.

import { describe, expect, it } from 'vitest';
import { squaredDistanceToSet } from '../../../../src/core/image/distance-transform.ts';

function bruteForce(set: Uint8Array, width: number): number[] {
  const points: [number, number][] = [];
  for (let i = 0; i < set.length; i++) if (set[i]) points.push([i % width, Math.floor(i / width)]);
  return Array.from({ length: set.length }, (_, i) => {
    const x = i % width;
    const y = Math.floor(i / width);
    return Math.min(...points.map(([px, py]) => (px - x) ** 2 + (py - y) ** 2));
  });
}

/** A deterministic pseudo-random set (a linear congruential generator, so a failure repeats). */
function randomSet(width: number, height: number, density: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: width * height }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 < density ? 1 : 0;
  });
}

describe('squaredDistanceToSet', () => {
  it.each([
    [23, 17, 0.02],
    [17, 23, 0.1],
    [31, 9, 0.5],
    [1, 12, 0.2],
    [12, 1, 0.2],
  ])('equals brute force on a %i×%i set of density %f', (width, height, density) => {
    for (let seed = 1; seed <= 5; seed++) {
      const set = randomSet(width, height, density, seed);
      if (!set.includes(1)) set[seed % set.length] = 1;
      expect(Array.from(squaredDistanceToSet(set, width, height))).toEqual(bruteForce(set, width));
    }
  });

  it('says "far" everywhere for an empty set', () => {
    for (const d of squaredDistanceToSet(new Uint8Array(20), 5, 4)) expect(d).toBeGreaterThanOrEqual(1e20);
  });
});
