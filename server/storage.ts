// Where uploads and results are kept: one interface, two places. Local disk under DATA_DIR is the
// default; S3-compatible object storage (MinIO, AWS S3, Tencent COS, Aliyun OSS) when S3_BUCKET is
// set, so several API servers and workers share the files (storage/open-storage.ts chooses).
// Ids are checked with isId before any key or path is built, so no request names another file.

import type { Readable } from 'node:stream';

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

export interface Storage {
  /** Where the files are, for the start-up log line. */
  readonly where: string;
  /** Makes the folders, or checks the bucket is there and reachable; throws a clear error if not. */
  init(): Promise<void>;
  putUpload(meta: UploadMeta, bytes: Uint8Array): Promise<void>;
  /** Null when missing (never made, or swept); any other failure is thrown. */
  uploadMeta(id: string): Promise<UploadMeta | null>;
  uploadBytes(id: string): Promise<Uint8Array | null>;
  putResult(id: string, png: Uint8Array): Promise<void>;
  /** When the result was stored (ms since epoch), or null when it is not there: retention is judged by it. */
  resultCreatedAt(id: string): Promise<number | null>;
  /** The PNG as a stream, or null when it is not there. */
  openResult(id: string): Promise<Readable | null>;
  /** A URL the client can fetch the PNG from directly for `seconds`; null when this storage streams through the server. */
  signedResultUrl(id: string, seconds: number): Promise<string | null>;
  /** Deletes uploads and results stored before `before` (ms since epoch); returns how many files. */
  deleteOlderThan(before: number): Promise<number>;
}
