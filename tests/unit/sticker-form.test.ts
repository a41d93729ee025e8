// The sticker form's one request builder and its draft table: what is asked of the engine for the
// form and for a pack's stickers, what the draft stores, and how a stored draft (as the app has
// saved it since draft:v1) comes back into the form.
import { describe, expect, it } from 'vitest';
import { planPack } from '../../src/core/pack/plan-pack.ts';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_CUTOUT, DEFAULT_OUTLINE } from '../../src/core/sticker-options.ts';
import { changesDraft, draftOf, restoreDraft } from '../../src/app/form/form-draft.ts';
import { defaultForm, packItemForm, settled, toGenerateRequest, usesOutline, type StickerForm } from '../../src/app/form/sticker-form.ts';

const redraw = { steps: 4, strength: 0.6, seed: 42 };
const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
const form = (patch: Partial<StickerForm> = {}): StickerForm => ({ ...defaultForm(redraw), ...settled(patch) });

describe('toGenerateRequest', () => {
  it('asks for the photo style with the defaults, the words as the caption', () => {
    expect(toGenerateRequest(form({ prompt: ' 开心 ' }), null)).toEqual({
      prompt: ' 开心 ',
      expression: null,
      caption: '开心',
      style: 'photo',
      animate: false,
      outline: DEFAULT_OUTLINE,
      cutout: DEFAULT_CUTOUT,
      captionPlacement: DEFAULT_CAPTION_PLACEMENT,
    });
  });

  it('takes the caption over the words, and every choice of the form', () => {
    const request = toGenerateRequest(
      form({
        prompt: '开心',
        caption: ' 好耶 ',
        style: 'panda',
        template: 'festival-moon',
        animate: true,
        outlineWidth: 3,
        outlineColour: '#ff0000',
        cutout: 'face',
        captionPlacement: { kind: 'free', x: 0.2, y: 0.3 },
      }),
      { id: 'laugh', intensity: 0.7 },
    );
    expect(request).toEqual({
      prompt: '开心',
      expression: { id: 'laugh', intensity: 0.7 },
      caption: '好耶',
      style: 'panda',
      animate: true,
      outline: { width: 3, colour: '#ff0000' },
      cutout: 'face',
      captionPlacement: { kind: 'free', x: 0.2, y: 0.3 },
      template: 'festival-moon',
    });
  });

  it('falls back where the form holds what the engine cannot take', () => {
    const request = toGenerateRequest(form({ style: 'oil-painting', template: 'no-such-template', outlineWidth: 999 }), null);
    expect(request.style).toBe('photo');
    expect(request.template).toBeUndefined();
    expect(request.outline).toEqual(DEFAULT_OUTLINE);
  });

  it('gives the AI style its redraw settings, and no template or animation', () => {
    const request = toGenerateRequest(form({ style: 'ai', template: 'festival-moon', animate: true }), null);
    expect(request.redraw).toEqual(redraw);
    expect(request.template).toBeUndefined();
    expect(request.animate).toBe(false);
  });

  it("asks for each pack sticker what the pack maker asked for: the item's words, style and template, the form's edge, cutout and place", () => {
    const current = form({
      prompt: '别的字',
      caption: '别的',
      style: 'ai',
      template: 'festival-moon',
      animate: true,
      outlineWidth: 5,
      outlineColour: '#00ff00',
      cutout: 'face',
      captionPlacement: { kind: 'top' },
    });
    for (const item of planPack(24)) {
      expect(toGenerateRequest(packItemForm(current, item), { id: item.expressionId, intensity: 1 })).toEqual({
        prompt: item.caption,
        expression: { id: item.expressionId, intensity: 1 },
        caption: item.caption,
        style: item.style,
        animate: true,
        outline: { width: 5, colour: '#00ff00' },
        cutout: 'face',
        captionPlacement: { kind: 'top' },
        ...(item.template !== undefined && { template: item.template }),
      });
    }
  });
});

describe('the form', () => {
  it('remembers a free caption point while top or bottom is chosen', () => {
    const free = form({ captionPlacement: { kind: 'free', x: 0.1, y: 0.9 } });
    const top = { ...free, ...settled({ captionPlacement: { kind: 'top' } }) };
    expect(top.captionPlacement).toEqual({ kind: 'top' });
    expect(top.captionAt).toEqual({ x: 0.1, y: 0.9 });
  });

  it('shows the edge on photo stickers and colour templates, not on the panda', () => {
    expect(usesOutline(form())).toBe(true);
    expect(usesOutline(form({ style: 'panda' }))).toBe(false);
  });
});

describe('the draft', () => {
  const stored = {
    photo,
    photoName: 'me.jpg',
    prompt: '开心',
    caption: '好耶',
    style: 'panda',
    template: 'festival-moon',
    outlineWidth: 3,
    outlineColour: '#ff0000',
    cutout: 'face',
    captionPlacement: { kind: 'free', x: 0.2, y: 0.3 },
  };

  it('stores the same fields, under the same names, as draft:v1 always has', () => {
    const draft = draftOf(form({ ...stored, cutout: 'face', captionPlacement: { kind: 'free', x: 0.2, y: 0.3 }, animate: true }));
    expect(draft).toEqual(stored);
  });

  it('saves on a change to a kept field only', () => {
    expect(changesDraft({ prompt: 'x' })).toBe(true);
    expect(changesDraft({ captionPlacement: { kind: 'top' } })).toBe(true);
    expect(changesDraft({ animate: true })).toBe(false);
    expect(changesDraft({ redraw })).toBe(false);
  });

  it('brings a stored draft back into an empty form, the free point with it', () => {
    const restored = { ...form(), ...restoreDraft(stored, form()) };
    expect(restored).toEqual({ ...form(), ...stored, captionAt: { x: 0.2, y: 0.3 } });
    expect(draftOf(restored)).toEqual(stored);
  });

  it('takes the default for a field missing or broken', () => {
    const now = form({ outlineWidth: 9, cutout: 'face', template: 'festival-moon' });
    const restored = {
      ...now,
      ...restoreDraft({ photo: 'not a blob', photoName: 'x.jpg', outlineWidth: '3', cutout: 'rainbow', captionPlacement: { kind: 'free', x: 7, y: 0 } }, now),
    };
    expect(restored).toEqual(form());
  });

  it('leaves a style this version does not know, and takes no style as the photo style', () => {
    expect(restoreDraft({ style: 'oil-painting' }, form({ style: 'panda' })).style).toBeUndefined();
    expect(restoreDraft({}, form({ style: 'panda' })).style).toBe('photo');
  });

  it('does not replace a photo or words the user gave before the draft was read', () => {
    const mine = new Blob([new Uint8Array([1])], { type: 'image/png' });
    const now = form({ photo: mine, photoName: 'mine.png', prompt: '难过', caption: '' });
    const restored = { ...now, ...restoreDraft(stored, now) };
    expect(restored.photo).toBe(mine);
    expect(restored.photoName).toBe('mine.png');
    expect(restored.prompt).toBe('难过');
    expect(restored.caption).toBe('好耶');
  });
});
