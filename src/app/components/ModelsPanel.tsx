import { For, Show, createSignal } from 'solid-js';
import type { ModelEntry } from '../../core/models/manifest.ts';
import { t } from '../i18n/index.ts';
import { deleteCachedModel, listCachedModels, type CachedModel } from '../model-cache.ts';

const MB = 2 ** 20;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
/** MB with one decimal; KB below a tenth of a MB (a 737-byte settings file is not "0.0 MB"). */
const size = (bytes: number) => (bytes < MB / 10 ? `${Math.ceil(bytes / 1024)} KB` : `${mb(bytes)} MB`);

function modelName(entry: ModelEntry): string {
  return t().modelNames[entry.id] ?? entry.id;
}

/** The model files kept on this device: size, whether whole or part-downloaded, and a delete button each. */
export function ModelsPanel() {
  const [models, setModels] = createSignal<CachedModel[] | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const refresh = async () => setModels(await listCachedModels().catch(() => []));
  const remove = async (model: CachedModel) => {
    setDeleting(model.entry.id);
    try {
      await deleteCachedModel(model.entry);
    } finally {
      setDeleting(null);
      await refresh();
    }
  };
  const total = () => (models() ?? []).reduce((sum, m) => sum + m.bytes, 0);
  return (
    // Read when opened, so it shows what the workers have stored since the page loaded.
    <details
      class="card models"
      data-testid="models-panel"
      onToggle={(e) => {
        if (e.currentTarget.open) void refresh();
      }}
    >
      <summary>{t().modelsHeading}</summary>
      <p class="hint">{t().modelsHint}</p>
      <Show when={models()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="hint">{t().modelsEmpty}</p>}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t().modelColumn}</th>
                  <th scope="col">{t().modelSize}</th>
                  <th scope="col">{t().modelState}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t().modelDelete}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(m) => {
                    const pct = () => Math.floor((100 * m.bytes) / m.entry.bytes);
                    return (
                      <tr data-testid={`model-row-${m.entry.id}`} data-bytes={m.bytes} data-state={m.complete ? 'complete' : 'partial'}>
                        <th scope="row">{modelName(m.entry)}</th>
                        <td class="model-size">{size(m.bytes)}</td>
                        <td>
                          <Show when={!m.complete} fallback={t().modelComplete}>
                            <label>
                              {t().modelPartial(pct(), size(m.entry.bytes))} <progress max="100" value={pct()} />
                            </label>
                          </Show>
                        </td>
                        <td>
                          <button
                            type="button"
                            class="button ghost"
                            data-testid={`model-delete-${m.entry.id}`}
                            aria-label={t().modelDeleteLabel(modelName(m.entry), size(m.bytes))}
                            disabled={deleting() === m.entry.id}
                            onClick={() => void remove(m)}
                          >
                            {t().modelDelete}
                          </button>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
      <p class="hint" data-testid="models-total" data-bytes={total()}>
        {t().modelsTotal(size(total()))}
      </p>
    </details>
  );
}
