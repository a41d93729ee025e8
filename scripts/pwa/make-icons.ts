// `npm run pwa:icons`: the app's icons, rasterised from its own favicon (src/assets/favicon.svg) in
// Debian's Chromium: 192 and 512 px on a transparent background ("any"), a 512 px maskable one
// (full-bleed background, the face inside the central 80 % circle every mask keeps) and a 180 px
// apple-touch-icon (iOS shows transparency as black, so it is opaque).

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/browser/support/chromium.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const svg = readFileSync(path.join(root, 'src/assets/favicon.svg'), 'utf8');
const outDir = path.join(root, 'public/icons');
/** The page's --bg (src/app/styles/page.css): the maskable icon's full-bleed background. */
const BACKGROUND = '#fff8f2';

interface Icon {
  file: string;
  size: number;
  /** The face's share of the icon's width. */
  face: number;
  background: string | null;
}

const ICONS: Icon[] = [
  { file: 'icon-192.png', size: 192, face: 1, background: null },
  { file: 'icon-512.png', size: 512, face: 1, background: null },
  // The maskable safe zone is a circle of 40 % radius: the face's circle fits inside at 76 %.
  { file: 'icon-maskable-512.png', size: 512, face: 0.76, background: BACKGROUND },
  { file: 'apple-touch-icon-180.png', size: 180, face: 0.86, background: BACKGROUND },
];

mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage();
for (const icon of ICONS) {
  const face = Math.round(icon.size * icon.face);
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background ?? 'transparent'}">` +
      `<div style="width:${face}px;height:${face}px">${svg.replace('<svg ', `<svg width="${face}" height="${face}" `)}</div></body>`,
  );
  await page.screenshot({
    path: path.join(outDir, icon.file),
    omitBackground: icon.background === null,
    clip: { x: 0, y: 0, width: icon.size, height: icon.size },
  });
  console.log(`public/icons/${icon.file}`);
}
await browser.close();
