// Uploads and results in an S3-compatible bucket (MinIO, AWS S3, Tencent COS, Aliyun OSS), under
// uploads/ and results/, so any API server or worker reads what another wrote. Retention: read
// time and the sweeper here, and a lifecycle rule on the bucket (docs/server.md) as the backstop.

import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Settings } from '../config.ts';
import { isId } from '../ids.ts';
import type { Storage, UploadMeta } from '../storage.ts';

/** DeleteObjects takes at most this many keys a call. */
const DELETE_BATCH = 1000;

function key(area: 'uploads' | 'results', id: string, ext: string): string {
  if (!isId(id)) throw new Error(`not an id: ${id}`);
  return `${area}/${id}.${ext}`;
}

/** A missing object is null; any other failure (credentials, network) is thrown. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}

export class S3Storage implements Storage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
      // Checksums only where S3 requires them: COS, OSS and older MinIO refuse the newer defaults.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get where(): string {
    return `s3://${this.settings.bucket} at ${this.settings.endpoint ?? `AWS ${this.settings.region}`}`;
  }

  async init(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (error) {
      throw new Error(`S3 bucket ${this.where} is not reachable: ${error instanceof Error ? error.name : String(error)}`, { cause: error });
    }
  }

  private async put(Key: string, Body: Uint8Array | string, ContentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key, Body, ContentType }));
  }

  private async get(Key: string): Promise<Uint8Array | null> {
    return orNull(async () => {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key }));
      if (object.Body === undefined) throw new Error(`${Key} has no body`);
      return object.Body.transformToByteArray();
    });
  }

  async putUpload(meta: UploadMeta, bytes: Uint8Array): Promise<void> {
    await this.put(key('uploads', meta.id, 'img'), bytes, `image/${meta.format}`);
    await this.put(key('uploads', meta.id, 'json'), JSON.stringify(meta), 'application/json');
  }

  async uploadMeta(id: string): Promise<UploadMeta | null> {
    const bytes = await this.get(key('uploads', id, 'json'));
    return bytes === null ? null : (JSON.parse(new TextDecoder().decode(bytes)) as UploadMeta);
  }

  async uploadBytes(id: string): Promise<Uint8Array | null> {
    return this.get(key('uploads', id, 'img'));
  }

  async putResult(id: string, png: Uint8Array): Promise<void> {
    await this.put(key('results', id, 'png'), png, 'image/png');
  }

  async resultCreatedAt(id: string): Promise<number | null> {
    return orNull(async () => {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key('results', id, 'png') }));
      return head.LastModified?.getTime() ?? 0;
    });
  }

  async openResult(id: string): Promise<Readable | null> {
    return orNull(async () => {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key('results', id, 'png') }));
      // In Node the SDK's body is an IncomingMessage: a Readable.
      return object.Body as Readable;
    });
  }

  async signedResultUrl(id: string, seconds: number): Promise<string | null> {
    const Key = key('results', id, 'png');
    if (this.settings.signedUrlSeconds === 0) return null;
    const expiresIn = Math.max(1, Math.min(Math.floor(seconds), this.settings.signedUrlSeconds));
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.settings.bucket, Key }), { expiresIn });
  }

  async deleteOlderThan(before: number): Promise<number> {
    const old: string[] = [];
    for (const Prefix of ['uploads/', 'results/']) {
      let ContinuationToken: string | undefined;
      do {
        const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          if (object.Key !== undefined && object.LastModified !== undefined && object.LastModified.getTime() < before) old.push(object.Key);
        }
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken !== undefined);
    }
    for (let i = 0; i < old.length; i += DELETE_BATCH) {
      const Objects = old.slice(i, i + DELETE_BATCH).map((Key) => ({ Key }));
      const answer = await this.client.send(new DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects, Quiet: true } }));
      const failed = answer.Errors ?? [];
      if (failed.length > 0) throw new Error(`S3 refused to delete ${failed.length} objects, the first ${failed[0]?.Key}: ${failed[0]?.Message}`);
    }
    return old.length;
  }
}
