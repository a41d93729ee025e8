import type { Platform } from '../platform.ts';
import type { FaceLandmarks } from '../face/landmarks.ts';
import type { Expression } from '../expression/action-units.ts';
import { expressionDisplacements, openedLayout } from '../expression/displacements.ts';
import { buildWarpMesh, targetPoint } from '../warp/warp-mesh.ts';
import { mouthOpening } from '../warp/mouth-opening.ts';
import { closedEyes } from '../warp/closed-eyes.ts';

export interface WarpedFace<Img> {
  image: Img;
  /** The landmarks where the warp put them. */
  face: FaceLandmarks;
  /** Share of the expression's motion applied (1 unless more would have folded the mesh). */
  applied: number;
}

/** Moves the face into the expression: landmark displacements → fold-free mesh → warped photo, mouth and lids painted. */
export async function warpStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  image: Img,
  size: { width: number; height: number },
  face: FaceLandmarks,
  expression: Expression,
  intensity: number,
): Promise<WarpedFace<Img>> {
  const moves = expressionDisplacements(face, expression.recipe, intensity);
  const mesh = buildWarpMesh(face, moves, size.width, size.height, openedLayout(face));
  const warped = await platform.warp(image, mesh, { mouth: mouthOpening(mesh), eyes: closedEyes(mesh) });
  return { image: warped, face: face.map((_, i) => targetPoint(mesh, i)), applied: mesh.scale };
}
