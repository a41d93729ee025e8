// The same sticker plan at k times the size: every position, length and font scaled, so the
// compositor redraws the vector parts (outline, caption, marks) and resamples the photo crisply at
// the larger size instead of blowing up the finished pixels.

import type { PersonCutout, SlotFace, StickerPlan } from './platform.ts';
import type { Point } from './geometry/point.ts';

const scalePoint = (p: Point, k: number): Point => ({ x: p.x * k, y: p.y * k });

function scaleSlotFace(face: SlotFace, k: number): SlotFace {
  const { transform: t, box } = face;
  return {
    transform: { a: t.a * k, b: t.b * k, c: t.c * k, d: t.d * k, e: t.e * k, f: t.f * k },
    mask: face.mask.map((p) => scalePoint(p, k)),
    eyes: [scalePoint(face.eyes[0], k), scalePoint(face.eyes[1], k)],
    box: { x: box.x * k, y: box.y * k, w: box.w * k, h: box.h * k },
  };
}

function scalePerson(person: PersonCutout, k: number): PersonCutout {
  const { cutAt } = person;
  const t = cutAt?.transform;
  return {
    ...person,
    oval: person.oval.map((p) => scalePoint(p, k)),
    ...(cutAt === undefined || t === undefined
      ? {}
      : { cutAt: { transform: { a: t.a * k, b: t.b * k, tx: t.tx * k, ty: t.ty * k }, oval: cutAt.oval.map((p) => scalePoint(p, k)) } }),
  };
}

export function scalePlan(plan: StickerPlan, k: number): StickerPlan {
  const { transform: t, caption } = plan;
  return {
    ...plan,
    size: Math.round(plan.size * k),
    transform: { a: t.a * k, b: t.b * k, tx: t.tx * k, ty: t.ty * k },
    mask: plan.mask.map((p) => scalePoint(p, k)),
    // The person's confidence stays in photo pixels; only its face oval is on the sticker.
    person: plan.person === null ? null : scalePerson(plan.person, k),
    outline: { ...plan.outline, width: plan.outline.width * k },
    caption: { ...caption, fontSize: caption.fontSize * k, centerX: caption.centerX * k, baselineY: caption.baselineY.map((y) => y * k) },
    overlays: plan.overlays.map((o) => ({ ...o, x: o.x * k, y: o.y * k, size: o.size * k })),
    ...(plan.template === undefined ? {} : { template: { ...plan.template, faces: plan.template.faces.map((f) => scaleSlotFace(f, k)) } }),
  };
}
