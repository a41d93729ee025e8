// Uploads and results on local disk, one file per id under DATA_DIR, with a small JSON beside each
// upload: the default, for one machine.

import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isId } from '../ids.ts';
import type { Storage, UploadMeta } from '../storage.ts';

type Area = 'uploads' | 'results';

/** A missing file is null (never made, or swept); any other failure is thrown. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  get where(): string {
    return this.root;
  }

  async init(): Promise<void> {
    await Promise.all((['uploads', 'results'] as const).map((area) => mkdir(path.join(this.root, area), { recursive: true })));
  }

  private file(area: Area, id: string, ext: string): string {
    if (!isId(id)) throw new Error(`not an id: ${id}`);
    return path.join(this.root, area, `${id}.${ext}`);
  }

  async putUpload(meta: UploadMeta, bytes: Uint8Array): Promise<void> {
    await writeFile(this.file('uploads', meta.id, 'img'), bytes);
    await writeFile(this.file('uploads', meta.id, 'json'), JSON.stringify(meta));
  }

  async uploadMeta(id: string): Promise<UploadMeta | null> {
    return orNull(async () => JSON.parse(await readFile(this.file('uploads', id, 'json'), 'utf8')) as UploadMeta);
  }

  async uploadBytes(id: string): Promise<Uint8Array | null> {
    return orNull(async () => new Uint8Array(await readFile(this.file('uploads', id, 'img'))));
  }

  async putResult(id: string, png: Uint8Array): Promise<void> {
    await writeFile(this.file('results', id, 'png'), png);
  }

  async resultCreatedAt(id: string): Promise<number | null> {
    return orNull(async () => Math.floor((await stat(this.file('results', id, 'png'))).mtimeMs));
  }

  async openResult(id: string): Promise<Readable | null> {
    const file = this.file('results', id, 'png');
    // Opened before it is handed on, so a file swept meanwhile is a null, not a broken response.
    return orNull(
      () =>
        new Promise<Readable>((resolve, reject) => {
          const stream = createReadStream(file);
          stream.once('open', () => resolve(stream));
          stream.once('error', reject);
        }),
    );
  }

  /** The disk is not reachable from the client: the server streams the file. */
  async signedResultUrl(id: string): Promise<null> {
    this.file('results', id, 'png');
    return null;
  }

  async deleteOlderThan(before: number): Promise<number> {
    let deleted = 0;
    for (const area of ['uploads', 'results'] as const) {
      const dir = path.join(this.root, area);
      for (const name of await readdir(dir)) {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => null);
        if (info === null || !info.isFile() || info.mtimeMs >= before) continue;
        await rm(file, { force: true });
        deleted += 1;
      }
    }
    return deleted;
  }
}
