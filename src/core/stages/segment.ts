import type { Platform } from '../platform.ts';
import { faceOval, type FaceLandmarks } from '../face/landmarks.ts';
import { personNearFace } from '../face/person-cutout.ts';
import type { FloatMask } from '../image/float-mask.ts';
import type { StickerResult } from '../protocol.ts';

export interface Segmented {
  /** The face's person, photo pixels; null when the cutout falls back to the face oval. */
  person: FloatMask | null;
  cutout: NonNullable<StickerResult['cutout']>;
}

/**
 * Segments the person for a person cutout. Never fails the job: without a usable segmenter, or
 * with nobody segmented over the face, the sticker is cut along the face oval and says why.
 */
export async function segmentStage<Img, Surface>(platform: Platform<Img, Surface>, image: Img, face: FaceLandmarks): Promise<Segmented> {
  let mask: FloatMask;
  try {
    mask = await platform.segmentPerson(image);
  } catch {
    return { person: null, cutout: { kind: 'face', fallback: 'segmenter-unavailable' } };
  }
  const person = personNearFace(mask, faceOval(face));
  return person === null ? { person, cutout: { kind: 'face', fallback: 'no-person' } } : { person, cutout: { kind: 'person', fallback: null } };
}
