import { describe, expect, it } from 'vitest';
import { buildWarpMesh, isFoldFree, targetPoint } from '../../../../src/core/warp/warp-mesh.ts';
import { mouthOpening } from '../../../../src/core/warp/mouth-opening.ts';
import { REAL_FACE, REAL_SIZE } from '../../support/real-face.ts';

const still = REAL_FACE.map(() => ({ x: 0, y: 0 }));

describe('warp mesh', () => {
  it('with no motion every vertex stays where it samples: the identity warp', () => {
    const mesh = buildWarpMesh(REAL_FACE, still, REAL_SIZE.width, REAL_SIZE.height);
    expect(Array.from(mesh.target)).toEqual(Array.from(mesh.source));
    expect(mesh.scale).toBe(1);
    expect(mesh.triangles.length % 3).toBe(0);
    expect(mesh.triangles.length / 3).toBeGreaterThan(800);
  });

  it('covers every landmark and a fixed ring beyond the face', () => {
    const mesh = buildWarpMesh(REAL_FACE, still, REAL_SIZE.width, REAL_SIZE.height);
    const used = new Set(mesh.triangles);
    expect(mesh.source.length / 2).toBeGreaterThan(REAL_FACE.length);
    for (let i = 0; i < REAL_FACE.length; i++) expect(used.has(i), `landmark ${i}`).toBe(true);
  });

  it('a motion that would turn triangles over is eased until none fold', () => {
    // Push the chin up through the mouth: folds at full strength.
    const moves = REAL_FACE.map((_, i) => (i === 152 ? { x: 0, y: -200 } : { x: 0, y: 0 }));
    const mesh = buildWarpMesh(REAL_FACE, moves, REAL_SIZE.width, REAL_SIZE.height);
    expect(mesh.scale).toBeLessThan(1);
    expect(mesh.scale).toBeGreaterThan(0);
    expect(isFoldFree(mesh.source, mesh.target, mesh.triangles)).toBe(true);
    expect(targetPoint(mesh, 152).y).toBeCloseTo(REAL_FACE[152]!.y - 200 * mesh.scale, 3);
  });

  it('a fold holds back the motion near it, not motion elsewhere on the face', () => {
    // The chin pushed up through the mouth folds; a brow raised at the same time is far from it.
    const moves = REAL_FACE.map((_, i) => (i === 152 ? { x: 0, y: -200 } : i === 105 ? { x: 0, y: -6 } : { x: 0, y: 0 }));
    const mesh = buildWarpMesh(REAL_FACE, moves, REAL_SIZE.width, REAL_SIZE.height);
    expect(isFoldFree(mesh.source, mesh.target, mesh.triangles)).toBe(true);
    expect(REAL_FACE[152]!.y - targetPoint(mesh, 152).y).toBeLessThan(200);
    expect(targetPoint(mesh, 105).y).toBeCloseTo(REAL_FACE[105]!.y - 6, 3);
  });

  it('isFoldFree notices a single flipped triangle', () => {
    const source = new Float32Array([0, 0, 10, 0, 0, 10]);
    const triangles = new Uint32Array([0, 1, 2]);
    expect(isFoldFree(source, source, triangles)).toBe(true);
    expect(isFoldFree(source, new Float32Array([0, 0, 10, 0, 0, -10]), triangles)).toBe(false);
    // Collapsing to under 1% of the area counts as folding too.
    expect(isFoldFree(source, new Float32Array([0, 0, 10, 0, 0, 0.05]), triangles)).toBe(false);
  });

  it('slivers thinner than the given thickness may fold: they cover no visible texture', () => {
    // 20 px long, 1 px thick; its apex pushed 2 px through its base.
    const source = new Float32Array([0, 0, 20, 0, 10, 1]);
    const target = new Float32Array([0, 0, 20, 0, 10, -1]);
    const triangles = new Uint32Array([0, 1, 2]);
    expect(isFoldFree(source, target, triangles)).toBe(false);
    expect(isFoldFree(source, target, triangles, 1.5)).toBe(true);
    expect(isFoldFree(source, target, triangles, 0.5)).toBe(false);
  });

  it('a closed mouth needs no painting', () => {
    const mesh = buildWarpMesh(REAL_FACE, still, REAL_SIZE.width, REAL_SIZE.height);
    expect(mouthOpening(mesh)).toBeNull();
  });
});
