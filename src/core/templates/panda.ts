// 熊猫头 theme: the face as black ink (slot blend 'ink') in a round white panda head with black ears.

import { PANDA_HEAD } from './panda-head.ts';
import { slot, star, type Shape, type Template } from './template.ts';

const INK = '#111111';

/** The head of templates/panda-head.ts, moved to (cx, cy) and scaled by k. */
export function pandaHead(cx = 0.5, cy = 0.5, k = 1): Shape[] {
  const { head, ears, outline } = PANDA_HEAD;
  const at = (x: number, y: number) => ({ x: cx + (x - 0.5) * k, y: cy + (y - 0.5) * k });
  return [
    ...ears.map((e): Shape => ({ kind: 'ellipse', ...xy(at(e.cx, e.cy)), rx: e.r * k, ry: e.r * k, fill: INK })),
    { kind: 'ellipse', ...xy(at(head.cx, head.cy)), rx: head.rx * k, ry: head.ry * k, fill: '#ffffff', stroke: INK, width: outline * k },
  ];
}

function xy(p: { x: number; y: number }): { cx: number; cy: number } {
  return { cx: p.x, cy: p.y };
}

export const PANDA_TEMPLATES: readonly Template[] = [
  {
    id: 'panda-head',
    theme: 'panda',
    name: { zh: '经典熊猫头', en: 'Classic panda head' },
    caption: { zh: '就这？', en: 'That’s it?' },
    under: pandaHead(),
    over: [],
    // The same place as LAYOUTS.panda, so the 熊猫头 style and this template agree.
    slots: [slot(0.5, 0.46, 0.19, 'ink')],
  },
  {
    id: 'panda-tilt',
    theme: 'panda',
    name: { zh: '歪头熊猫', en: 'Head-tilt panda' },
    caption: { zh: '嗯？', en: 'Hmm?' },
    under: pandaHead(0.5, 0.48, 0.95).map((s) => (s.kind === 'ellipse' ? { ...s, rotate: -0.26 } : s)),
    over: [{ kind: 'text', x: 0.86, y: 0.2, size: 0.14, text: '?', fill: INK }],
    slots: [slot(0.5, 0.45, 0.18, 'ink', { roll: -0.26 })],
  },
  {
    id: 'panda-shock',
    theme: 'panda',
    name: { zh: '震惊熊猫', en: 'Shocked panda' },
    caption: { zh: '我裂开了', en: 'I’m shattered' },
    under: [{ kind: 'polygon', points: star(0.5, 0.47, 0.46, 0.34, 14), fill: '#ffe14d' }, ...pandaHead(0.5, 0.48, 0.9)],
    over: [
      {
        kind: 'line',
        points: [
          [0.2, 0.36],
          [0.26, 0.44],
          [0.21, 0.5],
        ],
        stroke: '#3a7bd5',
        width: 0.012,
      },
      { kind: 'text', x: 0.84, y: 0.2, size: 0.12, text: '!?', fill: '#d62828' },
    ],
    // A little taller than wide: the jaw drops.
    slots: [slot(0.5, 0.44, 0.17, 'ink', { perspective: { squash: 1.15, shear: 0 } })],
  },
  {
    id: 'panda-king',
    theme: 'panda',
    name: { zh: '熊猫王', en: 'Panda king' },
    caption: { zh: '朕知道了', en: 'Noted.' },
    under: pandaHead(0.5, 0.53, 0.9),
    over: [
      {
        kind: 'polygon',
        points: [
          [0.34, 0.2],
          [0.34, 0.08],
          [0.42, 0.14],
          [0.5, 0.04],
          [0.58, 0.14],
          [0.66, 0.08],
          [0.66, 0.2],
        ],
        fill: '#f5c518',
        stroke: '#8a6d00',
        width: 0.008,
      },
      { kind: 'ellipse', cx: 0.5, cy: 0.15, rx: 0.02, ry: 0.02, fill: '#d62828' },
    ],
    slots: [slot(0.5, 0.49, 0.17, 'ink')],
  },
  {
    id: 'panda-twins',
    theme: 'panda',
    name: { zh: '双熊猫', en: 'Panda twins' },
    caption: { zh: '我们不一样', en: 'We are different' },
    under: [...pandaHead(0.27, 0.45, 0.55), ...pandaHead(0.73, 0.45, 0.55)],
    over: [],
    slots: [slot(0.27, 0.43, 0.105, 'ink'), slot(0.73, 0.43, 0.105, 'ink')],
  },
];
