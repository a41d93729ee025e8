// A WeChat sticker pack made from one photo through the UI, exported, and checked from the ZIP's
// own bytes: unzip tests the archive; every file is parsed against the platform's rules.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { openApp } from './support/app-driver.ts';
import { parseGif } from '../support/parse-gif.ts';
import { parseImageHeader } from '../support/parse-image-header.ts';

const session = useSession();
const KB = 1024;

describe('WeChat sticker pack', () => {
  it('makes 16 stickers from one selfie, 熊猫头 included, and exports a ZIP within the platform’s limits', async () => {
    const { page, context, offMachineRequests } = await openPage(session.browser);
    await openApp(page, session.server.url);
    await page.getByTestId('photo-input').setInputFiles(fixtureFile('faces/astronaut.png'));
    await page.getByTestId('pack-size').selectOption('16');
    await page.getByTestId('make-pack').click();
    await page.locator('[data-testid="pack-progress"][data-done="16"]').waitFor({ timeout: 110_000 });
    expect(await page.getByTestId('pack-sticker').count()).toBe(16);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack').click()]);
    expect(download.suggestedFilename()).toBe('biaoqing-wechat-pack-16.zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
    const zip = path.join(dir, 'pack.zip');
    await download.saveAs(zip);
    expect(execFileSync('unzip', ['-tq', zip]).toString()).toMatch(/No errors detected/);
    const names = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n').sort();
    const numbered = (folder: string, ext: string) => Array.from({ length: 16 }, (_, i) => `${folder}/${String(i + 1).padStart(2, '0')}.${ext}`);
    expect(names).toEqual([...numbered('main', 'gif'), ...numbered('thumb', 'png'), 'banner.png', 'cover.png', 'icon.png', 'pack.json'].sort());
    execFileSync('unzip', ['-q', zip, '-d', path.join(dir, 'out')]);
    const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, 'out', name)));

    for (const name of numbered('main', 'gif')) {
      const bytes = file(name);
      expect(bytes.byteLength, name).toBeLessThanOrEqual(500 * KB);
      expect(parseGif(bytes), name).toMatchObject({ width: 240, height: 240, loopCount: 0, frames: 1 });
    }
    for (const name of numbered('thumb', 'png')) {
      expect(file(name).byteLength, name).toBeLessThanOrEqual(200 * KB);
      expect(parseImageHeader(file(name)), name).toMatchObject({ format: 'png', width: 120, height: 120 });
    }
    expect(parseImageHeader(file('cover.png'))).toMatchObject({ format: 'png', width: 240, height: 240 });
    expect(parseImageHeader(file('banner.png'))).toMatchObject({ format: 'png', width: 750, height: 400 });
    expect(parseImageHeader(file('icon.png'))).toMatchObject({ format: 'png', width: 50, height: 50 });
    expect(file('icon.png').byteLength).toBeLessThanOrEqual(100 * KB);

    const summary = JSON.parse(new TextDecoder().decode(file('pack.json'))) as { problems: unknown[]; stickers: { style: string }[] };
    expect(summary.problems).toEqual([]);
    expect(summary.stickers.filter((s) => s.style === 'panda')).toHaveLength(4);
    expect(offMachineRequests).toEqual([]);
    await context.close();
  });
});
