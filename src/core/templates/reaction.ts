// Classic reaction faces: bursts, spotlights, a TV, OK, speechless, and a two-face duo.

import { slot, star, type Template } from './template.ts';

export const REACTION_TEMPLATES: readonly Template[] = [
  {
    id: 'reaction-shock',
    theme: 'reaction',
    name: { zh: '震惊', en: 'Shock' },
    caption: { zh: '震惊！', en: 'SHOCKED!' },
    under: [{ kind: 'polygon', points: star(0.5, 0.45, 0.44, 0.32, 16), fill: '#ffd60a', stroke: '#e85d04', width: 0.012 }],
    over: [{ kind: 'text', x: 0.86, y: 0.2, size: 0.14, text: '!!', fill: '#d00000', stroke: '#ffffff', width: 0.012, rotate: 0.2 }],
    slots: [slot(0.5, 0.4, 0.2, 'photo')],
  },
  {
    id: 'reaction-speechless',
    theme: 'reaction',
    name: { zh: '无语', en: 'Speechless' },
    caption: { zh: '无语…', en: 'Speechless…' },
    under: [{ kind: 'rect', x: 0.08, y: 0.06, w: 0.84, h: 0.7, radius: 0.08, fill: '#dfe3e8' }],
    over: [
      { kind: 'ellipse', cx: 0.8, cy: 0.26, rx: 0.03, ry: 0.05, fill: '#6ec1ff', stroke: '#1d6fb8', width: 0.006 },
      { kind: 'text', x: 0.22, y: 0.18, size: 0.1, text: '…', fill: '#333333' },
    ],
    slots: [slot(0.5, 0.4, 0.2, 'photo')],
  },
  {
    id: 'reaction-ok',
    theme: 'reaction',
    name: { zh: '好的', en: 'OK' },
    caption: { zh: '好的', en: 'OK' },
    under: [{ kind: 'ellipse', cx: 0.5, cy: 0.42, rx: 0.4, ry: 0.4, fill: '#8ac926' }],
    over: [
      { kind: 'ellipse', cx: 0.83, cy: 0.66, rx: 0.11, ry: 0.11, fill: '#ffffff', stroke: '#2b9348', width: 0.012 },
      { kind: 'text', x: 0.83, y: 0.69, size: 0.09, text: 'OK', fill: '#2b9348' },
    ],
    slots: [slot(0.5, 0.38, 0.19, 'photo')],
  },
  {
    id: 'reaction-tv',
    theme: 'reaction',
    name: { zh: '上电视', en: 'On TV' },
    caption: { zh: '据说…', en: 'Breaking news' },
    under: [
      {
        kind: 'line',
        points: [
          [0.38, 0.02],
          [0.5, 0.12],
          [0.62, 0.02],
        ],
        stroke: '#333333',
        width: 0.012,
      },
      { kind: 'rect', x: 0.16, y: 0.14, w: 0.68, h: 0.56, radius: 0.04, fill: '#2a9d8f' },
    ],
    // The set's casing in front of the face: four bars round the screen, a knob, feet.
    over: [
      { kind: 'rect', x: 0.08, y: 0.1, w: 0.84, h: 0.06, radius: 0.02, fill: '#6d4c41' },
      { kind: 'rect', x: 0.08, y: 0.68, w: 0.84, h: 0.08, radius: 0.02, fill: '#6d4c41' },
      { kind: 'rect', x: 0.08, y: 0.1, w: 0.08, h: 0.66, fill: '#6d4c41' },
      { kind: 'rect', x: 0.84, y: 0.1, w: 0.08, h: 0.66, fill: '#6d4c41' },
      { kind: 'ellipse', cx: 0.88, cy: 0.72, rx: 0.015, ry: 0.015, fill: '#ffd166' },
    ],
    slots: [slot(0.5, 0.38, 0.17, 'tint', { tint: '#4cc9f0' })],
  },
  {
    id: 'reaction-spotlight',
    theme: 'reaction',
    name: { zh: '聚光灯', en: 'Spotlight' },
    caption: { zh: '主角登场', en: 'Main character' },
    under: [
      { kind: 'rect', x: 0.04, y: 0.02, w: 0.92, h: 0.74, radius: 0.05, fill: '#1b1b2f' },
      {
        kind: 'polygon',
        points: [
          [0.44, 0.02],
          [0.56, 0.02],
          [0.86, 0.74],
          [0.14, 0.74],
        ],
        fill: '#fff3b0',
      },
    ],
    over: [],
    // Leaning back a little under the light.
    slots: [slot(0.5, 0.4, 0.18, 'photo', { perspective: { squash: 0.9, shear: 0.12 } })],
  },
  {
    id: 'reaction-duo',
    theme: 'reaction',
    name: { zh: '我俩', en: 'The two of us' },
    caption: { zh: '好搭档', en: 'Best duo' },
    under: [
      { kind: 'rect', x: 0.04, y: 0.1, w: 0.92, h: 0.62, radius: 0.1, fill: '#ffc8dd' },
      { kind: 'ellipse', cx: 0.5, cy: 0.62, rx: 0.05, ry: 0.045, fill: '#ef476f' },
    ],
    over: [],
    slots: [slot(0.28, 0.4, 0.14, 'photo', { roll: -0.12 }), slot(0.72, 0.4, 0.14, 'photo', { roll: 0.12 })],
  },
];
