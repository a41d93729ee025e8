import { Show, createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { ErrorInfo } from '../core/errors.ts';
import { DEFAULT_CAPTION_PLACEMENT, isCaptionPlacement, isCutout, isStyle } from '../core/sticker-options.ts';
import { type EngineEvent, type StickerResult } from '../core/protocol.ts';
import { type GpuReport } from '../core/gpu-report.ts';
import type { PackItem } from '../core/pack/plan-pack.ts';
import { aiModelSet, createEngine } from '../engine/create-engine.ts';
import { DIFFUSION_SETS } from '../core/diffusion/model-sets.ts';
import type { RedrawStatus } from '../core/diffusion/redraw-status.ts';
import { AiFields, randomSeed } from './components/AiFields.tsx';
import { RedrawPreview } from './components/RedrawPreview.tsx';
import { aiText } from './i18n/index.ts';
import { askToKeepStorage } from './model-cache.ts';
import { JobFailedError } from '../engine/sticker-engine.ts';
import { DiagnosticsPanel } from './components/DiagnosticsPanel.tsx';
import { ExpressionPicker } from './components/ExpressionPicker.tsx';
import { PhotoPicker } from './components/PhotoPicker.tsx';
import { CaptionPlacementPicker } from './components/CaptionPlacementPicker.tsx';
import { PackMaker } from './components/PackMaker.tsx';
import { TemplatePicker } from './components/TemplatePicker.tsx';
import { StyleFields } from './components/StyleFields.tsx';
import { OutlineFields } from './components/OutlineFields.tsx';
import { templateById } from '../core/templates/index.ts';
import { ProgressList } from './components/ProgressList.tsx';
import { ResultCard } from './components/ResultCard.tsx';
import { StillCard } from './components/StillCard.tsx';
import { createExpressionChoice } from './form/expression-choice.ts';
import { createFormStore } from './form/form-store.ts';
import { formTemplate, packItemForm, toGenerateRequest, usesOutline } from './form/sticker-form.ts';
import { cutoutFor } from '../core/job-stages.ts';
import { createJobState } from './job-state.ts';
import { historyPhoto, type HistoryRecord } from './history-store.ts';
import { createHistory } from './history-state.ts';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { initialAiDevice, rememberAiDevice } from './ai-device-setting.ts';
import { ModelsPanel } from './components/ModelsPanel.tsx';
import { OpenInBrowserHint } from './components/OpenInBrowserHint.tsx';
import { errorSentence, errorText, lang, setLang, t } from './i18n/index.ts';
import { registerServiceWorker } from './pwa/app-update.ts';
import { InstallButton } from './components/InstallButton.tsx';
import { OfflineBadge } from './components/OfflineBadge.tsx';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import { isEmbedded } from './embed/embed-mode.ts';
import { createNotice } from './notice-state.ts';
import { EmbedBridge } from './embed/EmbedBridge.tsx';
import type { EmbedFields } from './embed/embed-messages.ts';

export function App() {
  const [aiDevice, setAiDevice] = createSignal(initialAiDevice(window.location.search));
  const engine = createEngine(window.location, aiDevice());
  /** In an iframe (?embed=1): the compact form, driven by the host page too. */
  const embedded = isEmbedded(window.location.search);
  const history = createHistory();
  const [blocked, setBlocked] = createSignal<string[]>([]);
  const notice = createNotice();
  const [gpu, setGpu] = createSignal<GpuReport | null>(null);
  const [packBusy, setPackBusy] = createSignal(false);
  const jobs = createJobState({ engine, history, keepOffline: (part) => update.keepOffline(part), onMade: () => notice.clear() });
  const update = registerServiceWorker(() => jobs.job() !== null || packBusy());
  const aiSet = DIFFUSION_SETS[aiModelSet(location.search)];
  const [redrawStatus, setRedrawStatus] = createSignal<RedrawStatus | null>(null);
  const { form, photoUrl, snapshot, edit, restore } = createFormStore(
    { steps: aiSet.defaultSteps, strength: aiSet.defaultStrength, seed: randomSeed() },
    () => {
      // A sticker is near: the face model starts, and the photo is looked at, while the words are typed.
      const now = snapshot();
      if (now.photo !== null) {
        // Looking fetches a model that failed again, so its failure is no longer the news.
        notice.clearFailure();
        engine.look(now.photo, cutoutFor(toGenerateRequest(now, null)) === 'person');
      }
      jobs.clearError();
    },
  );
  const isAi = () => form.style === 'ai';
  const expression = createExpressionChoice(window.location, () => form.prompt);
  // The encoder ran on onnxruntime-web: keep its wasm for offline use too.
  createEffect(() => {
    if (expression.encoder().status === 'ready') update.keepOffline('ai');
  });

  const chooseTemplate = (id: string) => {
    const tpl = templateById(id);
    // The template's own caption is offered when the user has not written one.
    const offered = tpl !== undefined && form.caption === '' ? { caption: lang() === 'en' ? tpl.caption.en : tpl.caption.zh } : {};
    edit({ template: id, ...offered });
  };

  const onEngineEvent = (event: EngineEvent) => {
    if (event.type === 'ready') setGpu(event.gpu);
    else if (event.type === 'redraw') setRedrawStatus(event.status);
    else if (event.type === 'blocked') setBlocked((urls) => (urls.includes(event.url) ? urls : [...urls, event.url]));
    else if (event.type === 'download') {
      const finished = event.cached || event.loaded >= event.total;
      // The model's name as the models panel gives it, not its manifest id.
      const model = t().modelNames[event.model] ?? event.model;
      notice.progress(finished ? t().modelReady(model) : t().modelDownload(model, Math.round((100 * event.loaded) / Math.max(1, event.total))));
    } else if (event.type === 'error' && jobs.job() === null) notice.failure(errorSentence(event.error));
  };

  /** The sticker, or why not (also shown in the form); the embed API answers its host with it. */
  const generate = async (): Promise<StickerResult | ErrorInfo> => {
    const photo = form.photo;
    if (photo === null) return jobs.fail({ code: 'BAD_INPUT', message: 'no photo', retryable: false, reason: 'no-photo' });
    return jobs.run(photo, form.photoName, toGenerateRequest(snapshot(), expression.choice()));
  };

  /** Puts a kept sticker's photo and words back in the form. */
  const reEdit = async (record: HistoryRecord) => {
    const kept = await historyPhoto(record);
    edit({
      ...(kept !== null && { photo: kept, photoName: record.photoName }),
      prompt: record.prompt,
      caption: record.caption === record.prompt ? '' : record.caption,
      ...(isStyle(record.style) && { style: record.style }),
      template: templateById(record.template ?? '')?.id ?? '',
      captionPlacement: isCaptionPlacement(record.captionPlacement) ? record.captionPlacement : DEFAULT_CAPTION_PLACEMENT,
      ...(isCutout(record.cutout) && { cutout: record.cutout }),
    });
    expression.set(record.expression);
    window.scrollTo({ top: 0 });
  };

  /** One sticker of a pack: the current photo, the pack item's expression, style and caption. */
  const makePackSticker = async (item: PackItem): Promise<StickerResult> => {
    const photo = form.photo;
    if (photo === null) throw new Error(errorText('BAD_INPUT', 'no-photo'));
    const request = toGenerateRequest(packItemForm(snapshot(), item), { id: item.expressionId, intensity: 1 });
    try {
      const result = await engine.generate(photo, request, () => undefined).result;
      await history.keep(photo, form.photoName, request, result);
      return result;
    } catch (failure) {
      throw new Error(failure instanceof JobFailedError ? errorSentence(failure.info) : String(failure), { cause: failure });
    }
  };

  /** The host page's photo and words (embed API), put in the form as if the user had chosen them. */
  const fillFromHost = (fields: EmbedFields) => {
    const { photo, ...words } = fields;
    edit({ ...(photo !== undefined && { photo, photoName: 'embedded-photo' }), ...words });
    if (fields.prompt !== undefined) expression.set(null);
  };

  const onPaste = (event: ClipboardEvent) => {
    const file = Array.from(event.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
    if (file === undefined) return;
    event.preventDefault();
    edit({ photo: file, photoName: file.name || 'pasted-image' });
  };

  onMount(async () => {
    document.documentElement.lang = lang();
    document.title = t().appTitle;
    const unsubscribe = engine.subscribe(onEngineEvent);
    document.addEventListener('paste', onPaste);
    onCleanup(() => {
      unsubscribe();
      document.removeEventListener('paste', onPaste);
      engine.dispose();
      expression.dispose();
    });
    void history.refresh();
    // Embedded, the host page fills the form; what is made there is still kept like any sticker.
    if (!embedded) await restore();
  });

  return (
    <div class="app" classList={{ embedded }}>
      <header class="top">
        <div>
          <h1>{t().appTitle}</h1>
          <Show when={!embedded}>
            <p class="tagline">{t().tagline}</p>
          </Show>
        </div>
        <div class="top-actions">
          <InstallButton />
          <button type="button" class="button ghost" onClick={() => setLang(lang() === 'en' ? 'zh-CN' : 'en')} lang={lang() === 'en' ? 'zh-CN' : 'en'}>
            {t().langSwitch}
          </button>
        </div>
      </header>
      <OfflineBadge ready={update.offlineReady} />
      <UpdateBanner update={update} />
      <OpenInBrowserHint />
      <main class="layout">
        <form
          class="inputs"
          onSubmit={(e) => {
            e.preventDefault();
            if (jobs.job() === null) void generate();
          }}
        >
          <PhotoPicker photoUrl={photoUrl()} onPhoto={(photo, photoName) => edit({ photo, photoName })} />
          <fieldset class="card">
            <legend>{t().promptLabel}</legend>
            <label class="field">
              <span class="visually-hidden">{t().promptLabel}</span>
              <input
                type="text"
                data-testid="prompt-input"
                placeholder={t().promptPlaceholder}
                value={form.prompt}
                maxLength={60}
                aria-describedby="prompt-hint"
                onInput={(e) => {
                  edit({ prompt: e.currentTarget.value });
                  expression.set(null);
                }}
              />
            </label>
            <p class="hint" id="prompt-hint">
              {t().promptHint}
            </p>
            <ExpressionPicker
              understanding={expression.understanding()}
              meaning={expression.meaning()}
              chosen={expression.chosen()}
              source={expression.source()}
              intensity={expression.intensity()}
              onChoose={(e) => {
                expression.pick(e);
                // Another face for the sticker on show: make it again, as the user would expect.
                if (jobs.sticker() !== null && jobs.job() === null) void generate();
              }}
              onIntensity={expression.setIntensity}
              onLoadEncoder={expression.loadEncoder}
            />
            <label class="field">
              <span>{t().captionLabel}</span>
              <input
                type="text"
                data-testid="caption-input"
                placeholder={t().captionPlaceholder}
                value={form.caption}
                maxLength={40}
                onInput={(e) => edit({ caption: e.currentTarget.value })}
              />
            </label>
            <Show when={!embedded}>
              <CaptionPlacementPicker value={form.captionPlacement} freePoint={form.captionAt} onChange={(captionPlacement) => edit({ captionPlacement })} />
            </Show>
            <Show when={!isAi() && !embedded}>
              <TemplatePicker value={form.template} onChange={chooseTemplate} />
            </Show>
            <StyleFields
              style={form.style}
              cutout={form.cutout}
              templated={!isAi() && formTemplate(form) !== undefined}
              onStyle={(style) => edit({ style })}
              onCutout={(cutout) => edit({ cutout })}
            />
            <Show when={isAi()}>
              <AiFields
                status={redrawStatus()}
                device={aiDevice()}
                onDevice={(device) => {
                  setAiDevice(device);
                  rememberAiDevice(device);
                  engine.preferRedraw(device);
                }}
                settings={form.redraw}
                maxSteps={aiSet.maxSteps}
                onSettings={(redraw) => edit({ redraw })}
                onLoad={() => {
                  // A large download should not be evicted when the device runs short of space.
                  void askToKeepStorage();
                  engine.loadRedraw();
                }}
                onCancel={() => engine.cancelRedraw()}
              />
            </Show>
            <Show when={usesOutline(form) && !embedded}>
              <OutlineFields
                value={{ width: form.outlineWidth, colour: form.outlineColour }}
                onChange={(edge) => edit({ outlineWidth: edge.width, outlineColour: edge.colour })}
              />
            </Show>
            <label class="check">
              <input type="checkbox" data-testid="animate-toggle" checked={form.animate} onChange={(e) => edit({ animate: e.currentTarget.checked })} />
              <span>{t().animate}</span>
            </label>
          </fieldset>
          <div class="actions">
            <button type="submit" class="button primary" data-testid="generate-button" disabled={jobs.job() !== null} aria-busy={jobs.job() !== null}>
              {jobs.job() === null ? t().generate : t().generating}
            </button>
            <Show when={jobs.job()}>
              {(running) => (
                <button type="button" class="button ghost" data-testid="cancel-button" onClick={() => running().cancel()}>
                  {t().cancel}
                </button>
              )}
            </Show>
          </div>
        </form>
        <div class="outputs">
          <div class="status" role="status" aria-live="polite">
            <Show when={jobs.job() !== null}>
              <ProgressList stages={jobs.jobStages()} states={jobs.stages()} />
              <Show when={jobs.stepNote()}>
                {(note) => (
                  <p class="notice" data-testid="step-progress">
                    {note()}
                  </p>
                )}
              </Show>
              <Show when={jobs.preview()}>{(shown) => <RedrawPreview preview={shown()} />}</Show>
            </Show>
            <Show when={notice.text()}>
              {(text) => (
                <p class="notice" data-testid="notice">
                  {text()}
                </p>
              )}
            </Show>
          </div>
          <Show when={jobs.error()}>
            {(info) => (
              <div class="error" role="alert" data-testid="error-message" data-code={info().code} data-detail={info().message}>
                <p>{errorSentence(info())}</p>
                <details>
                  <summary>{t().errorDetails}</summary>
                  <code>
                    {info().code}
                    {info().stage ? ` @ ${info().stage}` : ''}: {info().message}
                  </code>
                </details>
              </div>
            )}
          </Show>
          <Show when={jobs.still()}>{(shown) => <StillCard still={shown()} />}</Show>
          <Show when={jobs.still() === null && jobs.sticker()}>
            {(shown) => (
              <ResultCard
                sticker={shown()}
                captionPoint={form.captionPlacement.kind === 'free' ? form.captionAt : null}
                onCaptionPoint={(at, done) => {
                  // Kept in the draft once let go, not at every step of the drag.
                  edit({ captionPlacement: { kind: 'free', ...at } }, { save: done });
                  if (done && jobs.job() === null) void generate();
                }}
                aiNote={(() => {
                  const r = shown().meta.redraw;
                  return r === null ? null : aiText().info(r.seed, r.steps, r.prompt, r.engine.provider === 'server');
                })()}
                onRate={jobs.rate}
              />
            )}
          </Show>
          <Show when={!embedded}>
            <PackMaker make={makePackSticker} hasPhoto={form.photo !== null} animated={form.animate} onBusy={setPackBusy} />
            <HistoryPanel
              records={history.records()}
              usage={history.usage()}
              onRate={(record, rating) => void history.rate(record.id, rating)}
              onDelete={(record) => void history.remove(record.id)}
              onEdit={(record) => void reEdit(record)}
            />
            <ModelsPanel />
            <DiagnosticsPanel gpu={gpu()} lastRun={jobs.lastRun()} encoder={expression.encoder()} blocked={blocked()} />
          </Show>
        </div>
      </main>
      <Show when={embedded}>
        <EmbedBridge ready={gpu() !== null} target={{ fill: fillFromHost, generate, busy: () => jobs.job() !== null, cancel: () => jobs.job()?.cancel() }} />
      </Show>
    </div>
  );
}
