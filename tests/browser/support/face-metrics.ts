// Face measurements from MediaPipe landmarks, in units of the distance between the irises, so they
// compare across photos and sizes. y grows downwards.

type P = { x: number; y: number };

export interface FaceMetrics {
  /** Mouth corners above the upper lip's centre (positive: corners higher). */
  cornerLift: number;
  /** The subject's left corner lift minus the right's. */
  cornerAsymmetry: number;
  /** Gap between the inner lips at the centre. */
  mouthGap: number;
  /** Mouth width, corner to corner. */
  mouthWidth: number;
  /** Upper-to-lower lid distance, each eye and their mean. */
  apertureRight: number;
  apertureLeft: number;
  aperture: number;
  /** Brow middles above the eye line. */
  browHeight: number;
  /** Inner brow ends above the eye line. */
  innerBrowHeight: number;
  /** Distance between the inner brow ends. */
  innerBrowGap: number;
}

export function faceMetrics(pts: readonly P[]): FaceMetrics {
  const at = (i: number) => pts[i]!;
  const iod = Math.hypot(at(473).x - at(468).x, at(473).y - at(468).y);
  const y = (i: number) => at(i).y / iod;
  const eyeLine = (y(468) + y(473)) / 2;
  const liftRight = y(13) - y(61);
  const liftLeft = y(13) - y(291);
  const apertureRight = y(145) - y(159);
  const apertureLeft = y(374) - y(386);
  return {
    cornerLift: (liftRight + liftLeft) / 2,
    cornerAsymmetry: liftLeft - liftRight,
    mouthGap: y(14) - y(13),
    mouthWidth: Math.hypot(at(291).x - at(61).x, at(291).y - at(61).y) / iod,
    apertureRight,
    apertureLeft,
    aperture: (apertureRight + apertureLeft) / 2,
    browHeight: eyeLine - (y(105) + y(334)) / 2,
    innerBrowHeight: eyeLine - (y(107) + y(336)) / 2,
    innerBrowGap: Math.hypot(at(336).x - at(107).x, at(336).y - at(107).y) / iod,
  };
}

/** Each metric of `after` minus `before`. */
export function change(before: FaceMetrics, after: FaceMetrics): FaceMetrics {
  return Object.fromEntries(Object.keys(before).map((k) => [k, after[k as keyof FaceMetrics] - before[k as keyof FaceMetrics]])) as unknown as FaceMetrics;
}
