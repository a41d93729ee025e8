// Animals: a cat, a dog, a frog, a bunny and a bear, each a head the face is set into.

import { slot, type Template } from './template.ts';

export const ANIMAL_TEMPLATES: readonly Template[] = [
  {
    id: 'animal-cat',
    theme: 'animals',
    name: { zh: '猫猫', en: 'Cat' },
    caption: { zh: '喵？', en: 'Meow?' },
    under: [
      {
        kind: 'polygon',
        points: [
          [0.14, 0.34],
          [0.18, 0.04],
          [0.4, 0.2],
        ],
        fill: '#f4a259',
        stroke: '#7f4f24',
        width: 0.01,
      },
      {
        kind: 'polygon',
        points: [
          [0.86, 0.34],
          [0.82, 0.04],
          [0.6, 0.2],
        ],
        fill: '#f4a259',
        stroke: '#7f4f24',
        width: 0.01,
      },
      { kind: 'ellipse', cx: 0.5, cy: 0.45, rx: 0.4, ry: 0.34, fill: '#f4a259', stroke: '#7f4f24', width: 0.01 },
    ],
    over: [
      {
        kind: 'line',
        points: [
          [0.04, 0.5],
          [0.2, 0.53],
        ],
        stroke: '#5c3d2e',
        width: 0.008,
      },
      {
        kind: 'line',
        points: [
          [0.04, 0.6],
          [0.2, 0.58],
        ],
        stroke: '#5c3d2e',
        width: 0.008,
      },
      {
        kind: 'line',
        points: [
          [0.96, 0.5],
          [0.8, 0.53],
        ],
        stroke: '#5c3d2e',
        width: 0.008,
      },
      {
        kind: 'line',
        points: [
          [0.96, 0.6],
          [0.8, 0.58],
        ],
        stroke: '#5c3d2e',
        width: 0.008,
      },
    ],
    slots: [slot(0.5, 0.42, 0.16, 'photo')],
  },
  {
    id: 'animal-dog',
    theme: 'animals',
    name: { zh: '狗狗', en: 'Dog' },
    caption: { zh: '汪！', en: 'Woof!' },
    under: [{ kind: 'ellipse', cx: 0.5, cy: 0.44, rx: 0.34, ry: 0.36, fill: '#d9a066', stroke: '#6b4226', width: 0.01 }],
    // Floppy ears hang in front of the sides of the head.
    over: [
      { kind: 'ellipse', cx: 0.15, cy: 0.4, rx: 0.08, ry: 0.2, rotate: 0.3, fill: '#6b4226' },
      { kind: 'ellipse', cx: 0.85, cy: 0.4, rx: 0.08, ry: 0.2, rotate: -0.3, fill: '#6b4226' },
    ],
    slots: [slot(0.5, 0.4, 0.16, 'photo')],
  },
  {
    id: 'animal-frog',
    theme: 'animals',
    name: { zh: '青蛙', en: 'Frog' },
    caption: { zh: '呱', en: 'Ribbit' },
    under: [
      { kind: 'ellipse', cx: 0.28, cy: 0.16, rx: 0.12, ry: 0.11, fill: '#70e000', stroke: '#2d6a4f', width: 0.01 },
      { kind: 'ellipse', cx: 0.72, cy: 0.16, rx: 0.12, ry: 0.11, fill: '#70e000', stroke: '#2d6a4f', width: 0.01 },
      { kind: 'ellipse', cx: 0.28, cy: 0.16, rx: 0.05, ry: 0.05, fill: '#111111' },
      { kind: 'ellipse', cx: 0.72, cy: 0.16, rx: 0.05, ry: 0.05, fill: '#111111' },
      { kind: 'ellipse', cx: 0.5, cy: 0.48, rx: 0.44, ry: 0.3, fill: '#70e000', stroke: '#2d6a4f', width: 0.01 },
    ],
    over: [],
    slots: [slot(0.5, 0.44, 0.16, 'tint', { tint: '#80ed99' })],
  },
  {
    id: 'animal-bunny',
    theme: 'animals',
    name: { zh: '兔兔', en: 'Bunny' },
    caption: { zh: '蹦蹦', en: 'Hop hop' },
    under: [
      { kind: 'ellipse', cx: 0.36, cy: 0.16, rx: 0.07, ry: 0.16, rotate: -0.15, fill: '#ffffff', stroke: '#999999', width: 0.008 },
      { kind: 'ellipse', cx: 0.64, cy: 0.16, rx: 0.07, ry: 0.16, rotate: 0.15, fill: '#ffffff', stroke: '#999999', width: 0.008 },
      { kind: 'ellipse', cx: 0.36, cy: 0.17, rx: 0.035, ry: 0.11, rotate: -0.15, fill: '#ffafcc' },
      { kind: 'ellipse', cx: 0.64, cy: 0.17, rx: 0.035, ry: 0.11, rotate: 0.15, fill: '#ffafcc' },
      { kind: 'ellipse', cx: 0.5, cy: 0.5, rx: 0.34, ry: 0.27, fill: '#ffffff', stroke: '#999999', width: 0.008 },
    ],
    over: [],
    slots: [slot(0.5, 0.47, 0.15, 'photo')],
  },
  {
    id: 'animal-bear',
    theme: 'animals',
    name: { zh: '小熊', en: 'Little bear' },
    caption: { zh: '抱抱', en: 'Hug?' },
    under: [
      { kind: 'ellipse', cx: 0.2, cy: 0.16, rx: 0.1, ry: 0.1, fill: '#8d6e63' },
      { kind: 'ellipse', cx: 0.8, cy: 0.16, rx: 0.1, ry: 0.1, fill: '#8d6e63' },
      { kind: 'ellipse', cx: 0.2, cy: 0.16, rx: 0.05, ry: 0.05, fill: '#d7ccc8' },
      { kind: 'ellipse', cx: 0.8, cy: 0.16, rx: 0.05, ry: 0.05, fill: '#d7ccc8' },
      { kind: 'ellipse', cx: 0.5, cy: 0.45, rx: 0.38, ry: 0.34, fill: '#8d6e63' },
    ],
    over: [],
    slots: [slot(0.5, 0.42, 0.17, 'photo', { roll: 0.1 })],
  },
];
