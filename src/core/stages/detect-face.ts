import type { Platform } from '../platform.ts';
import { facesBySize, type FaceLandmarks } from '../face/landmarks.ts';
import { StickerError } from '../errors.ts';

export interface DetectedFace {
  /** The face to use: the largest one when the photo has several. */
  face: FaceLandmarks;
  /** Every face, largest first (template slots take them in this order). */
  faces: FaceLandmarks[];
  facesFound: number;
}

export async function detectFaceStage<Img, Surface>(platform: Platform<Img, Surface>, image: Img): Promise<DetectedFace> {
  const faces = facesBySize(await platform.detectFaces(image));
  const face = faces[0];
  if (face === undefined) {
    throw new StickerError('NO_FACE_FOUND', 'the face landmarker found no face', { stage: 'detect-face' });
  }
  return { face, faces, facesFound: faces.length };
}
