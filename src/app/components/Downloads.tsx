// Every way a finished sticker leaves the app except long-press: the share sheet, downloads, the
// HD files and each chat platform's export with its size against the cap.

import { For, Show, createSignal } from 'solid-js';
import type { GifReduction } from '../../core/encode/gif-reduction.ts';
import { lang, t } from '../i18n/index.ts';
import { shareFile, shareableFile } from '../share.ts';
import type { ShownSticker } from '../shown-sticker.ts';

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
            <p class="hint" role="status">
              {t().shareFailed}
            </p>
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
export function Downloads(props: { sticker: ShownSticker }) {
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
                {row.notes.length > 0 ? ` · ${t().exportReduced} ${row.notes.join(lang() === 'en' ? ', ' : '，')}` : ''}
                {row.fits ? '' : ` · ${t().exportOver}`}
              </span>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
