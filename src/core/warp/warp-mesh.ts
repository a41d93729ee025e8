// The piecewise-affine warp: a Delaunay triangulation of the face landmarks plus a fixed ring
// around the face. Each triangle is drawn from its source corners to its target corners; the ring
// and everything outside it stay where they are, so the background is never distorted.

import Delaunator from 'delaunator';
import { mean, type Point } from '../geometry/point.ts';
import { faceOval, interocularDistance, type FaceLandmarks } from '../face/landmarks.ts';
import * as R from '../face/regions.ts';

export interface WarpMesh {
  width: number;
  height: number;
  /** x, y pairs in image pixels: where each vertex samples the photo. */
  source: Float32Array;
  /** x, y pairs in image pixels: where each vertex is drawn. */
  target: Float32Array;
  /** Three vertex indices per triangle. */
  triangles: Uint32Array;
  /** The share of the requested motion applied, weighted by motion (below 1 where more would fold the mesh). */
  scale: number;
}

/** Ring size around the face oval's centre: past the hair and under the chin's widest drop. */
const RING_SCALE = 1.7;
const RING_POINTS = 24;
/** A triangle may shrink (closing eyelids) but not below this share of its area, nor turn over. */
const MIN_AREA_RATIO = 0.01;
/**
 * Slivers thinner than this share of the eye distance (across their longest side) cover no visible
 * texture, and a fold of one overlaps the skin beside it by less than that: their folds are
 * ignored. Under each mouth corner lies one 0.018 thick; a frown turns it over, which stopped
 * 难过 at three quarters of its strength.
 */
const MIN_CHECKED_THICKNESS = 0.025;

function ring(face: FaceLandmarks): Point[] {
  const oval = faceOval(face);
  const c = mean(oval);
  const radius = Math.max(...oval.map((p) => Math.hypot(p.x - c.x, p.y - c.y))) * RING_SCALE;
  return Array.from({ length: RING_POINTS }, (_, i) => {
    const a = (2 * Math.PI * i) / RING_POINTS;
    return { x: c.x + radius * Math.cos(a), y: c.y + radius * Math.sin(a) };
  });
}

function longestSide(v: Float32Array, a: number, b: number, c: number): number {
  const side = (p: number, q: number) => Math.hypot((v[2 * p] ?? 0) - (v[2 * q] ?? 0), (v[2 * p + 1] ?? 0) - (v[2 * q + 1] ?? 0));
  return Math.max(side(a, b), side(b, c), side(c, a));
}

function signedArea(v: Float32Array, a: number, b: number, c: number): number {
  const ax = v[2 * a] ?? 0;
  const ay = v[2 * a + 1] ?? 0;
  return ((v[2 * b] ?? 0) - ax) * ((v[2 * c + 1] ?? 0) - ay) - ((v[2 * c] ?? 0) - ax) * ((v[2 * b + 1] ?? 0) - ay);
}

/**
 * The openings: triangles whose corners all lie on the inner lip line, or all on one eye's lids and
 * iris, span the mouth or an eye, not skin. They may open from nothing or close to nothing.
 */
const OPENINGS: ReadonlySet<number>[] = [
  new Set(R.INNER_LIP_LOOP),
  new Set([...R.RIGHT_EYE_UPPER_LID, ...R.RIGHT_EYE_LOWER_LID, ...R.RIGHT_EYE_CORNERS, ...R.RIGHT_IRIS]),
  new Set([...R.LEFT_EYE_UPPER_LID, ...R.LEFT_EYE_LOWER_LID, ...R.LEFT_EYE_CORNERS, ...R.LEFT_IRIS]),
];

function spansOpening(a: number, b: number, c: number): boolean {
  return OPENINGS.some((set) => set.has(a) && set.has(b) && set.has(c));
}

/** Triangles (by their first index in `triangles`) that turn over or shrink below MIN_AREA_RATIO, skipping slivers thinner than `minThickness`. */
function foldedTriangles(source: Float32Array, target: Float32Array, triangles: Uint32Array, minThickness: number): number[] {
  const folded: number[] = [];
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t] ?? 0;
    const b = triangles[t + 1] ?? 0;
    const c = triangles[t + 2] ?? 0;
    if (spansOpening(a, b, c)) continue;
    const before = signedArea(source, a, b, c);
    const after = signedArea(target, a, b, c);
    // |signed area| is twice the area: over the longest side it is twice the thickness.
    if (Math.abs(before) < 2 * minThickness * longestSide(source, a, b, c)) continue;
    if (after / before < MIN_AREA_RATIO) folded.push(t);
  }
  return folded;
}

/**
 * True when every skin triangle at least `minThickness` pixels thick keeps its orientation and at
 * least MIN_AREA_RATIO of its area.
 */
export function isFoldFree(source: Float32Array, target: Float32Array, triangles: Uint32Array, minThickness = 0): boolean {
  return foldedTriangles(source, target, triangles, minThickness).length === 0;
}

function displaced(source: Float32Array, moves: readonly Point[], weights: Float32Array, scale: number): Float32Array {
  const target = new Float32Array(source);
  moves.forEach((d, i) => {
    const k = (weights[i] ?? 1) * scale;
    target[2 * i] = (source[2 * i] ?? 0) + d.x * k;
    target[2 * i + 1] = (source[2 * i + 1] ?? 0) + d.y * k;
  });
  return target;
}

/** Each easing step takes this share off the motion at a fold, fading with distance from it. */
const EASE_STEP = 0.2;
/** How far an easing step reaches from the fold, in eye distances. */
const EASE_SIGMA = 0.12;
const MAX_EASE_STEPS = 40;

/**
 * Per-landmark share of the motion: where a triangle folds, the motion around it is eased step by
 * step (a smooth dip centred on the fold), so a fold at one mouth corner holds back that corner and
 * not the brows. Landmarks far from every fold keep all of their motion.
 */
function easeFolds(source: Float32Array, moves: readonly Point[], triangles: Uint32Array, minThickness: number, iod: number): Float32Array {
  const weights = new Float32Array(moves.length).fill(1);
  const k = 1 / (2 * (EASE_SIGMA * iod) ** 2);
  for (let step = 0; step < MAX_EASE_STEPS; step++) {
    const folded = foldedTriangles(source, displaced(source, moves, weights, 1), triangles, minThickness);
    if (folded.length === 0) break;
    for (const t of folded) {
      const corners = [triangles[t] ?? 0, triangles[t + 1] ?? 0, triangles[t + 2] ?? 0];
      const cx = corners.reduce((sum, v) => sum + (source[2 * v] ?? 0), 0) / 3;
      const cy = corners.reduce((sum, v) => sum + (source[2 * v + 1] ?? 0), 0) / 3;
      for (let i = 0; i < weights.length; i++) {
        const d2 = ((source[2 * i] ?? 0) - cx) ** 2 + ((source[2 * i + 1] ?? 0) - cy) ** 2;
        weights[i] = (weights[i] ?? 1) * (1 - EASE_STEP * Math.exp(-d2 * k));
      }
    }
  }
  return weights;
}

/** The motion-weighted share of `moves` that `weights` × `scale` keep. */
function appliedShare(moves: readonly Point[], weights: Float32Array, scale: number): number {
  let kept = 0;
  let total = 0;
  moves.forEach((d, i) => {
    const length = Math.hypot(d.x, d.y);
    kept += length * (weights[i] ?? 1) * scale;
    total += length;
  });
  return total === 0 ? 1 : kept / total;
}

/**
 * Builds the mesh for moving each landmark by `moves[i]` (image pixels). Triangles come from
 * `layout` (by default the face itself; the warp stage passes the face with mouth and eyes opened).
 * Where the full motion would fold a skin triangle, the motion near it is eased until none folds
 * (see easeFolds); should easing not get there, the largest fold-free share of the eased motion is
 * used (found by bisection).
 */
export function buildWarpMesh(face: FaceLandmarks, moves: readonly Point[], width: number, height: number, layout: FaceLandmarks = face): WarpMesh {
  const fixed = ring(face);
  const source = new Float32Array([...face, ...fixed].flatMap((p) => [p.x, p.y]));
  const triangles = Uint32Array.from(new Delaunator([...layout, ...fixed].flatMap((p) => [p.x, p.y])).triangles);
  const iod = interocularDistance(face);
  const minThickness = MIN_CHECKED_THICKNESS * iod;
  const weights = easeFolds(source, moves, triangles, minThickness, iod);
  let scale = 1;
  let target = displaced(source, moves, weights, scale);
  if (!isFoldFree(source, target, triangles, minThickness)) {
    let lo = 0;
    let hi = 1;
    for (let step = 0; step < 10; step++) {
      const mid = (lo + hi) / 2;
      if (isFoldFree(source, displaced(source, moves, weights, mid), triangles, minThickness)) lo = mid;
      else hi = mid;
    }
    scale = lo;
    target = displaced(source, moves, weights, scale);
  }
  return { width, height, source, target, triangles, scale: appliedShare(moves, weights, scale) };
}

/** The moved position of landmark i. */
export function targetPoint(mesh: WarpMesh, i: number): Point {
  return { x: mesh.target[2 * i] ?? 0, y: mesh.target[2 * i + 1] ?? 0 };
}
