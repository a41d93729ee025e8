// Festivals: 春节 (福, red envelope), 元宵 lantern, 中秋 moon, a birthday hat.

import { dots, slot, star, type Template } from './template.ts';

const RED = '#d62828';
const GOLD = '#ffd166';

export const FESTIVAL_TEMPLATES: readonly Template[] = [
  {
    id: 'festival-fu',
    theme: 'festival',
    name: { zh: '春节·福', en: 'Spring Festival 福' },
    caption: { zh: '新年快乐', en: 'Happy New Year' },
    under: [
      { kind: 'rect', x: 0.1, y: 0.04, w: 0.8, h: 0.72, radius: 0.06, fill: RED },
      {
        kind: 'polygon',
        points: [
          [0.18, 0.06],
          [0.3, 0.18],
          [0.18, 0.3],
          [0.06, 0.18],
        ],
        fill: GOLD,
      },
      { kind: 'text', x: 0.18, y: 0.22, size: 0.1, text: '福', fill: RED, rotate: Math.PI },
    ],
    over: [],
    slots: [slot(0.55, 0.4, 0.19, 'photo')],
  },
  {
    id: 'festival-red-envelope',
    theme: 'festival',
    name: { zh: '红包', en: 'Red envelope' },
    caption: { zh: '恭喜发财', en: 'Lucky money!' },
    under: [
      { kind: 'rect', x: 0.16, y: 0.04, w: 0.68, h: 0.72, radius: 0.04, fill: RED, stroke: '#9d0208', width: 0.01 },
      {
        kind: 'polygon',
        points: [
          [0.16, 0.2],
          [0.5, 0.34],
          [0.84, 0.2],
          [0.84, 0.04],
          [0.16, 0.04],
        ],
        fill: '#e5383b',
      },
    ],
    over: [
      { kind: 'ellipse', cx: 0.5, cy: 0.69, rx: 0.07, ry: 0.07, fill: GOLD, stroke: '#b08900', width: 0.008 },
      { kind: 'text', x: 0.5, y: 0.715, size: 0.07, text: '¥', fill: RED },
    ],
    slots: [slot(0.5, 0.4, 0.16, 'photo')],
  },
  {
    id: 'festival-lantern',
    theme: 'festival',
    name: { zh: '元宵灯笼', en: 'Lantern Festival' },
    caption: { zh: '元宵快乐', en: 'Happy Lantern Festival' },
    under: [
      {
        kind: 'line',
        points: [
          [0.5, 0],
          [0.5, 0.08],
        ],
        stroke: '#333333',
        width: 0.01,
      },
      { kind: 'rect', x: 0.36, y: 0.07, w: 0.28, h: 0.05, radius: 0.01, fill: '#b08900' },
      { kind: 'ellipse', cx: 0.5, cy: 0.42, rx: 0.4, ry: 0.32, fill: RED, stroke: '#9d0208', width: 0.01 },
      { kind: 'rect', x: 0.36, y: 0.72, w: 0.28, h: 0.04, radius: 0.01, fill: '#b08900' },
    ],
    over: [
      {
        kind: 'line',
        points: [
          [0.5, 0.76],
          [0.5, 0.8],
        ],
        stroke: GOLD,
        width: 0.012,
      },
    ],
    slots: [slot(0.5, 0.4, 0.16, 'tint', { tint: '#ffb703' })],
  },
  {
    id: 'festival-moon',
    theme: 'festival',
    name: { zh: '中秋赏月', en: 'Mid-Autumn moon' },
    caption: { zh: '中秋快乐', en: 'Happy Mid-Autumn' },
    under: [
      { kind: 'rect', x: 0.02, y: 0.02, w: 0.96, h: 0.74, radius: 0.06, fill: '#14213d' },
      ...dots(14, ['#ffffff', GOLD], { x: 0.05, y: 0.05, w: 0.9, h: 0.68 }, 0.008),
      { kind: 'ellipse', cx: 0.5, cy: 0.42, rx: 0.3, ry: 0.3, fill: '#fcbf49' },
    ],
    over: [{ kind: 'ellipse', cx: 0.82, cy: 0.66, rx: 0.09, ry: 0.06, fill: '#c08552', stroke: '#7f4f24', width: 0.008 }],
    slots: [slot(0.5, 0.4, 0.15, 'tint', { tint: '#ffd166' })],
  },
  {
    id: 'festival-birthday',
    theme: 'festival',
    name: { zh: '生日快乐', en: 'Birthday' },
    caption: { zh: '生日快乐', en: 'Happy birthday' },
    under: [...dots(20, ['#ef476f', '#ffd166', '#06d6a0', '#118ab2'], { x: 0.04, y: 0.04, w: 0.92, h: 0.7 }, 0.012)],
    // The party hat sits on the head, in front of the hair.
    over: [
      {
        kind: 'polygon',
        points: [
          [0.38, 0.2],
          [0.5, 0.03],
          [0.62, 0.2],
        ],
        fill: '#118ab2',
        stroke: '#073b4c',
        width: 0.008,
      },
      { kind: 'polygon', points: star(0.5, 0.04, 0.03, 0.014, 5), fill: GOLD },
      { kind: 'ellipse', cx: 0.5, cy: 0.2, rx: 0.13, ry: 0.02, fill: '#ffd166' },
    ],
    slots: [slot(0.5, 0.42, 0.17, 'photo')],
  },
];
