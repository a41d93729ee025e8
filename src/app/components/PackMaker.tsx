import { For, Show, createEffect, createSignal } from 'solid-js';
import { writeZip } from '../../core/encode/zip.ts';
import { planPack, type PackItem } from '../../core/pack/plan-pack.ts';
import { WECHAT_PACK_SIZES, checkWechatPack, wechatNames, type PackProblem } from '../../core/pack/wechat-pack.ts';
import type { StickerResult } from '../../core/protocol.ts';
import { banner, scaledPng, type DrawnFile } from '../pack/pack-art.ts';
import { t } from '../i18n/index.ts';
import { inWeChat } from '../share.ts';
import { errorMessage } from '../../core/errors.ts';

interface Props {
  /** Makes one sticker from the current photo, or fails with the job's error. */
  make: (item: PackItem) => Promise<StickerResult>;
  hasPhoto: boolean;
  animated: boolean;
  /** Told when the pack starts and ends being made (an app update waits for it). */
  onBusy?: (busy: boolean) => void;
}

interface Made {
  item: PackItem;
  result: StickerResult;
  url: string;
}

function download(bytes: Uint8Array<ArrayBuffer>, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The WeChat platform's files for the made stickers, checked against its rules. */
async function buildPack(made: readonly Made[]): Promise<{ zip: Uint8Array<ArrayBuffer>; problems: PackProblem[] }> {
  const bitmaps = await Promise.all(made.map((m) => createImageBitmap(new Blob([m.result.png], { type: 'image/png' }))));
  const main: DrawnFile[] = made.map((m, i) => {
    const w = m.result.exports.wechat;
    return {
      file: { name: wechatNames.main(i), format: 'gif', width: w.size, height: w.size, bytes: w.bytes, frames: w.frames },
      bytes: new Uint8Array(w.gif),
    };
  });
  const thumbs = await Promise.all(bitmaps.map((b, i) => scaledPng(b, 120, wechatNames.thumb(i))));
  const first = bitmaps[0];
  if (first === undefined) throw new Error('empty pack');
  const cover = await scaledPng(first, 240, wechatNames.cover);
  const icon = await scaledPng(first, 50, wechatNames.icon);
  const art = await banner(bitmaps, t().packTitle, wechatNames.banner);
  for (const b of bitmaps) b.close();
  const problems = checkWechatPack({ main: main.map((m) => m.file), thumbs: thumbs.map((f) => f.file), cover: cover.file, banner: art.file, icon: icon.file });
  const files = [...main, ...thumbs, cover, art, icon];
  const summary = {
    platform: 'WeChat sticker platform',
    stickers: made.map((m, i) => ({
      file: wechatNames.main(i),
      expression: m.item.expressionId,
      style: m.item.style,
      template: m.item.template ?? null,
      caption: m.item.caption,
    })),
    files: files.map((f) => f.file),
    problems,
  };
  const entries = [
    ...files.map((f) => ({ name: f.file.name, bytes: f.bytes })),
    { name: 'pack.json', bytes: new TextEncoder().encode(JSON.stringify(summary, null, 2)) },
  ];
  return { zip: writeZip(entries), problems };
}

/** Makes 8, 16 or 24 stickers from one photo, shows them in a grid, and exports the WeChat ZIP. */
export function PackMaker(props: Props) {
  const [count, setCount] = createSignal<number>(8);
  const [made, setMade] = createSignal<Made[]>([]);
  const [busy, setBusy] = createSignal(false);
  createEffect(() => props.onBusy?.(busy()));
  const [failed, setFailed] = createSignal('');
  const [problems, setProblems] = createSignal<PackProblem[]>([]);

  const make = async () => {
    for (const m of made()) URL.revokeObjectURL(m.url);
    setMade([]);
    setProblems([]);
    setFailed('');
    setBusy(true);
    try {
      for (const item of planPack(count())) {
        const result = await props.make(item);
        const url = URL.createObjectURL(new Blob([result.png], { type: 'image/png' }));
        setMade((list) => [...list, { item, result, url }]);
      }
    } catch (error) {
      setFailed(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const exportPack = async () => {
    const { zip, problems: found } = await buildPack(made());
    setProblems(found);
    if (found.length === 0) download(zip, `biaoqing-wechat-pack-${made().length}.zip`);
  };

  return (
    <section class="card pack" aria-labelledby="pack-title">
      <h2 id="pack-title">{t().packHeading}</h2>
      <p class="hint">{t().packHint(props.animated)}</p>
      <div class="actions">
        <label class="field inline">
          <span>{t().packSize}</span>
          <select data-testid="pack-size" value={count()} onChange={(e) => setCount(Number(e.currentTarget.value))}>
            <For each={WECHAT_PACK_SIZES}>{(n) => <option value={n}>{n}</option>}</For>
          </select>
        </label>
        <button type="button" class="button primary" data-testid="make-pack" disabled={busy() || !props.hasPhoto} onClick={() => void make()}>
          {t().packMake}
        </button>
      </div>
      <Show when={busy() || made().length > 0}>
        <p class="hint" role="status" data-testid="pack-progress" data-done={made().length}>
          {t().packProgress(made().length, count())}
        </p>
      </Show>
      <Show when={failed()}>
        {(text) => (
          <p class="error" role="alert">
            {t().packFailed} {text()}
          </p>
        )}
      </Show>
      <ul class="pack-grid">
        <For each={made()}>
          {(m) => (
            <li class="checker">
              <img src={m.url} width={120} height={120} alt={m.item.caption} data-testid="pack-sticker" />
            </li>
          )}
        </For>
      </ul>
      <Show when={!busy() && made().length > 0}>
        {/* WeChat's browser cannot download files: the ZIP has to be made in a real browser. */}
        <Show
          when={!inWeChat()}
          fallback={
            <p class="hint" data-testid="pack-wechat-hint">
              {t().packInWeChat}
            </p>
          }
        >
          <button type="button" class="button primary" data-testid="export-pack" onClick={() => void exportPack()}>
            {t().packExport}
          </button>
        </Show>
      </Show>
      <Show when={problems().length > 0}>
        <ul class="error" role="alert" data-testid="pack-problems">
          <For each={problems()}>{(p) => <li>{`${p.file}: ${p.detail}`}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
