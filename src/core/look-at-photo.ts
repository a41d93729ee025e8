// What a chosen photo gives every sticker made of it (its pixels, its faces and, for a person
// cutout, its person) worked out as soon as it is chosen, while the words are typed, into the memo
// the next job reads. Nothing is reported from here: a failure is not kept, and the job that meets
// it again says what went wrong, in its own stage.

import type { Platform } from './platform.ts';
import { faceOval } from './face/landmarks.ts';
import type { PhotoMemo } from './photo-memo.ts';
import { decodeStage } from './stages/decode.ts';
import { detectFaceStage } from './stages/detect-face.ts';
import { keepSegmented, segmentStage } from './stages/segment.ts';

/**
 * Resolves once the photo's faces are known. Its person goes on being kept round the face (on the
 * segmenter's own core where it can), so a job waiting behind the look warps the face meanwhile and
 * waits for the person only in its segment stage.
 */
export async function lookAtPhoto<Img, Surface>(platform: Platform<Img, Surface>, memo: PhotoMemo<Img>, photo: ArrayBuffer, person: boolean): Promise<void> {
  memo.hold(photo);
  // The photo decodes while the models load (on a first visit, while they still download).
  const models = platform.loadModels(() => undefined, { person });
  models.catch(() => undefined); // met below, unless the photo fails first
  const decoded = await memo.once('decode', () => decodeStage(platform, photo));
  const found = models.then(() => memo.once('detect-face', () => detectFaceStage(platform, decoded.image)));
  // The person is asked for before the face model is here: the segmenter needs only its own, and
  // the face's oval once it is found.
  const oval = found.then(({ face }) => faceOval(face));
  oval.catch(() => undefined); // no face: met below
  const asked = person && !memo.knows('segment') ? platform.segmentPerson(decoded.image, oval) : null;
  asked?.catch(() => undefined);
  if (asked !== null) void memo.once('segment', () => segmentStage(asked), keepSegmented);
  await found;
}
