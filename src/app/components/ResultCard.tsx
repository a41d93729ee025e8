import { Show, onMount } from 'solid-js';
import type { ShownSticker } from '../shown-sticker.ts';
import { t } from '../i18n/index.ts';
import { Rating } from './Rating.tsx';
import { Downloads } from './Downloads.tsx';
import { AnimatedPreview } from './AnimatedPreview.tsx';
import { inWeChat } from '../share.ts';

const fraction = (v: number) => Math.min(1, Math.max(0, v));

interface Props {
  sticker: ShownSticker;
  onRate: (rating: number | null) => void;
  /** The free caption's centre (fractions of the side), shown as a handle; null when not free. */
  captionPoint: { x: number; y: number } | null;
  /** While dragging on the preview (done: false), and once on release (done: true). */
  onCaptionPoint: (at: { x: number; y: number }, done: boolean) => void;
  /** The AI redraw's seed, steps and prompt, when it made this sticker. */
  aiNote: string | null;
}

/** The finished sticker on a checkerboard (so its transparency shows) and the ways to take it away. */
export function ResultCard(props: Props) {
  // Downloads fail inside WeChat (docs/product-facts.md): there the images are the way out, by long-press.
  const weChat = inWeChat();
  let dragging = false;
  const pointAt = (e: PointerEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: fraction((e.clientX - box.left) / box.width), y: fraction((e.clientY - box.top) / box.height) };
  };
  const drag = (e: PointerEvent, done: boolean) => {
    if (props.captionPoint === null || !dragging) return;
    dragging = !done;
    props.onCaptionPoint(pointAt(e), done);
  };
  // On a phone the result appears below the form: bring it into view when it first arrives.
  const reveal = (card: HTMLElement) =>
    onMount(() => {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      card.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    });
  return (
    <section class="card result" aria-labelledby="result-title" ref={reveal}>
      <h2 id="result-title">{t().resultTitle}</h2>
      <div class="checker">
        <div
          class="caption-stage"
          classList={{ placing: props.captionPoint !== null }}
          data-testid="caption-stage"
          onPointerDown={(e) => {
            if (props.captionPoint === null) return;
            dragging = true;
            e.currentTarget.setPointerCapture(e.pointerId);
            drag(e, false);
          }}
          onPointerMove={(e) => drag(e, false)}
          onPointerUp={(e) => drag(e, true)}
          onPointerCancel={() => (dragging = false)}
        >
          <img
            src={props.sticker.url}
            width={props.sticker.meta.width}
            height={props.sticker.meta.height}
            alt={t().resultAlt}
            data-testid="result-image"
            draggable={false}
          />
          <Show when={props.captionPoint}>
            {(at) => (
              <span
                class="caption-handle"
                data-testid="caption-handle"
                aria-hidden="true"
                title={t().captionHandle}
                style={{ left: `${at().x * 100}%`, top: `${at().y * 100}%` }}
              />
            )}
          </Show>
        </div>
      </div>
      <Show when={weChat}>
        <p class="hint" data-testid="wechat-save-hint">
          {t().wechatSaveHint}
        </p>
      </Show>
      <Rating value={props.sticker.rating} onRate={props.onRate} testId="result-rating" />
      <Show when={props.aiNote}>
        {(note) => (
          <p class="hint" data-testid="redraw-info">
            {note()}
          </p>
        )}
      </Show>
      <Show when={t().facesFound(props.sticker.meta.facesFound)}>
        {(note) => (
          <p class="hint" data-testid="faces-note">
            {note()}
          </p>
        )}
      </Show>
      <Show when={props.sticker.meta.cutout?.fallback}>
        {(reason) => (
          <p class="hint" data-testid="cutout-note" data-reason={reason()}>
            {t().cutoutFallback(reason())}
          </p>
        )}
      </Show>
      <Show when={props.sticker.gifUrl !== null && props.sticker.webpUrl !== null}>
        <h3>{t().animatedTitle}</h3>
        {/* In WeChat the GIF is what a long-press should save: it is what WeChat sends as a sticker. */}
        <AnimatedPreview animatedUrl={(weChat ? props.sticker.gifUrl : props.sticker.webpUrl) ?? ''} stillUrl={props.sticker.url} />
      </Show>
      <Show when={!weChat}>
        <Downloads sticker={props.sticker} />
      </Show>
    </section>
  );
}
