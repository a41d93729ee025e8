import { For, Show, createSignal, onMount } from 'solid-js';
import type { GifReduction } from '../../core/encode/gif-reduction.ts';
import type { StickerResult } from '../../core/protocol.ts';
import { t } from '../i18n.ts';
import { Rating } from './Rating.tsx';
import { inWeChat, shareFile, shareableFile } from '../share.ts';

export interface ShownSticker {
  url: string;
  meta: StickerResult;
  fileName: string;
  /** The animated versions, when they were made. */
  gifUrl: string | null;
  webpUrl: string | null;
  /** Blob URLs of the platform exports (result.exports). */
  exportUrls: { wechat: string; whatsapp: string; telegram: string; hd: string[] };
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
  /** How long making it took (diagnostics, the bench). */
  ms: number;
}

function reductionText(r: GifReduction): string {
  return r.kind === 'colours' ? t().reducedColours(r.to) : r.kind === 'frames' ? t().reducedFrames(r.to) : t().reducedSize(r.to);
}

function exportRows(s: ShownSticker): ExportRow[] {
  const { wechat, whatsapp, telegram, ms } = s.meta.exports;
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
      ms: ms.wechat,
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
      ms: ms.whatsapp,
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
      ms: ms.telegram,
    },
  ];
}

const kb = (n: number) => Math.ceil(n / 1024);

/** The system share sheet with the sticker file (the animated GIF when there is one), where the browser has it. */
function ShareButton(props: { sticker: ShownSticker }) {
  const [failed, setFailed] = createSignal(false);
  const file = () => {
    const { meta, fileName } = props.sticker;
    return meta.animation === null
      ? shareableFile(meta.png, fileName, 'image/png')
      : shareableFile(meta.exports.wechat.gif, fileName.replace(/\.png$/, '.gif'), 'image/gif');
  };
  return (
    <Show when={file()}>
      {(f) => (
        <>
          <button
            type="button"
            class="button primary"
            data-testid="share-button"
            onClick={() => void shareFile(f(), t().resultTitle).then((outcome) => setFailed(outcome === 'failed'))}
          >
            {t().share}
          </button>
          <Show when={failed()}>
            <p class="hint" role="status">{t().shareFailed}</p>
          </Show>
        </>
      )}
    </Show>
  );
}

/** The high-resolution files: redrawn at each size, not enlarged. */
function HdDownloads(props: { sticker: ShownSticker }) {
  const base = () => props.sticker.fileName.replace(/\.png$/, '');
  return (
    <>
      <h3>{t().hdTitle}</h3>
      <div class="actions" data-testid="export-hd" data-ms={Math.round(props.sticker.meta.exports.ms.hd)}>
        <For each={props.sticker.meta.exports.hd}>
          {(f, i) => {
            const ext = f.type === 'image/png' ? 'png' : 'webp';
            return (
              <a
                class="button ghost"
                href={props.sticker.exportUrls.hd[i()] ?? ''}
                download={`${base()}-${f.size}.${ext}`}
                data-testid={`export-hd-${ext}-${f.size}`}
                data-bytes={f.bytes}
              >
                {t().hdFile(ext.toUpperCase(), f.size, kb(f.bytes))}
              </a>
            );
          }}
        </For>
      </div>
    </>
  );
}


/** Every way out except long-press: share, downloads, HD files and the platform exports. */
function Downloads(props: { sticker: ShownSticker }) {
  return (
    <>
      <div class="actions">
        <ShareButton sticker={props.sticker} />
        <a class="button primary" href={props.sticker.url} download={props.sticker.fileName} data-testid="download-link">
          {t().download}
        </a>
        <Show when={props.sticker.gifUrl}>
          {(url) => (
            <a class="button ghost" href={url()} download={props.sticker.fileName.replace(/\.png$/, '.gif')} data-testid="download-gif">
              {t().downloadGif}
            </a>
          )}
        </Show>
        <Show when={props.sticker.webpUrl}>
          {(url) => (
            <a class="button ghost" href={url()} download={props.sticker.fileName.replace(/\.png$/, '.webp')} data-testid="download-webp">
              {t().downloadWebp}
            </a>
          )}
        </Show>
      </div>
      <HdDownloads sticker={props.sticker} />
      <h3>{t().exportTitle}</h3>
      <ul class="exports">
        <For each={exportRows(props.sticker)}>
          {(row) => (
            <li>
              <a
                class="button ghost"
                href={row.url}
                download={row.fileName}
                data-testid={row.testId}
                data-bytes={row.bytes}
                data-fits={row.fits}
                data-ms={Math.round(row.ms)}
              >
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
    </>
  );
}

const fraction = (v: number) => Math.min(1, Math.max(0, v));

interface Props {
  sticker: ShownSticker;
  onRate: (rating: number | null) => void;
  /** The free caption's centre (fractions of the side), shown as a handle; null when not free. */
  captionPoint: { x: number; y: number } | null;
  /** While dragging on the preview (done: false), and once on release (done: true). */
  onCaptionPoint: (at: { x: number; y: number }, done: boolean) => void;
}

/** The finished sticker on a checkerboard (so its transparency shows) and the ways to take it away. */
export function ResultCard(props: Props) {
  // Downloads fail inside WeChat (../shared/docs/PRODUCT.md): there the images are the way out, by long-press.
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
        <p class="hint" data-testid="wechat-save-hint">{t().wechatSaveHint}</p>
      </Show>
      <Rating value={props.sticker.rating} onRate={props.onRate} testId="result-rating" />
      <Show when={t().facesFound(props.sticker.meta.facesFound)}>{(note) => <p class="hint" data-testid="faces-note">{note()}</p>}</Show>
      <Show when={props.sticker.meta.cutout?.fallback}>
        {(reason) => (
          <p class="hint" data-testid="cutout-note" data-reason={reason()}>
            {t().cutoutFallback(reason())}
          </p>
        )}
      </Show>
      <Show when={props.sticker.gifUrl !== null && props.sticker.webpUrl !== null}>
        <h3>{t().animatedTitle}</h3>
        <div class="checker">
          {/* In WeChat the GIF is what a long-press should save: it is what WeChat sends as a sticker. */}
          <img src={(weChat ? props.sticker.gifUrl : props.sticker.webpUrl) ?? ''} width={256} height={256} alt={t().animatedAlt} data-testid="animation-image" />
        </div>
      </Show>
      <Show when={!weChat}>
        <Downloads sticker={props.sticker} />
      </Show>
    </section>
  );
}
