// Photo variants made in the test from the shared fixtures (rotate + EXIF, upscale, composite, grey,
// low quality, glasses drawn on), by the browser's own canvas, so no image library is needed in Node.

import type { Page } from 'playwright-core';
import type { UploadFile } from './fixtures.ts';

type Encoded = { base64: string; type: string };

function toEncoded(file: UploadFile): Encoded {
  return { base64: file.buffer.toString('base64'), type: file.mimeType };
}

function fromEncoded(encoded: Encoded, name: string): UploadFile {
  return { name, mimeType: encoded.type, buffer: Buffer.from(encoded.base64, 'base64') };
}

/** Runs in the page: decode the inputs, draw them as `script` (an async function body) says, encode as `type`. */
async function drawInPage(page: Page, inputs: Encoded[], script: string, type: string): Promise<Encoded> {
  return page.evaluate(
    async ([inputs, script, type]) => {
      const bitmaps = await Promise.all(
        inputs.map(async (i) => createImageBitmap(new Blob([Uint8Array.from(atob(i.base64), (c) => c.charCodeAt(0))], { type: i.type }))),
      );
      const AsyncFunction = (async () => undefined).constructor as new (arg: string, body: string) => (b: ImageBitmap[]) => Promise<OffscreenCanvas>;
      const blob = await (await new AsyncFunction('bitmaps', script)(bitmaps)).convertToBlob({ type, quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { base64: btoa(binary), type };
    },
    [inputs, script, type] as const,
  );
}

/** An EXIF APP1 segment holding only Orientation (tag 0x0112). */
function exifOrientationSegment(orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation SHORT
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), length, payload]);
}

/**
 * What a phone writes when held sideways: pixels stored rotated 90° anticlockwise, with
 * Orientation 6 ("rotate 90° clockwise to display").
 */
export async function sidewaysWithExif(page: Page, photo: UploadFile): Promise<UploadFile> {
  const rotated = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const c = new OffscreenCanvas(b.height, b.width); const x = c.getContext('2d');
     x.translate(0, b.width); x.rotate(-Math.PI / 2); x.drawImage(b, 0, 0); return c;`,
    'image/jpeg',
  );
  const jpeg = Buffer.from(rotated.base64, 'base64');
  const withExif = Buffer.concat([jpeg.subarray(0, 2), exifOrientationSegment(6), jpeg.subarray(2)]);
  return { name: 'sideways-exif6.jpg', mimeType: 'image/jpeg', buffer: withExif };
}

export async function upscaled(page: Page, photo: UploadFile, side: number): Promise<UploadFile> {
  const big = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const c = new OffscreenCanvas(${side}, ${side}); c.getContext('2d').drawImage(b, 0, 0, ${side}, ${side}); return c;`,
    'image/jpeg',
  );
  return fromEncoded(big, `big-${side}.jpg`);
}

/**
 * The two people of two_faces.png (astronaut left, Grace Hopper right, 320 px squares), one kept
 * at full size and the other shrunk to 70%, so exactly one face is the largest.
 */
export async function oneFaceLarger(page: Page, twoFaces: UploadFile, larger: 'left' | 'right'): Promise<UploadFile> {
  const [big, small] = larger === 'left' ? [0, 320] : [320, 0];
  const both = await drawInPage(
    page,
    [toEncoded(twoFaces)],
    `const [a] = bitmaps; const c = new OffscreenCanvas(320 + 224 + 20, 320); const x = c.getContext('2d');
     x.fillStyle = '#fff'; x.fillRect(0, 0, c.width, c.height);
     x.drawImage(a, ${big}, 0, 320, 320, 0, 0, 320, 320);
     x.drawImage(a, ${small}, 0, 320, 320, 340, 48, 224, 224); return c;`,
    'image/png',
  );
  return fromEncoded(both, `two-people-${larger}-larger.png`);
}

/**
 * In the page: a seeded pseudo-random generator (the same test photo every run) and a busy pattern
 * of saturated stripes, discs and big lettering over the whole canvas `x` draws on.
 */
const BUSY_PATTERN = `
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const busy = (x, w, h) => {
    const colours = ['#d62828', '#f77f00', '#fcbf49', '#2a9d8f', '#264653', '#7b2cbf', '#e9c46a', '#1d3557'];
    for (let i = -h; i < w; i += 36) {
      x.fillStyle = colours[(i / 36 + 64) % colours.length | 0];
      x.beginPath(); x.moveTo(i, 0); x.lineTo(i + 18, 0); x.lineTo(i + 18 + h, h); x.lineTo(i + h, h); x.fill();
    }
    for (let i = 0; i < 60; i++) {
      x.fillStyle = colours[i % colours.length];
      x.beginPath(); x.arc(random() * w, random() * h, 10 + random() * 50, 0, 2 * Math.PI); x.fill();
    }
    x.font = 'bold 90px sans-serif';
    for (let i = 0; i < 8; i++) {
      x.fillStyle = colours[(i + 3) % colours.length];
      x.fillText(['SALE 50%', '表情包', 'NEW!', '今日特价'][i % 4], random() * w - 100, random() * h);
    }
  };`;

/**
 * A busy background: the portrait (bottom edge on the photo's, as its shoulders are) with
 * stripes, discs and lettering all round it and a poster of `other` beside it.
 */
export async function onBusyBackground(page: Page, portrait: UploadFile, other: UploadFile): Promise<UploadFile> {
  const busy = await drawInPage(
    page,
    [toEncoded(portrait), toEncoded(other)],
    `${BUSY_PATTERN}
     const [p, o] = bitmaps; const w = Math.round(p.width * 1.6); const h = Math.round(p.height * 1.25);
     const c = new OffscreenCanvas(w, h); const x = c.getContext('2d');
     busy(x, w, h);
     x.drawImage(p, Math.round(p.width * 0.12), h - p.height);
     const side = p.height * 0.5;
     x.drawImage(o, p.width * 1.18, h * 0.05, side * o.width / o.height, side); return c;`,
    'image/jpeg',
  );
  return fromEncoded(busy, 'busy-background.jpg');
}

/**
 * A photo of a printed photo: the portrait printed small with a white border, turned a little, on a
 * wood-grained table beside another print (`other`), as a phone photographs a photo album.
 */
export async function photoOfPhoto(page: Page, portrait: UploadFile, other: UploadFile): Promise<UploadFile> {
  const photo = await drawInPage(
    page,
    [toEncoded(portrait), toEncoded(other)],
    `const [p, o] = bitmaps; const w = 1100; const h = 850;
     const c = new OffscreenCanvas(w, h); const x = c.getContext('2d');
     for (let y = 0; y < h; y++) {
       const grain = Math.sin(y * 0.09 + Math.sin(y * 0.013) * 4) * 0.5 + 0.5;
       x.fillStyle = 'rgb(' + (120 + grain * 50) + ',' + (75 + grain * 30) + ',' + (40 + grain * 15) + ')';
       x.fillRect(0, y, w, 1);
     }
     const print = (b, cx, cy, height, turn) => {
       const k = height / b.height; const pw = b.width * k; const border = height * 0.05;
       x.save(); x.translate(cx, cy); x.rotate(turn);
       x.shadowColor = 'rgba(0,0,0,0.5)'; x.shadowBlur = 18; x.shadowOffsetX = 6; x.shadowOffsetY = 8;
       x.fillStyle = '#f8f6f0'; x.fillRect(-pw / 2 - border, -height / 2 - border, pw + 2 * border, height + 2 * border);
       x.shadowColor = 'transparent';
       x.drawImage(b, -pw / 2, -height / 2, pw, height); x.restore();
     };
     print(o, 820, 380, 380, -0.07);
     print(p, 380, 440, 500, 0.09); return c;`,
    'image/jpeg',
  );
  return fromEncoded(photo, 'photo-of-a-photo.jpg');
}

/** The part of the photo inside `box` (pixels): a closer framing, so a small face stays findable once the photo is set in a larger scene. */
export async function cropped(page: Page, photo: UploadFile, box: { x: number; y: number; width: number; height: number }): Promise<UploadFile> {
  const crop = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const c = new OffscreenCanvas(${box.width}, ${box.height});
     c.getContext('2d').drawImage(b, ${box.x}, ${box.y}, ${box.width}, ${box.height}, 0, 0, ${box.width}, ${box.height}); return c;`,
    'image/png',
  );
  return fromEncoded(crop, `cropped-${photo.name}.png`);
}

/** The photo in shades of grey: an old or black-and-white print. */
export async function greyed(page: Page, photo: UploadFile): Promise<UploadFile> {
  const grey = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const c = new OffscreenCanvas(b.width, b.height); const x = c.getContext('2d');
     x.filter = 'grayscale(1)'; x.drawImage(b, 0, 0); return c;`,
    'image/png',
  );
  return fromEncoded(grey, `grey-${photo.name.replace(/\.\w+$/u, '')}.png`);
}

/**
 * What a photo forwarded through chat apps a few times looks like: shrunk to `side` px, saved as a
 * JPEG at quality 0.3 (blocks, smeared detail), then enlarged back to its own size.
 */
export async function lowQuality(page: Page, photo: UploadFile, side = 256): Promise<UploadFile> {
  const poor = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const k = ${side} / Math.max(b.width, b.height);
     const small = new OffscreenCanvas(Math.round(b.width * k), Math.round(b.height * k));
     small.getContext('2d').drawImage(b, 0, 0, small.width, small.height);
     const jpeg = await createImageBitmap(await small.convertToBlob({ type: 'image/jpeg', quality: 0.3 }));
     const c = new OffscreenCanvas(b.width, b.height); c.getContext('2d').drawImage(jpeg, 0, 0, b.width, b.height); return c;`,
    'image/png',
  );
  return fromEncoded(poor, `low-quality-${photo.name.replace(/\.\w+$/u, '')}.png`);
}

/**
 * Dark, thick-rimmed glasses drawn on the face at its iris centres (`rightIris`, `leftIris`, in
 * pixels, from a landmarker run on the photo): lenses wide enough that the rims' tops run along the
 * brows, as on grace_hopper.jpg, a bridge and the arms towards the ears.
 */
export async function withGlasses(page: Page, photo: UploadFile, rightIris: { x: number; y: number }, leftIris: { x: number; y: number }): Promise<UploadFile> {
  const drawn = await drawInPage(
    page,
    [toEncoded(photo)],
    `const [b] = bitmaps; const c = new OffscreenCanvas(b.width, b.height); const x = c.getContext('2d');
     x.drawImage(b, 0, 0);
     const r = ${JSON.stringify(rightIris)}, l = ${JSON.stringify(leftIris)};
     const iod = Math.hypot(l.x - r.x, l.y - r.y);
     x.translate((r.x + l.x) / 2, (r.y + l.y) / 2); x.rotate(Math.atan2(l.y - r.y, l.x - r.x));
     x.strokeStyle = '#161412'; x.lineWidth = 0.07 * iod; x.lineJoin = 'round';
     for (const side of [-1, 1]) {
       x.beginPath(); x.roundRect(side * iod / 2 - 0.42 * iod, -0.3 * iod, 0.84 * iod, 0.56 * iod, 0.16 * iod); x.stroke();
       x.beginPath(); x.moveTo(side * 0.92 * iod, -0.2 * iod); x.lineTo(side * 1.15 * iod, -0.16 * iod); x.stroke();
     }
     x.beginPath(); x.moveTo(-0.08 * iod, -0.12 * iod); x.quadraticCurveTo(0, -0.18 * iod, 0.08 * iod, -0.12 * iod); x.stroke();
     return c;`,
    'image/png',
  );
  return fromEncoded(drawn, `glasses-${photo.name.replace(/\.\w+$/u, '')}.png`);
}
