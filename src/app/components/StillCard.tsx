// The still sticker the moment it is made, while the job goes on with the animation and the
// export files; the result card takes its place when they are ready.

import { t } from '../i18n.ts';

export interface StillSticker {
  url: string;
  width: number;
  height: number;
}

export function StillCard(props: { still: StillSticker }) {
  return (
    <section class="card result" aria-labelledby="still-title" aria-busy="true">
      <h2 id="still-title">{t().resultTitle}</h2>
      <div class="checker">
        <div class="caption-stage">
          <img src={props.still.url} width={props.still.width} height={props.still.height} alt={t().resultAlt} data-testid="result-image" data-state="still" draggable={false} />
        </div>
      </div>
      <p class="hint" data-testid="exports-pending">
        {t().exportsPending}
      </p>
    </section>
  );
}
