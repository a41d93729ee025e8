// A small real face for uploads under load: the astronaut fixture, box-averaged down to a few
// dozen kilobytes, so the load is requests and not bytes. The server scales it back up to its model size.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decode, encode } from 'fast-png';

const FACE = fileURLToPath(new URL('../../../shared/fixtures/faces/astronaut.png', import.meta.url));

export function smallFacePng(size = 128): Uint8Array {
  const image = decode(readFileSync(FACE));
  const { width, height, channels } = image;
  const factor = Math.floor(Math.min(width, height) / size);
  const out = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++) sum += image.data[((y * factor + dy) * width + x * factor + dx) * channels + c] ?? 0;
        out[(y * size + x) * 3 + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return encode({ width: size, height: size, data: out, channels: 3, depth: 8 });
}

/** One multipart/form-data body holding `bytes` as the field "file", and its content type. */
export function multipartFile(bytes: Uint8Array, name: string): { body: Buffer; contentType: string } {
  const boundary = 'biaoqing-load-boundary';
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
