import type { FloatMask } from '../image/float-mask.ts';
import type { StickerResult } from '../protocol.ts';

export interface Segmented {
  /** The face's person, photo pixels; null when the cutout falls back to the face oval. */
  person: FloatMask | null;
  cutout: NonNullable<StickerResult['cutout']>;
}

/**
 * The person for a person cutout, as the platform kept it round the face (asked for while the face
 * was found, worked out while it was warped). Never fails the job: without a usable segmenter, or
 * with nobody segmented over the face, the sticker is cut along the face oval and says why.
 */
export async function segmentStage(asked: Promise<FloatMask | null>): Promise<Segmented> {
  let person: FloatMask | null;
  try {
    person = await asked;
  } catch {
    return { person: null, cutout: { kind: 'face', fallback: 'segmenter-unavailable' } };
  }
  return person === null ? { person, cutout: { kind: 'face', fallback: 'no-person' } } : { person, cutout: { kind: 'person', fallback: null } };
}

/** Whether a photo's memo keeps this answer: one made without a segmenter is asked again next time (it may have loaded). */
export const keepSegmented = (segmented: Segmented): boolean => segmented.cutout.fallback !== 'segmenter-unavailable';
