import { Show, createSignal } from 'solid-js';
import { motionText, t } from '../i18n/index.ts';

interface Props {
  /** The looping file (the GIF in WeChat, where a long-press should save it; the WebP elsewhere). */
  animatedUrl: string;
  /** The still sticker, shown while the animation is paused. */
  stillUrl: string;
}

/**
 * The animated sticker, with a pause/play button since it loops forever. With prefers-reduced-motion
 * it starts paused (the still sticker in its place) and plays only when asked.
 */
export function AnimatedPreview(props: Props) {
  const [playing, setPlaying] = createSignal(!window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  return (
    <>
      <div class="checker">
        <img
          src={playing() ? props.animatedUrl : props.stillUrl}
          width={256}
          height={256}
          alt={t().animatedAlt}
          data-testid="animation-image"
          data-playing={playing()}
        />
      </div>
      <button type="button" class="button ghost" data-testid="animation-toggle" onClick={() => setPlaying(!playing())}>
        <Show when={playing()} fallback={motionText().play}>
          {motionText().pause}
        </Show>
      </button>
    </>
  );
}
