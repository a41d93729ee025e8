// Index sets on MediaPipe's 478-point face mesh, and the measurements built on them.
// Indices follow mediapipe/python/solutions/face_mesh_connections.py.

import { distance, mean, type Point } from '../geometry/point.ts';

/** One detected face: 478 landmarks (468 mesh + 10 iris) in source-image pixels. */
export type FaceLandmarks = readonly Point[];

/** The face outline, in order around the face, starting at the top of the forehead. */
export const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21,
  54, 103, 67, 109,
] as const;

/** Iris centres (refined landmarks). "Right" and "left" are the subject's own. */
export const RIGHT_IRIS_CENTER = 468;
export const LEFT_IRIS_CENTER = 473;
/** Eye corners, used when a mesh has no iris points. */
export const RIGHT_EYE_CORNERS = [33, 133] as const;
export const LEFT_EYE_CORNERS = [362, 263] as const;

export const MESH_POINTS = 468;
export const MESH_POINTS_WITH_IRIS = 478;

function at(face: FaceLandmarks, index: number): Point {
  const p = face[index];
  if (p === undefined) throw new RangeError(`face has no landmark ${index}`);
  return p;
}

/** Eye centres as [subject's right eye, subject's left eye]: on an upright photo, image-left first. */
export function eyeCenters(face: FaceLandmarks): [Point, Point] {
  if (face.length >= MESH_POINTS_WITH_IRIS) {
    return [at(face, RIGHT_IRIS_CENTER), at(face, LEFT_IRIS_CENTER)];
  }
  return [mean(RIGHT_EYE_CORNERS.map((i) => at(face, i))), mean(LEFT_EYE_CORNERS.map((i) => at(face, i)))];
}

export function faceOval(face: FaceLandmarks): Point[] {
  return FACE_OVAL.map((i) => at(face, i));
}

export function interocularDistance(face: FaceLandmarks): number {
  const [r, l] = eyeCenters(face);
  return distance(r, l);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boundingBox(points: readonly Point[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Faces by the area they cover, largest first: the first is the one the user most likely means. */
export function facesBySize(faces: readonly FaceLandmarks[]): FaceLandmarks[] {
  const area = (face: FaceLandmarks) => {
    const box = boundingBox(faceOval(face));
    return box.width * box.height;
  };
  return faces
    .map((face) => ({ face, area: area(face) }))
    .sort((p, q) => q.area - p.area)
    .map((p) => p.face);
}
