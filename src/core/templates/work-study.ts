// Work and study memes: overtime, exams, meetings, coffee, deadlines, colleagues.

import { slot, star, type Template } from './template.ts';

export const WORK_STUDY_TEMPLATES: readonly Template[] = [
  {
    id: 'work-overtime',
    theme: 'work-study',
    name: { zh: '加班', en: 'Overtime' },
    caption: { zh: '又加班', en: 'Overtime again' },
    under: [
      { kind: 'rect', x: 0.02, y: 0.02, w: 0.96, h: 0.74, radius: 0.05, fill: '#22223b' },
      { kind: 'ellipse', cx: 0.85, cy: 0.14, rx: 0.07, ry: 0.07, fill: '#f2e9e4' },
      { kind: 'ellipse', cx: 0.88, cy: 0.12, rx: 0.06, ry: 0.06, fill: '#22223b' },
    ],
    // The laptop in front of the chin.
    over: [
      {
        kind: 'polygon',
        points: [
          [0.2, 0.76],
          [0.28, 0.62],
          [0.72, 0.62],
          [0.8, 0.76],
        ],
        fill: '#adb5bd',
        stroke: '#495057',
        width: 0.008,
      },
      { kind: 'ellipse', cx: 0.5, cy: 0.69, rx: 0.02, ry: 0.02, fill: '#f8f9fa' },
    ],
    slots: [slot(0.5, 0.36, 0.17, 'tint', { tint: '#8ecae6' })],
  },
  {
    id: 'study-exam',
    theme: 'work-study',
    name: { zh: '考试周', en: 'Exam week' },
    caption: { zh: '考试周', en: 'Exam week' },
    under: [
      { kind: 'rect', x: 0.06, y: 0.06, w: 0.88, h: 0.7, radius: 0.04, fill: '#fefae0', stroke: '#bc6c25', width: 0.008 },
      {
        kind: 'line',
        points: [
          [0.1, 0.2],
          [0.9, 0.2],
        ],
        stroke: '#a3c4f3',
        width: 0.004,
      },
      {
        kind: 'line',
        points: [
          [0.1, 0.3],
          [0.9, 0.3],
        ],
        stroke: '#a3c4f3',
        width: 0.004,
      },
      {
        kind: 'line',
        points: [
          [0.1, 0.4],
          [0.9, 0.4],
        ],
        stroke: '#a3c4f3',
        width: 0.004,
      },
      {
        kind: 'line',
        points: [
          [0.1, 0.5],
          [0.9, 0.5],
        ],
        stroke: '#a3c4f3',
        width: 0.004,
      },
      {
        kind: 'line',
        points: [
          [0.1, 0.6],
          [0.9, 0.6],
        ],
        stroke: '#a3c4f3',
        width: 0.004,
      },
    ],
    over: [{ kind: 'text', x: 0.84, y: 0.24, size: 0.13, text: '59', fill: '#d00000', rotate: -0.2 }],
    slots: [slot(0.45, 0.4, 0.17, 'photo')],
  },
  {
    id: 'work-meeting',
    theme: 'work-study',
    name: { zh: '开会', en: 'Meeting' },
    caption: { zh: '收到', en: 'Copy that' },
    under: [
      { kind: 'rect', x: 0.04, y: 0.04, w: 0.92, h: 0.56, radius: 0.02, fill: '#ffffff', stroke: '#6c757d', width: 0.01 },
      {
        kind: 'line',
        points: [
          [0.1, 0.5],
          [0.2, 0.4],
          [0.3, 0.45],
          [0.4, 0.3],
        ],
        stroke: '#2a9d8f',
        width: 0.01,
      },
      {
        kind: 'line',
        points: [
          [0.66, 0.5],
          [0.76, 0.36],
          [0.9, 0.2],
        ],
        stroke: '#e76f51',
        width: 0.01,
      },
    ],
    over: [],
    // Seen a little from below, leaning in.
    slots: [slot(0.52, 0.38, 0.17, 'photo', { perspective: { squash: 1.05, shear: -0.15 } })],
  },
  {
    id: 'work-coffee',
    theme: 'work-study',
    name: { zh: '咖啡续命', en: 'Coffee' },
    caption: { zh: '咖啡续命', en: 'Need coffee' },
    under: [{ kind: 'ellipse', cx: 0.5, cy: 0.42, rx: 0.42, ry: 0.36, fill: '#e9c46a' }],
    over: [
      { kind: 'rect', x: 0.7, y: 0.5, w: 0.18, h: 0.22, radius: 0.03, fill: '#ffffff', stroke: '#6f4518', width: 0.01 },
      { kind: 'ellipse', cx: 0.9, cy: 0.6, rx: 0.04, ry: 0.05, stroke: '#6f4518', width: 0.01 },
      {
        kind: 'line',
        points: [
          [0.76, 0.46],
          [0.78, 0.42],
          [0.76, 0.38],
        ],
        stroke: '#adb5bd',
        width: 0.008,
      },
      {
        kind: 'line',
        points: [
          [0.82, 0.46],
          [0.84, 0.42],
          [0.82, 0.38],
        ],
        stroke: '#adb5bd',
        width: 0.008,
      },
    ],
    slots: [slot(0.45, 0.4, 0.17, 'photo', { roll: -0.08 })],
  },
  {
    id: 'work-deadline',
    theme: 'work-study',
    name: { zh: 'DDL', en: 'Deadline' },
    caption: { zh: '救命DDL', en: 'Deadline!!' },
    under: [
      { kind: 'polygon', points: star(0.5, 0.5, 0.46, 0.32, 9), fill: '#f77f00' },
      { kind: 'polygon', points: star(0.5, 0.54, 0.3, 0.22, 9, 0.3), fill: '#fcbf49' },
    ],
    over: [
      { kind: 'ellipse', cx: 0.15, cy: 0.16, rx: 0.1, ry: 0.1, fill: '#ffffff', stroke: '#111111', width: 0.01 },
      {
        kind: 'line',
        points: [
          [0.15, 0.09],
          [0.15, 0.16],
          [0.2, 0.19],
        ],
        stroke: '#111111',
        width: 0.01,
      },
    ],
    slots: [slot(0.5, 0.38, 0.18, 'photo')],
  },
  {
    id: 'work-colleagues',
    theme: 'work-study',
    name: { zh: '打工人', en: 'Coworkers' },
    caption: { zh: '打工人', en: 'Workers unite' },
    under: [
      { kind: 'rect', x: 0.02, y: 0.62, w: 0.96, h: 0.12, radius: 0.02, fill: '#8d99ae' },
      { kind: 'rect', x: 0.06, y: 0.06, w: 0.88, h: 0.08, radius: 0.02, fill: '#edf2f4' },
    ],
    over: [],
    slots: [slot(0.27, 0.38, 0.13, 'photo'), slot(0.73, 0.38, 0.13, 'photo')],
  },
];
