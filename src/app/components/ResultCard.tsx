import { For, Show, onMount } from 'solid-js';
import type { GifReduction } from '../../core/encode/gif-reduction.ts';
import type { StickerResult } from '../../core/protocol.ts';
import { t } from '../i18n.ts';
import { Rating } from './Rating.tsx';

export interface ShownSticker {
  url: string;
  meta: StickerResult;
  fileName: string;
  /** The animated versions, when they were made. */
  gifUrl: string | null;
  webpUrl: string | null;
  /** Blob URLs of the platform exports (result.exports). */
  exportUrls: { wechat: string; whatsapp: string; telegram: string };
  /** Its entry in the history (null when it could not be kept), and the user's rating. */
  historyId: string | null;
  rating: number | null;
}

interface ExportRow {
  testId: string;
  label: string;
  url: string;
  fileName: string;
  bytes: number;
  maxBytes: number;
  fits: boolean;
  notes: string[];
}

function reductionText(r: GifReduction): string {
  return r.kind === 'colours' ? t().reducedColours(r.to) : r.kind === 'frames' ? t().reducedFrames(r.to) : t().reducedSize(r.to);
}

function exportRows(s: ShownSticker): ExportRow[] {
  const { wechat, whatsapp, telegram } = s.meta.exports;
  const base = s.fileName.replace(/\.png$/, '');
  return [
    {
      testId: 'export-wechat',
      label: t().exportWechat(wechat.size, wechat.frames),
      url: s.exportUrls.wechat,
      fileName: `${base}-wechat.gif`,
      bytes: wechat.bytes,
      maxBytes: wechat.maxBytes,
      fits: wechat.fits,
      notes: wechat.reductions.map(reductionText),
    },
    {
      testId: 'export-whatsapp',
      label: t().exportWhatsapp(whatsapp.animated),
      url: s.exportUrls.whatsapp,
      fileName: `${base}-whatsapp.webp`,
      bytes: whatsapp.bytes,
      maxBytes: whatsapp.maxBytes,
      fits: whatsapp.fits,
      notes: whatsapp.quality !== null && whatsapp.quality < 0.85 ? [t().reducedQuality(Math.round(whatsapp.quality * 100))] : [],
    },
    {
      testId: 'export-telegram',
      label: t().exportTelegram(telegram.type === 'image/png' ? 'PNG' : 'WebP'),
      url: s.exportUrls.telegram,
      fileName: `${base}-telegram.${telegram.type === 'image/png' ? 'png' : 'webp'}`,
      bytes: telegram.bytes,
      maxBytes: telegram.maxBytes,
      fits: telegram.fits,
      notes: [],
    },
  ];
}

const kb = (n: number) => Math.ceil(n / 1024);

/** The finished sticker on a checkerboard (so its transparency shows) and its download link. */
const fraction = (v: number) => Math.min(1, Math.max(0, v));

interface Props {
  sticker: ShownSticker;
  onRate: (rating: number | null) => void;
  /** The free caption's centre (fractions of the side), shown as a handle; null when not free. */
  captionPoint: { x: number; y: number } | null;
  /** While dragging on the preview (done: false), and once on release (done: true). */
  onCaptionPoint: (at: { x: number; y: number }, done: boolean) => void;
}

export function ResultCard(props: Props) {
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
      <Rating value={props.sticker.rating} onRate={props.onRate} testId="result-rating" />
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
      <h3>{t().exportTitle}</h3>
      <ul class="exports">
        <For each={exportRows(props.sticker)}>
          {(row) => (
            <li>
              <a class="button ghost" href={row.url} download={row.fileName} data-testid={row.testId} data-bytes={row.bytes} data-fits={row.fits}>
                {row.label}
              </a>
              <span class="hint">
                {t().exportSize(kb(row.bytes), kb(row.maxBytes))}
                {row.notes.length > 0 ? ` · ${t().exportReduced} ${row.notes.join('，')}` : ''}
                {row.fits ? '' : ` · ${t().exportOver}`}
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
