// Expression → how far each of the 478 landmarks moves. Each action unit moves named landmark
// groups in face units (see face-frame.ts), so the same recipe fits any face size and roll; the
// motion then spreads smoothly to the landmarks no unit names, so skin between features follows.

import type { Point } from '../geometry/point.ts';
import { faceFrame, toFace, toImageVector } from '../face/face-frame.ts';
import type { FaceLandmarks } from '../face/landmarks.ts';
import * as R from '../face/regions.ts';
import type { ActionUnit, Recipe } from './action-units.ts';
import { smoothstep } from '../geometry/smoothstep.ts';

type Group = readonly number[];
const NOTHING: ReadonlySet<number> = new Set();

class Moves {
  readonly d = new Map<number, Point>();
  constructor(readonly f: Point[]) {}

  add(index: number, dx: number, dy: number): void {
    const old = this.d.get(index) ?? { x: 0, y: 0 };
    this.d.set(index, { x: old.x + dx, y: old.y + dy });
  }

  at(index: number): Point {
    const p = this.f[index];
    if (p === undefined) throw new RangeError(`no landmark ${index}`);
    return p;
  }
}

/** Position along the mouth: −1 at the subject's right corner, +1 at the left, 0 in the middle. */
function mouthAxis(m: Moves): (index: number) => number {
  const r = m.at(R.MOUTH_CORNER_RIGHT);
  const l = m.at(R.MOUTH_CORNER_LEFT);
  const cx = (r.x + l.x) / 2;
  const half = Math.max(1e-6, (l.x - r.x) / 2);
  return (i) => Math.max(-1, Math.min(1, (m.at(i).x - cx) / half));
}

const CORNERS: Group = [...R.MOUTH_CORNERS_RIGHT, ...R.MOUTH_CORNERS_LEFT];
const UPPER: Group = [...R.UPPER_LIP, ...R.UPPER_LIP_INNER];
const LOWER: Group = [...R.LOWER_LIP, ...R.LOWER_LIP_INNER];
const LIPS: Group = [...CORNERS, ...UPPER, ...LOWER];
/** The middle column of both lips, outer edge to outer edge. */
const LIP_MIDDLE: Group = [0, 11, 12, 13, 14, 15, 16, 17];

/**
 * Moves the `anchors` by (dx, dy) and every other landmark by the same times a Gaussian of its
 * distance to the nearest anchor: features drag the skin around them smoothly, without folds.
 * Landmarks in `hold` stay put; below an anchor the pull fades over `sigmaBelow` instead.
 */
function pullNear(m: Moves, anchors: Group, sigma: number, dx: number, dy: number, hold: ReadonlySet<number> = NOTHING, sigmaBelow = sigma): void {
  const k = 1 / (2 * sigma * sigma);
  const below = (sigma / sigmaBelow) ** 2;
  const points = anchors.map((i) => m.at(i));
  m.f.forEach((p, i) => {
    if (hold.has(i)) return m.add(i, 0, 0);
    let d2 = Infinity;
    for (const a of points) d2 = Math.min(d2, (p.x - a.x) ** 2 + (p.y - a.y) ** 2 * (p.y > a.y ? below : 1));
    const g = Math.exp(-d2 * k);
    if (g > 1e-4) m.add(i, dx * g, dy * g);
  });
}

/** Reach of a mouth corner's pull on the skin around it, in face units. */
const CORNER_SIGMA = 0.24;
/** An arched mouth's reach: its corners take the lips and cheeks beside them along, its middle the lips'. */
const ARCH_CORNER_SIGMA = 0.28;
const ARCH_MIDDLE_SIGMA = 0.25;

/**
 * Mouth corners pulled by (dx outwards, dy): a smooth field over every landmark, strongest at the
 * corner, so lips, their rings and the cheek beside them move together and never fold.
 */
function pullCorners(m: Moves, sides: readonly ('right' | 'left')[], dx: number, dy: number): void {
  const k = 1 / (2 * CORNER_SIGMA * CORNER_SIGMA);
  for (const side of sides) {
    const c = m.at(side === 'right' ? R.MOUTH_CORNER_RIGHT : R.MOUTH_CORNER_LEFT);
    const out = side === 'right' ? -1 : 1;
    m.f.forEach((p, i) => {
      const g = Math.exp(-((p.x - c.x) ** 2 + (p.y - c.y) ** 2) * k);
      if (g > 1e-4) m.add(i, out * dx * g, dy * g);
    });
  }
}

interface Eye {
  upper: Group;
  lower: Group;
  fold: Group;
  iris: Group;
}

const EYES: { right: Eye; left: Eye } = {
  right: { upper: R.RIGHT_EYE_UPPER_LID, lower: R.RIGHT_EYE_LOWER_LID, fold: R.RIGHT_EYE_FOLD, iris: R.RIGHT_IRIS },
  left: { upper: R.LEFT_EYE_UPPER_LID, lower: R.LEFT_EYE_LOWER_LID, fold: R.LEFT_EYE_FOLD, iris: R.LEFT_IRIS },
};

/** Moves each upper-lid point by `up`×(its opening) and each lower-lid point by `low`×(its opening). */
function lids(m: Moves, eye: Eye, up: number, low: number, fold: number): void {
  eye.upper.forEach((u, k) => {
    const l = eye.lower[k] ?? u;
    const gap = Math.max(0, m.at(l).y - m.at(u).y);
    m.add(u, 0, up * gap);
    m.add(l, 0, low * gap);
    const f = eye.fold[k];
    if (f !== undefined) m.add(f, 0, fold * up * gap);
  });
}

/** Closing: the iris is squeezed onto the line where the lids meet, so no triangle turns over. */
function closeEye(m: Moves, eye: Eye, s: number): void {
  const meet = 0.9;
  lids(m, eye, meet * s, -(1 - meet) * s, 0.45);
  const upperMid = eye.upper[3] ?? 0;
  const lowerMid = eye.lower[3] ?? 0;
  const meetY = m.at(upperMid).y + meet * (m.at(lowerMid).y - m.at(upperMid).y);
  for (const i of eye.iris) m.add(i, 0, s * (meetY - m.at(i).y));
}

/** How far brow motion carries into forehead and lids, in face units. */
const BROW_SIGMA = 0.2;

/**
 * The nose's ridge, from between the eyes to its tip. Lowered brows leave it where it is: dragged
 * down with them, it took the landmarker's nose along before the brows read as lowered.
 */
const NOSE_RIDGE: ReadonlySet<number> = new Set([6, 197, 195, 5, 4, 1]);

/**
 * Lowered brows carry less far than raised ones, and a little less again below them: the lids
 * narrow under them, and the eyes do not slide down with the brows, which the landmarker read as
 * hardly any lowering.
 */
const LOWER_SIGMA = 0.17;
const LOWER_SIGMA_BELOW = 0.15;

function brows(m: Moves, dy: number): void {
  if (dy > 0) pullNear(m, [...R.RIGHT_BROW, ...R.LEFT_BROW], LOWER_SIGMA, 0, dy, NOSE_RIDGE, LOWER_SIGMA_BELOW);
  else pullNear(m, [...R.RIGHT_BROW, ...R.LEFT_BROW], BROW_SIGMA, 0, dy);
}

const UNITS: Record<ActionUnit, (m: Moves, s: number) => void> = {
  smile(m, s) {
    pullCorners(m, ['right', 'left'], 0.07 * s, -0.13 * s);
  },
  smirk(m, s) {
    pullCorners(m, ['left'], 0.06 * s, -0.14 * s);
  },
  frown(m, s) {
    // Each corner is pulled down with the skin under it as one piece: a pull centred on the corner
    // alone turned over the thin triangles beside that skin before the mouth read as turned down.
    pullNear(m, [R.MOUTH_CORNER_RIGHT, R.BELOW_MOUTH_CORNER_RIGHT], CORNER_SIGMA, 0.03 * s, 0.26 * s);
    pullNear(m, [R.MOUTH_CORNER_LEFT, R.BELOW_MOUTH_CORNER_LEFT], CORNER_SIGMA, -0.03 * s, 0.26 * s);
    // The pulls drag the lips' middle down too: lifting it back (the chin pushing the lower lip up,
    // AU17) turns the mouth down instead of sinking it.
    pullNear(m, LIP_MIDDLE, 0.18, 0, -0.1 * s);
  },
  mouthArch(m, s) {
    // A wide arch: the corners come out and a little down, over a wide reach, and the lips' middle
    // rises. `frown`'s corners, pulled far down with the skin under them, look turned down to
    // people, but the landmarker takes their drooping ends for cheek and reads a narrower, puckered
    // mouth (mouthFrown ≈ 0); this shape, found by searching against the landmarker, reads ≥ 0.3.
    pullNear(m, [R.MOUTH_CORNER_RIGHT, R.BELOW_MOUTH_CORNER_RIGHT], ARCH_CORNER_SIGMA, -0.175 * s, 0.16 * s);
    pullNear(m, [R.MOUTH_CORNER_LEFT, R.BELOW_MOUTH_CORNER_LEFT], ARCH_CORNER_SIGMA, 0.175 * s, 0.16 * s);
    pullNear(m, LIP_MIDDLE, ARCH_MIDDLE_SIGMA, 0, -0.05 * s);
  },
  mouthOpen(m, s) {
    // The jaw drops: the lower lip fully, the skin below the mouth line more the lower it is, the
    // jaw's sides less than its middle. The upper lip rises a little.
    const t = mouthAxis(m);
    const mouthY = (m.at(R.MOUTH_CORNER_RIGHT).y + m.at(R.MOUTH_CORNER_LEFT).y) / 2;
    const mouthX = (m.at(R.MOUTH_CORNER_RIGHT).x + m.at(R.MOUTH_CORNER_LEFT).x) / 2;
    const lower = new Set(LOWER);
    const upper = new Set(UPPER);
    const corners = new Set(CORNERS);
    const drop = 0.42 * s;
    m.f.forEach((p, i) => {
      const across = Math.exp(-((p.x - mouthX) ** 2) / (2 * 0.8 * 0.8));
      if (corners.has(i)) m.add(i, -Math.sign(t(i)) * 0.03 * s, drop * 0.3);
      else if (lower.has(i)) m.add(i, 0, drop * (1 - 0.72 * t(i) ** 2));
      else if (upper.has(i)) m.add(i, 0, -0.04 * s * (1 - t(i) ** 2));
      else if (p.y > mouthY) m.add(i, 0, drop * across * smoothstep(mouthY, mouthY + 0.2, p.y));
    });
  },
  lipsPress(m, s) {
    const t = mouthAxis(m);
    // Both lips thin towards the mouth line; the outer rings move most.
    const rings: [Group, number][] = [
      [R.UPPER_LIP_OUTER, 0.035],
      [R.UPPER_LIP_SEMI_OUTER, 0.025],
      [R.UPPER_LIP_SEMI_INNER, 0.012],
      [R.LOWER_LIP_OUTER, -0.035],
      [R.LOWER_LIP_SEMI_OUTER, -0.025],
      [R.LOWER_LIP_SEMI_INNER, -0.012],
    ];
    for (const [ring, dy] of rings) for (const i of ring) m.add(i, 0, dy * s * (1 - t(i) ** 2));
  },
  pucker(m, s) {
    // Lips gather towards the middle of the mouth.
    const r = m.at(R.MOUTH_CORNER_RIGHT);
    const l = m.at(R.MOUTH_CORNER_LEFT);
    const cx = (r.x + l.x) / 2;
    for (const i of LIPS) m.add(i, -(m.at(i).x - cx) * 0.32 * s, 0);
  },
  eyesWide(m, s) {
    for (const eye of [EYES.right, EYES.left]) lids(m, eye, -0.45 * s, 0.12 * s, 0.6);
  },
  eyesNarrow(m, s) {
    for (const eye of [EYES.right, EYES.left]) lids(m, eye, 0.25 * s, -0.2 * s, 0.4);
  },
  eyesClosed(m, s) {
    closeEye(m, EYES.right, s);
    closeEye(m, EYES.left, s);
  },
  wink(m, s) {
    closeEye(m, EYES.left, s);
  },
  eyesUp(m, s) {
    for (const eye of [EYES.right, EYES.left]) {
      const top = m.at(eye.upper[3] ?? 0).y;
      const centre = m.at(eye.iris[0] ?? 0).y;
      for (const i of eye.iris) m.add(i, 0, -0.55 * s * Math.max(0, centre - top));
      lids(m, eye, -0.1 * s, 0, 0.5);
    }
  },
  browsRaise(m, s) {
    brows(m, -0.17 * s);
  },
  browsLower(m, s) {
    // The landmarker's reading is not monotonic here: 0.16 and 0.18 read as less lowered on the
    // grey astronaut (browDown +0.25, +0.21) than 0.17 (+0.27), and 0.22 hardly at all.
    brows(m, 0.17 * s);
  },
  browsKnit(m, s) {
    pullNear(m, R.RIGHT_BROW_INNER, 0.12, 0.06 * s, 0.06 * s, NOSE_RIDGE);
    pullNear(m, R.LEFT_BROW_INNER, 0.12, -0.06 * s, 0.06 * s, NOSE_RIDGE);
    brows(m, 0.05 * s);
  },
  browsWorried(m, s) {
    pullNear(m, R.RIGHT_BROW_INNER, 0.14, 0.02 * s, -0.12 * s);
    pullNear(m, R.LEFT_BROW_INNER, 0.14, -0.02 * s, -0.12 * s);
  },
  cheeksRaise(m, s) {
    for (const i of [...R.RIGHT_CHEEK, ...R.LEFT_CHEEK]) m.add(i, 0, -0.05 * s);
    for (const eye of [EYES.right, EYES.left]) lids(m, eye, 0, -0.18 * s, 0);
  },
  // Roll is a rotation of the whole face, done where the sticker is laid out (see tiltRadians).
  headTilt() {},
};

/** How far above the lip line a relaxed mouth's corners sit, in face units (measured on neutral faces). */
const NEUTRAL_CORNER_LIFT = 0.02;
/** Share of closing an open mouth done by the jaw; the upper lip does the rest. */
const JAW_SHARE = 0.7;

/**
 * Takes back what the photo's own expression would contradict, before the asked one is added: a
 * grin's raised corners when the expression has no smile, and parted lips when it does not open
 * the mouth itself. Sad, angry or pouting on a grinning selfie must not grin. `s` (0..1) eases it
 * in with the expression.
 */
function relaxSource(m: Moves, recipe: Recipe, s: number): void {
  const upper = R.UPPER_LIP_INNER;
  const lower = R.LOWER_LIP_INNER;
  const gaps = upper.map((u, k) => Math.max(0, m.at(lower[k] ?? u).y - m.at(u).y));
  const middle = gaps[4] ?? 0;
  const closing = (recipe.mouthOpen ?? 0) <= 0 && middle > 0.01;
  // Where the lips will meet: the corners are judged against that line, not the open mouth's middle.
  const meetY = m.at(upper[4]).y + (closing ? 1 - JAW_SHARE : 0.5) * middle;
  if ((recipe.smile ?? 0) <= 0 && (recipe.smirk ?? 0) <= 0) {
    // The corners' pull also drags the lip middle down a little; lowering them by lift / (1 − drag)
    // lowers them by `lift` relative to it.
    const mid = { x: (m.at(R.MOUTH_CORNER_RIGHT).x + m.at(R.MOUTH_CORNER_LEFT).x) / 2, y: meetY };
    const drag = [R.MOUTH_CORNER_RIGHT, R.MOUTH_CORNER_LEFT]
      .map((i) => Math.exp(-((m.at(i).x - mid.x) ** 2 + (m.at(i).y - mid.y) ** 2) / (2 * CORNER_SIGMA * CORNER_SIGMA)))
      .reduce((a, b) => a + b, 0);
    const gain = 1 / Math.max(0.3, 1 - drag);
    for (const side of ['right', 'left'] as const) {
      const corner = m.at(side === 'right' ? R.MOUTH_CORNER_RIGHT : R.MOUTH_CORNER_LEFT);
      const lift = meetY - corner.y - NEUTRAL_CORNER_LIFT;
      // A grin also widens the mouth: the corners come in by half as much as they come down.
      if (lift > 0) pullCorners(m, [side], -0.5 * lift * s, gain * lift * s);
    }
  }
  if (!closing) return;
  const columns: readonly (readonly number[])[] = [
    R.UPPER_LIP_OUTER,
    R.UPPER_LIP_SEMI_OUTER,
    R.UPPER_LIP_SEMI_INNER,
    R.UPPER_LIP_INNER,
    R.LOWER_LIP_OUTER,
    R.LOWER_LIP_SEMI_OUTER,
    R.LOWER_LIP_SEMI_INNER,
    R.LOWER_LIP_INNER,
  ];
  columns.forEach((ring, r) => {
    const isLower = r >= 4;
    ring.forEach((i, k) => m.add(i, 0, (isLower ? -JAW_SHARE : 1 - JAW_SHARE) * (gaps[k] ?? 0) * s));
  });
  // The chin and jaw come up with the lower lip, fading across the face.
  const mouthX = (m.at(R.MOUTH_CORNER_RIGHT).x + m.at(R.MOUTH_CORNER_LEFT).x) / 2;
  const lips = new Set(columns.flat());
  const lowestLip = Math.max(...R.LOWER_LIP_OUTER.map((i) => m.at(i).y));
  m.f.forEach((p, i) => {
    if (lips.has(i) || p.y <= lowestLip) return;
    const across = Math.exp(-((p.x - mouthX) ** 2) / (2 * 0.8 * 0.8));
    m.add(i, 0, -JAW_SHARE * middle * s * across);
  });
}

/** Spread radius of unnamed landmarks' motion, in face units (a fifth of the eye distance). */
const SPREAD_SIGMA = 0.2;

/**
 * Landmarks no unit names follow the named ones near them, weighed against the unnamed ones near
 * them (which vote for staying put): skin between moving features moves, the nose does not.
 */
function spread(m: Moves): Point[] {
  const k = 1 / (2 * SPREAD_SIGMA * SPREAD_SIGMA);
  const still = m.f.filter((_, i) => !m.d.has(i));
  const moved = [...m.d.entries()].map(([i, d]) => ({ p: m.at(i), d }));
  return m.f.map((p, index) => {
    const own = m.d.get(index);
    if (own !== undefined) return own;
    const w = (q: Point) => Math.exp(-((p.x - q.x) ** 2 + (p.y - q.y) ** 2) * k);
    let x = 0;
    let y = 0;
    let total = 0;
    for (const h of moved) {
      const wh = w(h.p);
      x += wh * h.d.x;
      y += wh * h.d.y;
      total += wh;
    }
    for (const q of still) total += w(q);
    return total === 0 ? { x: 0, y: 0 } : { x: x / total, y: y / total };
  });
}

/**
 * Per-landmark displacement in image pixels for `recipe` at `intensity` (1 = as written), starting
 * from the photographed face relaxed where the expression contradicts it (see relaxSource).
 */
export function expressionDisplacements(face: FaceLandmarks, recipe: Recipe, intensity: number, relax = true): Point[] {
  const frame = faceFrame(face);
  const moves = new Moves(face.map((p) => toFace(frame, p)));
  if (relax) relaxSource(moves, recipe, Math.min(1, intensity));
  for (const [unit, strength] of Object.entries(recipe) as [ActionUnit, number][]) {
    if (strength !== 0) UNITS[unit](moves, strength * intensity);
  }
  return spread(moves).map((d) => toImageVector(frame, d.x, d.y));
}

/**
 * The face with mouth and eyes opened wide: triangulating this layout (not the photo's, where closed
 * lips touch or cross) keeps every mesh triangle on one side of the lips and lids.
 */
export function openedLayout(face: FaceLandmarks): Point[] {
  const d = expressionDisplacements(face, { mouthOpen: 1, eyesWide: 1 }, 1, false);
  return face.map((p, i) => ({ x: p.x + (d[i]?.x ?? 0), y: p.y + (d[i]?.y ?? 0) }));
}

/** Up to 12° of roll at full strength; positive tilts the head towards the subject's left. */
export function tiltRadians(recipe: Recipe, intensity: number): number {
  return ((recipe.headTilt ?? 0) * intensity * 12 * Math.PI) / 180;
}
