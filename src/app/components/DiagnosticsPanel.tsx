import { For, Show } from 'solid-js';
import { STAGES } from '../../core/stage-names.ts';
import type { GpuReport } from '../../core/gpu-report.ts';
import type { StickerResult } from '../../core/protocol.ts';
import type { TextEncoderStatus } from '../../core/text-protocol.ts';
import { t } from '../i18n/index.ts';

interface Props {
  gpu: GpuReport | null;
  lastRun: StickerResult | null;
  encoder: TextEncoderStatus;
  /** Requests the sticker worker refused (they went neither to this app nor to a model source). */
  blocked: readonly string[];
}

function bytes(n: number | undefined): string {
  return n === undefined ? '—' : `${(n / 2 ** 20).toFixed(0)} MiB`;
}

/** What this device offers and where each stage of the last sticker actually ran. */
export function DiagnosticsPanel(props: Props) {
  return (
    <details class="card diagnostics" data-testid="diagnostics">
      <summary>{t().diagnostics}</summary>
      <h3>{t().gpuAdapter}</h3>
      <Show when={props.gpu} fallback={<p>{t().gpuChecking}</p>}>
        {(gpu) => (
          <Show
            when={gpu().available}
            fallback={
              <p data-testid="gpu-none">
                {t().gpuNone}: {gpu().reason}
              </p>
            }
          >
            <dl data-testid="gpu-report">
              <dt>{t().gpuVendor}</dt>
              <dd data-testid="gpu-vendor">{gpu().vendor || '—'}</dd>
              <dt>{t().gpuArch}</dt>
              <dd>{gpu().architecture || '—'}</dd>
              <dt>{t().gpuFallback}</dt>
              <dd data-testid="gpu-fallback">{gpu().isFallbackAdapter ? t().yes : t().no}</dd>
              <dt>shader-f16</dt>
              <dd data-testid="gpu-f16">{gpu().shaderF16 ? t().yes : t().no}</dd>
              <dt>maxBufferSize</dt>
              <dd data-testid="gpu-max-buffer">{bytes(gpu().maxBufferSize)}</dd>
              <dt>maxStorageBufferBindingSize</dt>
              <dd>{bytes(gpu().maxStorageBufferBindingSize)}</dd>
            </dl>
          </Show>
        )}
      </Show>
      <h3>{t().blockedRequests}</h3>
      <p class="hint">{t().blockedRequestsHint}</p>
      <ul data-testid="blocked-requests" data-count={props.blocked.length}>
        <For each={props.blocked} fallback={<li>{t().blockedNone}</li>}>
          {(url) => <li>{url}</li>}
        </For>
      </ul>
      <h3>{t().textEncoder}</h3>
      <p
        data-testid="text-encoder-report"
        data-status={props.encoder.status}
        data-device={props.encoder.status === 'ready' ? props.encoder.device : undefined}
        data-load-ms={props.encoder.status === 'ready' ? props.encoder.loadMs : undefined}
      >
        {props.encoder.status === 'ready'
          ? `${t().textEncoderState(props.encoder.device, props.encoder.loadMs)}${props.encoder.note ? ` (${props.encoder.note})` : ''}`
          : props.encoder.status === 'failed'
            ? `${props.encoder.error.code}: ${props.encoder.error.message}`
            : t().textEncoderWaiting[props.encoder.status]}
      </p>
      <Show when={props.lastRun}>
        {(run) => (
          <>
            <h3>{t().lastRun}</h3>
            <p data-testid="photo-size">
              {t().photoSize}: {run().photo.sourceWidth}×{run().photo.sourceHeight} → {run().photo.width}×{run().photo.height}
            </p>
            <p data-testid="eye-positions" data-eyes={JSON.stringify(run().eyes)}>
              {t().eyePositions}:{' '}
              {run()
                .eyes.map((p) => `(${p.x.toFixed(1)}, ${p.y.toFixed(1)})`)
                .join(' ')}
            </p>
            <Show when={run().slots.length > 0}>
              <p data-testid="slot-positions" data-slots={JSON.stringify(run().slots)}>
                {t().slotPositions}:{' '}
                {run()
                  .slots.map(
                    (s) =>
                      `${s.eyes.map((p) => `(${p.x.toFixed(0)}, ${p.y.toFixed(0)})`).join(' ')} / ${s.box.x.toFixed(0)},${s.box.y.toFixed(0)} ${s.box.w.toFixed(0)}×${s.box.h.toFixed(0)}`,
                  )
                  .join('; ')}
              </p>
            </Show>
            <p
              data-testid="caption-font-report"
              data-families={run().captionFont.loaded.join(',')}
              data-version={run().captionFont.version ?? ''}
              data-ms={run().captionFont.ms}
              data-reason={run().captionFont.reason ?? ''}
            >
              {t().captionFont}: {run().captionFont.loaded.length > 0 ? t().captionFontState(run().captionFont.loaded.join(' + '), run().captionFont.ms) : ''}
              {/* What did not load (all of it, or only part) is drawn with the system's fonts. */}
              {run().captionFont.reason === undefined
                ? ''
                : `${run().captionFont.loaded.length > 0 ? '; ' : ''}${t().captionFontSystem(run().captionFont.reason ?? '')}`}
            </p>
            <Show when={run().redraw}>
              {(r) => (
                <p
                  data-testid="redraw-report"
                  data-step-ms={JSON.stringify(r().stepMs)}
                  data-provider={r().engine.provider}
                  data-load-ms={r().engine.loadMs}
                  data-gpu-tensors={r().gpuTensorsLeft}
                >
                  {t().stages.redraw}: {r().engine.set} · {r().engine.provider} · {r().engine.dtype} ·{' '}
                  {r()
                    .stepMs.map((ms) => ms.toFixed(0))
                    .join(' / ')}{' '}
                  ms
                </p>
              )}
            </Show>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t().stage}</th>
                  <th scope="col">{t().backend}</th>
                  <th scope="col">{t().ms}</th>
                </tr>
              </thead>
              <tbody>
                <For each={STAGES}>
                  {(stage) => (
                    <tr data-testid={`timing-${stage}`} data-ms={run().timings[stage]} data-backend={run().backends[stage]}>
                      <th scope="row">{t().stages[stage]}</th>
                      <td>{run().backends[stage] ?? '—'}</td>
                      <td>{run().timings[stage]?.toFixed(1) ?? '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
    </details>
  );
}
