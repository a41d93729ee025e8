// The person cutout's maths, from a segmenter's confidence mask to the sticker's alpha and its
// die-cut edge. Pure: the browser draws the result, tests check it without a browser.

import { squaredDistanceToSet } from '../image/distance-transform.ts';
import { connectedRegions } from '../image/connected-regions.ts';
import { dilate, open } from '../image/morphology.ts';
import { fillPolygon } from '../image/fill-polygon.ts';
import { boxBlur } from '../image/box-blur.ts';
import type { FloatMask } from '../image/float-mask.ts';
import type { Point } from '../geometry/point.ts';
import { invertSimilarity, type Similarity } from '../geometry/similarity.ts';
import { smoothstep } from '../geometry/smoothstep.ts';
import { FACE_OVAL } from './landmarks.ts';
import { faceWidth, headAndShoulders } from './head-and-shoulders.ts';

const CHIN_IN_OVAL = FACE_OVAL.indexOf(152);

/** A pixel is the person from this confidence on; alpha then rises smoothly until RAMP_END. */
export const PERSON_THRESHOLD = 0.5;
const RAMP_END = 0.65;
/** The person must cover this share of the face oval to count as the face's person. */
const MIN_FACE_COVER = 0.2;
/** Joins narrower than this (in face widths) are cut before regions are told apart: a strand of flag fringe, not a neck. */
const BRIDGE_WIDTH = 0.05;
/**
 * A real person is segmented with near-certainty (on the fixtures over 90 % of the mask is under
 * 0.1 or over 0.9); a background the segmenter joins to them (a flag beside a printed portrait) sits
 * in between. The person's core is what is at least this sure, and their edge reaches this far from
 * it (face widths).
 */
const CORE_THRESHOLD = 0.8;
const EDGE_REACH = 0.1;
/** The person is cut this far below the chin (in face heights), above the caption: a head and shoulders bust. */
const BUST_BELOW_CHIN = 0.12;
/** Sticker pixels of softening across the silhouette, so the cut never looks like scissors on pixels. */
export const FEATHER_RADIUS = 2;

/** Of the pixels at or above `level`, once joins narrower than `bridge` are cut: the largest region covering enough of the face; null when none does. */
function regionOverFace(confidence: Float32Array, level: number, width: number, height: number, face: Uint8Array, bridge: number): Uint8Array | null {
  const above = new Uint8Array(confidence.length);
  for (let i = 0; i < above.length; i++) above[i] = (confidence[i] ?? 0) >= level ? 1 : 0;
  const { labels, sizes } = connectedRegions(open(above, width, height, bridge), width, height);
  const cover = new Map<number, number>();
  let faceArea = 0;
  for (let i = 0; i < face.length; i++) {
    if (!face[i]) continue;
    faceArea++;
    const label = labels[i] ?? 0;
    if (label !== 0) cover.set(label, (cover.get(label) ?? 0) + 1);
  }
  let best = 0;
  for (const [label, count] of cover) {
    if (count >= MIN_FACE_COVER * faceArea && (sizes[label] ?? 0) > (sizes[best] ?? 0)) best = label;
  }
  if (best === 0) return null;
  const region = new Uint8Array(confidence.length);
  for (let i = 0; i < region.length; i++) region[i] = labels[i] === best ? 1 : 0;
  return region;
}

/**
 * The segmenter's confidence kept only where the face's person plausibly is (photo coordinates):
 * inside a head-and-shoulders bound round the face, and near the confident region over the face
 * once thin bridges into it are cut. A flag, a poster or another print that the segmenter half
 * believes and joins to the person goes, with other people and stray blobs; null when nobody
 * covers enough of the face oval.
 */
export function personNearFace(mask: FloatMask, oval: readonly Point[]): FloatMask | null {
  const { width, height, data, scale = 1 } = mask;
  const bound = headAndShoulders(oval, width, height, scale);
  const bounded = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) bounded[i] = (data[i] ?? 0) * (bound[i] ?? 0);
  const face = fillPolygon(scale === 1 ? oval : oval.map((p) => ({ x: p.x / scale, y: p.y / scale })), width, height);
  const faceSide = faceWidth(oval) / scale;
  const bridge = Math.max(1, Math.round(BRIDGE_WIDTH * faceSide));
  // A faint person (a dim or tiny photo) with no confident core is its own core.
  const core = regionOverFace(bounded, CORE_THRESHOLD, width, height, face, bridge) ?? regionOverFace(bounded, PERSON_THRESHOLD, width, height, face, bridge);
  if (core === null) return null;
  // The person is the core and its edge, the band where the segmenter's confidence falls off (hair
  // tips, the ears' rims); a half-believed background reaching further out stops at its width.
  const near = dilate(core, width, height, Math.max(bridge, Math.round(EDGE_REACH * faceSide)));
  const kept = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) if (near[i] && (bounded[i] ?? 0) >= PERSON_THRESHOLD) kept[i] = bounded[i] ?? 0;
  return { width, height, data: kept, ...(mask.scale === undefined ? {} : { scale }) };
}

function maskAt(mask: FloatMask, px: number, py: number): number {
  return px < 0 || py < 0 || px >= mask.width || py >= mask.height ? 0 : (mask.data[py * mask.width + px] ?? 0);
}

/** Bilinear sample at continuous pixel coordinates (pixel centres at +0.5); 0 outside. */
function sample(mask: FloatMask, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const tx = fx - x0;
  const ty = fy - y0;
  const top = maskAt(mask, x0, y0) * (1 - tx) + maskAt(mask, x0 + 1, y0) * tx;
  const bottom = maskAt(mask, x0, y0 + 1) * (1 - tx) + maskAt(mask, x0 + 1, y0 + 1) * tx;
  return top * (1 - ty) + bottom * ty;
}

/**
 * The sticker's alpha: the person's confidence carried into sticker space by `toSticker`, through
 * a smooth ramp above the threshold, cut straight across (square to the face) a little below the
 * chin, united with the (warped) face oval so a dropped jaw stays in, then feathered by `feather`
 * pixels (worked out smaller than the sticker, the cut takes a radius as much smaller). `oval` is in
 * FACE_OVAL order, so its first point is the top of the forehead and CHIN_IN_OVAL the chin.
 */
export function cutoutAlpha(person: FloatMask, toSticker: Similarity, size: number, oval: readonly Point[], feather = FEATHER_RADIUS): FloatMask {
  // Sticker pixels to the mask's own: to the photo, then down by the mask's scale.
  const s = 1 / (person.scale ?? 1);
  const inverse = invertSimilarity(toSticker);
  const toPhoto = { a: inverse.a * s, b: inverse.b * s, tx: inverse.tx * s, ty: inverse.ty * s };
  const face = fillPolygon(oval, size, size);
  const top = oval[0] ?? { x: 0, y: 0 };
  const chin = oval[CHIN_IN_OVAL] ?? top;
  const height = Math.hypot(chin.x - top.x, chin.y - top.y) || 1;
  const down = { x: (chin.x - top.x) / height, y: (chin.y - top.y) / height };
  const bust = height * (1 + BUST_BELOW_CHIN);
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (face[i]) {
        data[i] = 1;
        continue;
      }
      const cx = x + 0.5;
      const cy = y + 0.5;
      if ((cx - top.x) * down.x + (cy - top.y) * down.y > bust) continue;
      // applySimilarity(toPhoto, …) written out (in mask pixels): an object per pixel was most of this loop's time.
      const px = toPhoto.a * cx - toPhoto.b * cy + toPhoto.tx;
      const py = toPhoto.b * cx + toPhoto.a * cy + toPhoto.ty;
      data[i] = smoothstep(PERSON_THRESHOLD, RAMP_END, sample(person, px, py));
    }
  }
  return { width: size, height: size, data: boxBlur(data, size, size, feather) };
}

/**
 * The die-cut edge: the cutout dilated by `width` pixels with a round brush, anti-aliased by one
 * pixel. Distances run from the centres of the pixels at least half inside, which lie half a pixel
 * inside the silhouette on the whole: the edge is put that much further out.
 */
export function dieCutAlpha(alpha: FloatMask, width: number): FloatMask {
  const inside = new Uint8Array(alpha.data.length);
  for (let i = 0; i < inside.length; i++) inside[i] = (alpha.data[i] ?? 0) >= 0.5 ? 1 : 0;
  const d2 = squaredDistanceToSet(inside, alpha.width, alpha.height);
  const data = new Float32Array(d2.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(alpha.data[i] ?? 0, Math.min(1, Math.max(0, width + 1 - Math.sqrt(d2[i] ?? 0))));
  return { width: alpha.width, height: alpha.height, data };
}
