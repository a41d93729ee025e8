import { Show, onMount } from 'solid-js';
import type { StickerResult } from '../../core/protocol.ts';
import { t } from '../i18n.ts';

export interface ShownSticker {
  url: string;
  meta: StickerResult;
  fileName: string;
  /** The animated versions, when they were made. */
  gifUrl: string | null;
  webpUrl: string | null;
}

/** The finished sticker on a checkerboard (so its transparency shows) and its download link. */
export function ResultCard(props: { sticker: ShownSticker }) {
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
        <img
          src={props.sticker.url}
          width={props.sticker.meta.width}
          height={props.sticker.meta.height}
          alt={t().resultAlt}
          data-testid="result-image"
        />
      </div>
      <Show when={t().facesFound(props.sticker.meta.facesFound)}>{(note) => <p class="hint" data-testid="faces-note">{note()}</p>}</Show>
      <a class="button primary" href={props.sticker.url} download={props.sticker.fileName} data-testid="download-link">
        {t().download}
      </a>
      <Show when={props.sticker.gifUrl !== null && props.sticker.webpUrl !== null}>
        <h3>{t().animatedTitle}</h3>
        <div class="checker">
          <img src={props.sticker.webpUrl ?? ''} width={256} height={256} alt={t().animatedAlt} data-testid="animation-image" />
        </div>
        <div class="actions">
          <a class="button ghost" href={props.sticker.gifUrl ?? ''} download={props.sticker.fileName.replace(/\.png$/, '.gif')} data-testid="download-gif">
            {t().downloadGif}
          </a>
          <a class="button ghost" href={props.sticker.webpUrl ?? ''} download={props.sticker.fileName.replace(/\.png$/, '.webp')} data-testid="download-webp">
            {t().downloadWebp}
          </a>
        </div>
      </Show>
    </section>
  );
}
