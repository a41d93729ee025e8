// The sticker form as one value: what the user chose (photo, words, caption place, style, template,
// edge, cutout, animation, AI settings), its defaults, and the one place a GenerateRequest is built
// from it. No DOM and no Solid here, so it is unit-tested in Node.

import type { RedrawRequest } from '../../core/diffusion/redraw-status.ts';
import type { PackItem } from '../../core/pack/plan-pack.ts';
import {
  DEFAULT_CAPTION_PLACEMENT,
  DEFAULT_CUTOUT,
  DEFAULT_OUTLINE,
  isOutline,
  isStyle,
  type CaptionPlacement,
  type Cutout,
  type ExpressionChoice,
  type GenerateRequest,
  type Outline,
  type StickerStyle,
} from '../../core/sticker-options.ts';
import { templateById } from '../../core/templates/index.ts';
import type { Template } from '../../core/templates/template.ts';

export interface StickerForm {
  photo: Blob | null;
  photoName: string;
  prompt: string;
  caption: string;
  captionPlacement: CaptionPlacement;
  /** The free placement's point, remembered while top or bottom is chosen. */
  captionAt: { x: number; y: number };
  /** As the style picker gives it; toGenerateRequest takes an unknown style as 'photo'. */
  style: string;
  /** A template id from the library, or '' for the style's own layout. */
  template: string;
  outlineWidth: number;
  outlineColour: string;
  cutout: Cutout;
  animate: boolean;
  /** The AI style's steps, strength and seed. */
  redraw: RedrawRequest;
}

/** The empty form; the AI settings' defaults depend on the model set, so the caller gives them. */
export function defaultForm(redraw: RedrawRequest): StickerForm {
  return {
    photo: null,
    photoName: '',
    prompt: '',
    caption: '',
    captionPlacement: DEFAULT_CAPTION_PLACEMENT,
    captionAt: { x: 0.5, y: 0.5 },
    style: 'photo',
    template: '',
    outlineWidth: DEFAULT_OUTLINE.width,
    outlineColour: DEFAULT_OUTLINE.colour,
    cutout: DEFAULT_CUTOUT,
    animate: false,
    redraw,
  };
}

/** A change to the form with what follows from it: a placement keeps only its own fields, and a free one's point is remembered. */
export function settled(patch: Partial<StickerForm>): Partial<StickerForm> {
  const p = patch.captionPlacement;
  if (p === undefined) return patch;
  if (p.kind !== 'free') return { ...patch, captionPlacement: { kind: p.kind } };
  return { ...patch, captionPlacement: { kind: 'free', x: p.x, y: p.y }, captionAt: { x: p.x, y: p.y } };
}

/** The template the form uses, if its id is in the library. */
export function formTemplate(form: StickerForm): Template | undefined {
  return templateById(form.template);
}

/** The die-cut edge shows on photo stickers and on templates with a colour face. */
export function usesOutline(form: StickerForm): boolean {
  const tpl = formTemplate(form);
  return tpl === undefined || form.style === 'ai' ? form.style !== 'panda' : tpl.slots.some((s) => s.blend !== 'ink');
}

/** The edge as the form has it, or the default when the form holds something out of range. */
export function formOutline(form: StickerForm): Outline {
  const candidate = { width: form.outlineWidth, colour: form.outlineColour };
  return isOutline(candidate) ? candidate : DEFAULT_OUTLINE;
}

/** What the engine is asked to make from the form; `expression` is what its words were taken to mean. */
export function toGenerateRequest(form: StickerForm, expression: ExpressionChoice | null): GenerateRequest {
  const style: StickerStyle = isStyle(form.style) ? form.style : 'photo';
  // The AI style redraws its own square: a template does not apply to it, nor the animation.
  const template = style === 'ai' ? undefined : formTemplate(form)?.id;
  return {
    prompt: form.prompt,
    expression,
    caption: form.caption.trim() || form.prompt.trim(),
    style,
    animate: form.animate && style !== 'ai',
    outline: formOutline(form),
    cutout: form.cutout,
    captionPlacement: form.captionPlacement,
    ...(template !== undefined && { template }),
    ...(style === 'ai' && { redraw: form.redraw }),
  };
}

/** The form for one sticker of a pack: its words, style and template; the form's photo, edge, cutout and caption place. */
export function packItemForm(form: StickerForm, item: PackItem): StickerForm {
  return { ...form, prompt: item.caption, caption: item.caption, style: item.style, template: item.template ?? '' };
}
