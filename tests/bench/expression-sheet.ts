// `npm run sheet`: every expression in the lexicon made on each fixture face photo in the real app,
// laid out on one contact sheet per photo (bench-results/expressions-<photo>.png) to judge by eye
// whether a person would recognise each face. SHEET_PHOTO picks one fixture (default: every photo
// in the fixtures' faces/ folder), SHEET_STYLE the style (photo or panda).

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPRESSIONS } from '../../src/core/expression/lexicon.ts';
import { startAppServer } from '../browser/support/app-server.ts';
import { launchChromium, openPage } from '../browser/support/chromium.ts';
import { FIXTURES_DIR, fixtureFile } from '../browser/support/fixtures.ts';
import { imageBytes, openApp, outcome } from '../browser/support/app-driver.ts';

const PHOTOS =
  process.env.SHEET_PHOTO === undefined
    ? readdirSync(path.join(FIXTURES_DIR, 'faces'))
        .filter((name) => /\.(png|jpe?g)$/iu.test(name))
        .map((name) => `faces/${name}`)
    : [process.env.SHEET_PHOTO];
const STYLE = process.env.SHEET_STYLE ?? 'photo';
const CELL = 200;
const COLUMNS = 8;

const server = await startAppServer();
const browser = await launchChromium();
const { page } = await openPage(browser);
await openApp(page, server.url);
/** The last sticker shown: a new one is waited for, also across photos. */
let previous: string | null = null;

/** The photo without an expression, then with each expression, on one sheet: a PNG as base64. */
async function sheetOf(photo: string): Promise<string> {
  await page.getByTestId('photo-input').setInputFiles(fixtureFile(photo));
  const cells: { label: string; png: string }[] = [];
  for (const e of [null, ...EXPRESSIONS]) {
    await page.getByTestId('prompt-input').fill(e === null ? '' : e.zh);
    if (e !== null) await page.locator(`[data-testid="expression-understood"][data-expression-id="${e.id}"]`).waitFor();
    await page.getByTestId('generate-button').click();
    const done = await outcome(page, previous);
    if (done.kind !== 'result') throw new Error(`${e?.id ?? 'photo'}: ${done.text}`);
    previous = done.src;
    cells.push({ label: e === null ? '(photo)' : `${e.zh} ${e.en}`, png: await imageBytes(page, done.src) });
  }

  return page.evaluate(
    async ({ cells, cell, columns }) => {
      const rows = Math.ceil(cells.length / columns);
      const canvas = new OffscreenCanvas(columns * cell, rows * (cell + 24));
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#8aa';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.font = '16px "Noto Sans CJK SC", sans-serif';
      ctx.fillStyle = '#000';
      for (const [i, c] of cells.entries()) {
        const x = (i % columns) * cell;
        const y = Math.floor(i / columns) * (cell + 24);
        const bytes = Uint8Array.from(atob(c.png), (ch) => ch.charCodeAt(0));
        ctx.drawImage(await createImageBitmap(new Blob([bytes], { type: 'image/png' })), x, y, cell, cell);
        ctx.fillText(c.label, x + 4, y + cell + 18);
      }
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      let binary = '';
      for (const b of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(b);
      return btoa(binary);
    },
    { cells, cell: CELL, columns: COLUMNS },
  );
}

await page.getByTestId('style-select').selectOption(STYLE);
mkdirSync('bench-results', { recursive: true });
for (const photo of PHOTOS) {
  const file = `bench-results/expressions-${path.basename(photo, path.extname(photo))}${STYLE === 'photo' ? '' : `-${STYLE}`}.png`;
  writeFileSync(file, Buffer.from(await sheetOf(photo), 'base64'));
  console.log(`Wrote ${file}: ${EXPRESSIONS.length} expressions`);
}

await browser.close();
await server.close();
