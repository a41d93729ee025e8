// Uploads and results on local disk, one file per id under DATA_DIR, with a small JSON beside each
// upload. Paths are only ever built from ids that passed isId, so no request names another file.
// At scale this becomes S3-compatible storage with a lifecycle rule (docs/server.md, At scale).

import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isId } from './ids.ts';

export type Area = 'uploads' | 'results';

export interface UploadMeta {
  id: string;
  format: 'png' | 'jpeg';
  /** As displayed, after `orientation`. */
  width: number;
  height: number;
  orientation: number;
  sha256: string;
  createdAt: number;
}

/** A missing file is null (never made, or swept); any other failure is thrown. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export class Storage {
  constructor(readonly root: string) {}

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

  async readResult(id: string): Promise<Uint8Array | null> {
    return orNull(async () => new Uint8Array(await readFile(this.file('results', id, 'png'))));
  }

  async hasResult(id: string): Promise<boolean> {
    return (await stat(this.file('results', id, 'png')).catch(() => null)) !== null;
  }

  /** Deletes files in both areas last written before `before` (ms since epoch); returns how many. */
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
