import type { Platform } from '../platform.ts';
import { largestFace, type FaceLandmarks } from '../face/landmarks.ts';
import { StickerError } from '../errors.ts';

export interface DetectedFace {
  face: FaceLandmarks;
  facesFound: number;
}

/** Landmarks of the face to use: the largest one when the photo has several. */
export async function detectFaceStage<Img, Surface>(platform: Platform<Img, Surface>, image: Img): Promise<DetectedFace> {
  const faces = await platform.detectFaces(image);
  const face = largestFace(faces);
  if (face === undefined) {
    throw new StickerError('NO_FACE_FOUND', 'the face landmarker found no face', { stage: 'detect-face' });
  }
  return { face, facesFound: faces.length };
}
