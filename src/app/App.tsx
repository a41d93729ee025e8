import { Show, createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import type { Expression } from '../core/expression/action-units.ts';
import { expressionById, understand } from '../core/expression/understand.ts';
import type { ErrorInfo } from '../core/errors.ts';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_CUTOUT, DEFAULT_OUTLINE, isCaptionPlacement, isCutout, isOutline, isStyle, type CaptionPlacement, type Cutout, type Outline, type GenerateRequest, type StickerStyle } from '../core/sticker-options.ts';
import { STAGES, type StageName } from '../core/stage-names.ts';
import type { GpuReport } from '../core/gpu-report.ts';
import type { EngineEvent, StickerResult } from '../core/protocol.ts';
import type { PackItem } from '../core/pack/plan-pack.ts';
import { aiModelSet, createEngine } from '../engine/create-engine.ts';
import { DIFFUSION_SETS } from '../core/diffusion/model-sets.ts';
import type { RedrawRequest, RedrawStatus } from '../core/diffusion/redraw-status.ts';
import { AiFields, randomSeed } from './components/AiFields.tsx';
import { RedrawPreview, type Preview } from './components/RedrawPreview.tsx';
import { askToKeepStorage } from './model-cache.ts';
import { JobFailedError, type Job } from '../engine/sticker-engine.ts';
import { DiagnosticsPanel } from './components/DiagnosticsPanel.tsx';
import { ExpressionPicker } from './components/ExpressionPicker.tsx';
import { createFreeText } from './free-text.ts';
import { PhotoPicker } from './components/PhotoPicker.tsx';
import { CaptionPlacementPicker } from './components/CaptionPlacementPicker.tsx';
import { PackMaker } from './components/PackMaker.tsx';
import { TemplatePicker } from './components/TemplatePicker.tsx';
import { StyleFields } from './components/StyleFields.tsx';
import { OutlineFields } from './components/OutlineFields.tsx';
import { templateById } from '../core/templates/index.ts';
import { ProgressList, type StageState } from './components/ProgressList.tsx';
import { ResultCard } from './components/ResultCard.tsx';
import type { ShownSticker } from './shown-sticker.ts';
import { StillCard, type StillSticker } from './components/StillCard.tsx';
import { loadDraft, saveDraft } from './draft-store.ts';
import { historyPhoto, type HistoryRecord } from './history-store.ts';
import { createHistory } from './history-state.ts';
import { plannedStages } from '../core/job-stages.ts';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { initialAiDevice, rememberAiDevice } from './ai-device-setting.ts';
import { ModelsPanel } from './components/ModelsPanel.tsx';
import { OpenInBrowserHint } from './components/OpenInBrowserHint.tsx';
import { aiText, errorSentence, errorText, lang, setLang, t } from './i18n/index.ts';
import { registerServiceWorker } from './pwa/app-update.ts';
import { InstallButton } from './components/InstallButton.tsx';
import { OfflineBadge } from './components/OfflineBadge.tsx';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import { isEmbedded } from './embed/embed-mode.ts';
import { EmbedBridge } from './embed/EmbedBridge.tsx';
import type { EmbedFields } from './embed/embed-messages.ts';

function stickerFileName(words: string): string {
  const safe = words.replace(/[\\/:*?"<>|\s]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 24);
  return `biaoqing${safe ? `-${safe}` : ''}.png`;
}

export function App() {
  const [aiDevice, setAiDevice] = createSignal(initialAiDevice(window.location.search));
  const engine = createEngine(window.location, aiDevice());
  /** In an iframe (?embed=1): the compact form, driven by the host page too. */
  const embedded = isEmbedded(window.location.search);
  const history = createHistory();
  const [blocked, setBlocked] = createSignal<string[]>([]);
  const [photo, setPhoto] = createSignal<Blob | null>(null);
  const [photoName, setPhotoName] = createSignal('');
  const [photoUrl, setPhotoUrl] = createSignal<string | null>(null);
  const [prompt, setPrompt] = createSignal('');
  const [caption, setCaption] = createSignal('');
  const [captionKind, setCaptionKind] = createSignal<CaptionPlacement['kind']>(DEFAULT_CAPTION_PLACEMENT.kind);
  /** The free placement's point, remembered while top or bottom is chosen. */
  const [captionAt, setCaptionAt] = createSignal({ x: 0.5, y: 0.5 });
  const captionPlacement = (): CaptionPlacement => {
    const kind = captionKind();
    return kind === 'free' ? { kind, ...captionAt() } : { kind };
  };
  const placeCaption = (p: CaptionPlacement) => {
    setCaptionKind(p.kind);
    if (p.kind === 'free') setCaptionAt({ x: p.x, y: p.y });
  };
  const [style, setStyle] = createSignal('photo');
  const isAi = () => style() === 'ai';
  /** A template id from the library, or '' for the style's own layout. */
  const [template, setTemplate] = createSignal('');
  const chosenTemplate = () => templateById(template());
  /** The die-cut edge shows on photo stickers and on templates with a colour face. */
  const usesOutline = () => {
    const tpl = chosenTemplate();
    return tpl === undefined || isAi() ? style() !== 'panda' : tpl.slots.some((s) => s.blend !== 'ink');
  };
  const chooseTemplate = (id: string) => {
    setTemplate(id);
    const tpl = templateById(id);
    // The template's own caption is offered when the user has not written one.
    if (tpl !== undefined && caption() === '') setCaption(lang() === 'en' ? tpl.caption.en : tpl.caption.zh);
    persist();
  };
  const [outlineWidth, setOutlineWidth] = createSignal(DEFAULT_OUTLINE.width);
  const [outlineColour, setOutlineColour] = createSignal(DEFAULT_OUTLINE.colour);
  const [cutout, setCutout] = createSignal<Cutout>(DEFAULT_CUTOUT);
  /** The edge as the form has it, or the default when the form holds something out of range. */
  const outline = (): Outline => {
    const candidate = { width: outlineWidth(), colour: outlineColour() };
    return isOutline(candidate) ? candidate : DEFAULT_OUTLINE;
  };
  const [job, setJob] = createSignal<Job | null>(null);
  const [packBusy, setPackBusy] = createSignal(false);
  const update = registerServiceWorker(() => job() !== null || packBusy());
  const [stages, setStages] = createSignal<Partial<Record<StageName, StageState>>>({});
  const [sticker, setSticker] = createSignal<ShownSticker | null>(null);
  /** The running job's still sticker, shown until its result (with the exports) arrives. */
  const [still, setStill] = createSignal<StillSticker | null>(null);
  const [error, setError] = createSignal<ErrorInfo | null>(null);
  const [notice, setNotice] = createSignal('');
  const [gpu, setGpu] = createSignal<GpuReport | null>(null);
  const [lastRun, setLastRun] = createSignal<StickerResult | null>(null);
  const [animate, setAnimate] = createSignal(false);
  const [jobStages, setJobStages] = createSignal<readonly StageName[]>(STAGES);
  const [stepNote, setStepNote] = createSignal('');
  const aiSet = DIFFUSION_SETS[aiModelSet()];
  const [redrawStatus, setRedrawStatus] = createSignal<RedrawStatus | null>(null);
  const [aiSettings, setAiSettings] = createSignal<RedrawRequest>({ steps: aiSet.defaultSteps, strength: aiSet.defaultStrength, seed: randomSeed() });
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const understanding = createMemo(() => understand(prompt()));
  const [picked, setPicked] = createSignal<Expression | null>(null);
  const [strength, setStrength] = createSignal<number | null>(null);
  /** Words the lexicon did not know, for the text encoder. */
  const freeText = createFreeText(window.location, () => {
    const u = understanding();
    return u.kind === 'suggestions' && u.rest !== '' ? u.rest : null;
  });
  const meaning = freeText.meaning;
  // The encoder ran on onnxruntime-web: keep its wasm for offline use too.
  createEffect(() => {
    if (freeText.encoder().status === 'ready') update.keepOffline('ai');
  });
  const source = (): 'lexicon' | 'meaning' | 'user' =>
    picked() !== null ? 'user' : understanding().kind === 'matched' ? 'lexicon' : 'meaning';
  const chosen = () => {
    const u = understanding();
    if (picked() !== null) return picked();
    if (u.kind === 'matched') return u.expression;
    const m = meaning();
    return m.kind === 'ranked' ? (m.ranking[0]?.expression ?? null) : null;
  };
  const intensity = () => {
    const u = understanding();
    return strength() ?? (u.kind === 'empty' ? 1 : u.intensity);
  };

  const persist = () =>
    void saveDraft({
      photo: photo(),
      photoName: photoName(),
      prompt: prompt(),
      caption: caption(),
      style: style(),
      template: template(),
      outlineWidth: outlineWidth(),
      outlineColour: outlineColour(),
      cutout: cutout(),
      captionPlacement: captionPlacement(),
    });

  const showPhoto = (blob: Blob, name: string) => {
    const old = photoUrl();
    if (old !== null) URL.revokeObjectURL(old);
    setPhoto(blob);
    setPhotoName(name);
    // A sticker is near: the face model starts while the words are typed.
    engine.warm();
    setPhotoUrl(URL.createObjectURL(blob));
    setError(null);
  };

  const onEngineEvent = (event: EngineEvent) => {
    if (event.type === 'ready') setGpu(event.gpu);
    else if (event.type === 'redraw') setRedrawStatus(event.status);
    else if (event.type === 'blocked') setBlocked((urls) => (urls.includes(event.url) ? urls : [...urls, event.url]));
    else if (event.type === 'download') {
      const finished = event.cached || event.loaded >= event.total;
      // The model's name as the models panel gives it, not its manifest id.
      const model = t().modelNames[event.model] ?? event.model;
      setNotice(finished ? t().modelReady(model) : t().modelDownload(model, Math.round((100 * event.loaded) / Math.max(1, event.total))));
    } else if (event.type === 'error' && job() === null) setNotice(errorSentence(event.error));
  };

  const onJobEvent = (event: EngineEvent) => {
    if (event.type === 'preview') setPreview({ rgba: event.rgba, size: event.size, step: event.step });
    if (event.type === 'still') setStill({ rgba: event.rgba, width: event.width, height: event.height });
    if (event.type === 'progress') setStepNote(t().stepProgress(t().stages[event.stage], event.done, event.total));
    if (event.type !== 'stage') return;
    setStepNote('');
    setStages((s) => ({ ...s, [event.stage]: event.phase === 'start' ? 'running' : 'done' }));
  };

  /** The sticker, or why not (also shown in the form); the embed API answers its host with it. */
  const generate = async (): Promise<StickerResult | ErrorInfo> => {
    const current = photo();
    if (current === null) {
      const info: ErrorInfo = { code: 'BAD_INPUT', message: 'no photo', retryable: false, reason: 'no-photo' };
      setError(info);
      return info;
    }
    setError(null);
    setStages({});
    setPreview(null);
    const words = caption().trim() || prompt().trim();
    const expression = chosen();
    const choice = expression === null ? null : { id: expression.id, intensity: intensity() };
    const animated = animate() && !isAi();
    const styleValue = style();
    const chosenStyle: StickerStyle = isStyle(styleValue) ? styleValue : 'photo';
    // The AI style redraws its own square: a template does not apply to it.
    const templateId = chosenStyle === 'ai' ? undefined : chosenTemplate()?.id;
    const request: GenerateRequest = {
      prompt: prompt(),
      expression: choice,
      caption: words,
      style: chosenStyle,
      animate: animated,
      outline: outline(),
      cutout: cutout(),
      captionPlacement: captionPlacement(),
      ...(templateId !== undefined && { template: templateId }),
      ...(chosenStyle === 'ai' && { redraw: aiSettings() }),
    };
    setJobStages(plannedStages(request));
    const started = engine.generate(current, request, onJobEvent);
    setJob(started);
    try {
      const result = await started.result;
      const old = sticker();
      const oldExports = old === null ? [] : [old.exportUrls.wechat, old.exportUrls.whatsapp, old.exportUrls.telegram, ...old.exportUrls.hd];
      for (const u of [old?.url, old?.gifUrl, old?.webpUrl, ...oldExports]) if (u) URL.revokeObjectURL(u);
      const blobUrl = (bytes: ArrayBuffer, type: string) => URL.createObjectURL(new Blob([bytes], { type }));
      setStill(null);
      setSticker({
        url: blobUrl(result.png, 'image/png'),
        meta: result,
        fileName: stickerFileName(words),
        gifUrl: result.animation === null ? null : blobUrl(result.animation.gif, 'image/gif'),
        webpUrl: result.animation === null ? null : blobUrl(result.animation.webp, 'image/webp'),
        exportUrls: {
          wechat: blobUrl(result.exports.wechat.gif, 'image/gif'),
          whatsapp: blobUrl(result.exports.whatsapp.webp, 'image/webp'),
          telegram: blobUrl(result.exports.telegram.file, result.exports.telegram.type),
          hd: result.exports.hd.map((f) => blobUrl(f.file, f.type)),
        },
        historyId: null,
        rating: null,
      });
      setLastRun(result);
      // The first sticker has what it needs; now the files for offline use (mostly from the HTTP cache).
      update.keepOffline('stickers');
      // onnxruntime-web only where it ran: a redraw on the server used none of it.
      if (result.redraw !== null && result.redraw.engine.provider !== 'server') update.keepOffline('ai');
      const id = await history.keep(current, photoName(), request, result);
      setSticker((shown) => (shown === null ? null : { ...shown, historyId: id }));
      // A rating given while the sticker was still being stored goes with it.
      const early = sticker()?.rating ?? null;
      if (id !== null && early !== null) await history.rate(id, early);
      setNotice('');
      return result;
    } catch (failure) {
      const info: ErrorInfo = failure instanceof JobFailedError ? failure.info : { code: 'INTERNAL', message: String(failure), retryable: true };
      setError(info);
      return info;
    } finally {
      // A still of a job that failed after it (cancelled while exporting) goes with the job.
      setStill(null);
      setJob(null);
    }
  };

  /** Puts a kept sticker's photo and words back in the form. */
  const reEdit = async (record: HistoryRecord) => {
    const kept = await historyPhoto(record);
    if (kept !== null) showPhoto(kept, record.photoName);
    setPrompt(record.prompt);
    setCaption(record.caption === record.prompt ? '' : record.caption);
    if (isStyle(record.style)) setStyle(record.style);
    setTemplate(templateById(record.template ?? '')?.id ?? '');
    placeCaption(isCaptionPlacement(record.captionPlacement) ? record.captionPlacement : DEFAULT_CAPTION_PLACEMENT);
    setPicked(record.expression === null ? null : expressionById(record.expression.id));
    setStrength(record.expression?.intensity ?? null);
    if (isCutout(record.cutout)) setCutout(record.cutout);
    persist();
    window.scrollTo({ top: 0 });
  };

  /** One sticker of a pack: the current photo, the pack item's expression, style and caption. */
  const makePackSticker = async (item: PackItem): Promise<StickerResult> => {
    const current = photo();
    if (current === null) throw new Error(errorText('BAD_INPUT', 'no-photo'));
    const request: GenerateRequest = {
      prompt: item.caption,
      expression: { id: item.expressionId, intensity: 1 },
      caption: item.caption,
      style: item.style,
      animate: animate(),
      outline: outline(),
      cutout: cutout(),
      captionPlacement: captionPlacement(),
      ...(item.template !== undefined && { template: item.template }),
    };
    try {
      const result = await engine.generate(current, request, () => undefined).result;
      await history.keep(current, photoName(), request, result);
      return result;
    } catch (failure) {
      throw new Error(failure instanceof JobFailedError ? errorSentence(failure.info) : String(failure), { cause: failure });
    }
  };

  /** The host page's photo and words (embed API), put in the form as if the user had chosen them. */
  const fillFromHost = (fields: EmbedFields) => {
    if (fields.photo !== undefined) showPhoto(fields.photo, 'embedded-photo');
    if (fields.prompt !== undefined) {
      setPrompt(fields.prompt);
      setPicked(null);
      setStrength(null);
    }
    if (fields.caption !== undefined) setCaption(fields.caption);
    if (fields.style !== undefined) setStyle(fields.style);
    if (fields.animate !== undefined) setAnimate(fields.animate);
    persist();
  };

  const onPaste = (event: ClipboardEvent) => {
    const file = Array.from(event.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
    if (file === undefined) return;
    event.preventDefault();
    showPhoto(file, file.name || 'pasted-image');
    persist();
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
      freeText.dispose();
    });
    void history.refresh();
    const draft = await loadDraft();
    // Embedded, the host page fills the form; what is made there is still kept like any sticker.
    if (draft === undefined || embedded) return;
    if (draft.photo !== null && photo() === null) showPhoto(draft.photo, draft.photoName);
    if (prompt() === '') setPrompt(draft.prompt);
    if (caption() === '') setCaption(draft.caption);
    if (isStyle(draft.style)) setStyle(draft.style);
    setTemplate(templateById(draft.template)?.id ?? '');
    setOutlineWidth(draft.outlineWidth);
    setOutlineColour(draft.outlineColour);
    setCutout(draft.cutout);
    placeCaption(draft.captionPlacement);
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
            if (job() === null) void generate();
          }}
        >
          <PhotoPicker
            photoUrl={photoUrl()}
            onPhoto={(blob, name) => {
              showPhoto(blob, name);
              persist();
            }}
          />
          <fieldset class="card">
            <legend>{t().promptLabel}</legend>
            <label class="field">
              <span class="visually-hidden">{t().promptLabel}</span>
              <input
                type="text"
                data-testid="prompt-input"
                placeholder={t().promptPlaceholder}
                value={prompt()}
                maxLength={60}
                aria-describedby="prompt-hint"
                onInput={(e) => {
                  setPrompt(e.currentTarget.value);
                  setPicked(null);
                  setStrength(null);
                  persist();
                }}
              />
            </label>
            <p class="hint" id="prompt-hint">{t().promptHint}</p>
            <ExpressionPicker
              understanding={understanding()}
              meaning={meaning()}
              chosen={chosen()}
              source={source()}
              intensity={intensity()}
              onChoose={setPicked}
              onIntensity={setStrength}
              onLoadEncoder={() => freeText.load()}
            />
            <label class="field">
              <span>{t().captionLabel}</span>
              <input
                type="text"
                data-testid="caption-input"
                placeholder={t().captionPlaceholder}
                value={caption()}
                maxLength={40}
                onInput={(e) => {
                  setCaption(e.currentTarget.value);
                  persist();
                }}
              />
            </label>
            <Show when={!embedded}>
              <CaptionPlacementPicker
                value={captionPlacement()}
                freePoint={captionAt()}
                onChange={(p) => {
                  placeCaption(p);
                  persist();
                }}
              />
            </Show>
            <Show when={!isAi() && !embedded}>
              <TemplatePicker value={template()} onChange={chooseTemplate} />
            </Show>
            <StyleFields
              style={style()}
              cutout={cutout()}
              templated={!isAi() && chosenTemplate() !== undefined}
              onStyle={(value) => {
                setStyle(value);
                persist();
              }}
              onCutout={(value) => {
                setCutout(value);
                persist();
              }}
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
                settings={aiSettings()}
                maxSteps={aiSet.maxSteps}
                onSettings={setAiSettings}
                onLoad={() => {
                  // A large download should not be evicted when the device runs short of space.
                  void askToKeepStorage();
                  engine.loadRedraw();
                }}
                onCancel={() => engine.cancelRedraw()}
              />
            </Show>
            <Show when={usesOutline() && !embedded}>
              <OutlineFields
                value={{ width: outlineWidth(), colour: outlineColour() }}
                onChange={(edge) => {
                  setOutlineWidth(edge.width);
                  setOutlineColour(edge.colour);
                  persist();
                }}
              />
            </Show>
            <label class="check">
              <input type="checkbox" data-testid="animate-toggle" checked={animate()} onChange={(e) => setAnimate(e.currentTarget.checked)} />
              <span>{t().animate}</span>
            </label>
          </fieldset>
          <div class="actions">
            <button type="submit" class="button primary" data-testid="generate-button" disabled={job() !== null} aria-busy={job() !== null}>
              {job() === null ? t().generate : t().generating}
            </button>
            <Show when={job()}>
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
            <Show when={job() !== null}>
              <ProgressList stages={jobStages()} states={stages()} />
              <Show when={stepNote()}>{(note) => <p class="notice" data-testid="step-progress">{note()}</p>}</Show>
              <Show when={preview()}>{(shown) => <RedrawPreview preview={shown()} />}</Show>
            </Show>
            <Show when={notice()}>{(text) => <p class="notice" data-testid="notice">{text()}</p>}</Show>
          </div>
          <Show when={error()}>
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
          <Show when={still()}>{(shown) => <StillCard still={shown()} />}</Show>
          <Show when={still() === null && sticker()}>
            {(shown) => (
              <ResultCard
                sticker={shown()}
                captionPoint={captionKind() === 'free' ? captionAt() : null}
                onCaptionPoint={(at, done) => {
                  placeCaption({ kind: 'free', ...at });
                  if (!done) return;
                  persist();
                  if (job() === null) void generate();
                }}
                aiNote={(() => {
                  const r = shown().meta.redraw;
                  return r === null ? null : aiText().info(r.seed, r.steps, r.prompt, r.engine.provider === 'server');
                })()}
                onRate={(rating) => {
                  const id = shown().historyId;
                  setSticker({ ...shown(), rating });
                  if (id !== null) void history.rate(id, rating);
                }}
              />
            )}
          </Show>
          <Show when={!embedded}>
            <PackMaker make={makePackSticker} hasPhoto={photo() !== null} animated={animate()} onBusy={setPackBusy} />
            <HistoryPanel
              records={history.records()}
              usage={history.usage()}
              onRate={(record, rating) => void history.rate(record.id, rating)}
              onDelete={(record) => void history.remove(record.id)}
              onEdit={(record) => void reEdit(record)}
            />
            <ModelsPanel />
            <DiagnosticsPanel gpu={gpu()} lastRun={lastRun()} encoder={freeText.encoder()} blocked={blocked()} />
          </Show>
        </div>
      </main>
      <Show when={embedded}>
        <EmbedBridge ready={gpu() !== null} target={{ fill: fillFromHost, generate, busy: () => job() !== null, cancel: () => job()?.cancel() }} />
      </Show>
    </div>
  );
}
