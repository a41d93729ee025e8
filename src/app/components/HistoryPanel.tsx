import { For, Show, createSignal, onCleanup, onMount } from 'solid-js';
import type { HistoryRecord, HistoryUsage } from '../history-store.ts';
import { lang, t } from '../i18n/index.ts';
import { Rating } from './Rating.tsx';
import { inWeChat } from '../share.ts';

interface Props {
  records: readonly HistoryRecord[];
  usage: HistoryUsage | null;
  onEdit: (record: HistoryRecord) => void;
  onDelete: (record: HistoryRecord) => void;
  onRate: (record: HistoryRecord, rating: number | null) => void;
}

const MB = 2 ** 20;

function Item(props: { record: HistoryRecord } & Omit<Props, 'records' | 'usage'>) {
  const [png, setPng] = createSignal('');
  const [gif, setGif] = createSignal('');
  onMount(() => {
    setPng(URL.createObjectURL(props.record.png));
    setGif(URL.createObjectURL(props.record.wechatGif));
  });
  onCleanup(() => {
    URL.revokeObjectURL(png());
    URL.revokeObjectURL(gif());
  });
  const when = () => new Date(props.record.createdAt).toLocaleString(lang());
  return (
    <li class="history-item" data-testid="history-item" data-id={props.record.id}>
      <div class="checker">
        <img src={png()} width={120} height={120} alt={props.record.caption || props.record.prompt || t().resultAlt} />
      </div>
      <p class="hint">
        {props.record.prompt || '—'} · <time datetime={new Date(props.record.createdAt).toISOString()}>{when()}</time>
      </p>
      <Rating value={props.record.rating} onRate={(n) => props.onRate(props.record, n)} testId="history-rating" />
      <div class="actions">
        {/* Downloads fail inside WeChat; there the picture above is long-pressed instead. */}
        <Show when={!inWeChat()}>
          <a class="button ghost" href={png()} download={`biaoqing-${props.record.id.slice(0, 8)}.png`}>
            PNG
          </a>
          <a class="button ghost" href={gif()} download={`biaoqing-${props.record.id.slice(0, 8)}-wechat.gif`}>
            GIF
          </a>
        </Show>
        <button type="button" class="button ghost" data-testid="history-edit" onClick={() => props.onEdit(props.record)}>
          {t().historyEdit}
        </button>
        <button type="button" class="button ghost" data-testid="history-delete" onClick={() => props.onDelete(props.record)}>
          {t().historyDelete}
        </button>
      </div>
    </li>
  );
}

/** Every sticker made on this device, newest first, and how much room they take. */
export function HistoryPanel(props: Props) {
  const [quota, setQuota] = createSignal<number | null>(null);
  onMount(() => {
    void navigator.storage?.estimate?.().then(
      (e) => setQuota(e.quota ?? null),
      () => undefined,
    );
  });
  return (
    <section class="card history" aria-labelledby="history-title">
      <h2 id="history-title">{t().historyHeading}</h2>
      <Show when={props.usage}>
        {(u) => (
          <p class="hint" data-testid="storage-usage" data-stickers={u().stickers} data-bytes={u().bytes}>
            {t().storageUsage(u().stickers, (u().bytes / MB).toFixed(1), quota() === null ? null : ((quota() ?? 0) / MB).toFixed(0))}
          </p>
        )}
      </Show>
      <Show when={props.records.length > 0} fallback={<p class="hint">{t().historyEmpty}</p>}>
        <ul class="history-grid">
          <For each={props.records}>{(record) => <Item record={record} onEdit={props.onEdit} onDelete={props.onDelete} onRate={props.onRate} />}</For>
        </ul>
      </Show>
    </section>
  );
}
