// The server's settings, all from environment variables so one image runs anywhere (a laptop,
// a GPU box, several workers behind a queue). Tests build a config directly with short times.

import path from 'node:path';
import { isDiffusionSetId, type DiffusionSetId } from '../src/core/diffusion/model-sets.ts';
import { defaultServerModels } from './diffusion/model-files.ts';

/** Decides whether an uploaded image may be kept; default allows. A moderation service plugs in here. */
export type ImageReview = (image: {
  id: string;
  bytes: Uint8Array;
  format: string;
  width: number;
  height: number;
}) => Promise<{ allowed: true } | { allowed: false; reason: string }>;

/** S3-compatible object storage (S3_* variables); the credentials fall back to the SDK's own chain (an IAM role) when unset. */
export interface S3Settings {
  /** Absent: AWS S3 itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path (MinIO, s3rver) rather than in the host name (AWS, COS, OSS). */
  forcePathStyle: boolean;
  /** Downloads redirect to a URL signed for at most this long; 0: the server streams them. */
  signedUrlSeconds: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Local storage's folder, used when `s3` is null. */
  dataDir: string;
  s3: S3Settings | null;
  retentionMs: number;
  sweepIntervalMs: number;
  models: DiffusionSetId;
  /** Which AI set the server runs and why (the real set's missing files, when it fell back to the fixtures): logged at start. */
  modelsNote: string;
  /** Folder of the published model files (tokenizer); models/ holds the repository's own. */
  sharedModelsDir: string;
  maxUploadBytes: number;
  maxUploadPixels: number;
  /** Jobs waiting, not counting the ones running; beyond it generate answers 503. */
  queueMax: number;
  /** Jobs run at once: one per loaded model copy. */
  concurrency: number;
  /** Unfinished jobs one client may have; beyond it generate answers 429. */
  maxJobsPerClient: number;
  rateLimitPerMinute: number;
  wordListFile: string;
  /** Behind a reverse proxy: trust X-Forwarded-For (true, or from these addresses/CIDRs), so limits are per client, not per proxy. */
  trustProxy: boolean | string[];
  /** Origins whose pages may call the API (CORS); empty: same origin only. */
  allowedOrigins: string[];
  /** Scaled out: the Redis that holds the queue, job states and events, limits and the result cache; null: all in this process. */
  redisUrl: string | null;
  /** Scaled out: a job whose worker has not renewed its lock for this long (killed, frozen) is run by another worker. */
  jobLockMs: number;
  /** `npm run server`'s log level; at info every request is a line, which costs a busy server. */
  logLevel: string;
  reviewImage: ImageReview;
}

const ROOT = path.resolve(import.meta.dirname, '..');

const allowAll: ImageReview = async () => ({ allowed: true });

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${raw} is not a non-negative number`);
  return value;
}

function trustProxy(raw: string | undefined): boolean | string[] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  return raw === 'true' ? true : raw.split(',').map((a) => a.trim());
}

function s3Settings(env: NodeJS.ProcessEnv): S3Settings | null {
  const bucket = env.S3_BUCKET ?? '';
  if (bucket === '') return null;
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if ((accessKeyId === '') !== (secretAccessKey === '')) throw new Error('set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  return {
    ...(env.S3_ENDPOINT === undefined || env.S3_ENDPOINT === '' ? {} : { endpoint: env.S3_ENDPOINT }),
    bucket,
    region: env.S3_REGION ?? 'us-east-1',
    ...(accessKeyId === '' ? {} : { credentials: { accessKeyId, secretAccessKey } }),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    signedUrlSeconds: number(env, 'S3_SIGNED_URL_SECONDS', 0),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sharedModelsDir = path.resolve(env.BIAOQING_MODELS_DIR ?? path.join(ROOT, '../shared/models'));
  const fallback = env.BIAOQING_MODELS === undefined ? defaultServerModels(sharedModelsDir) : undefined;
  const models = env.BIAOQING_MODELS ?? fallback?.models;
  if (!isDiffusionSetId(models)) throw new Error(`BIAOQING_MODELS=${models} is not a known model set`);
  return {
    modelsNote: fallback?.note ?? `AI models: ${models} (BIAOQING_MODELS)`,
    host: env.HOST ?? '127.0.0.1',
    port: number(env, 'PORT', 8787),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(ROOT, '.server-data')),
    s3: s3Settings(env),
    retentionMs: number(env, 'RETENTION_HOURS', 72) * 3_600_000,
    sweepIntervalMs: number(env, 'SWEEP_MINUTES', 15) * 60_000,
    models,
    sharedModelsDir,
    maxUploadBytes: number(env, 'MAX_UPLOAD_MB', 10) * 1024 * 1024,
    maxUploadPixels: number(env, 'MAX_UPLOAD_MEGAPIXELS', 25) * 1_000_000,
    queueMax: number(env, 'QUEUE_MAX', 32),
    concurrency: Math.max(1, number(env, 'QUEUE_CONCURRENCY', 1)),
    maxJobsPerClient: Math.max(1, number(env, 'MAX_JOBS_PER_CLIENT', 3)),
    rateLimitPerMinute: number(env, 'RATE_LIMIT_PER_MINUTE', 60),
    wordListFile: path.resolve(env.WORD_LIST_FILE ?? path.join(ROOT, 'server/content/sensitive-words.txt')),
    trustProxy: trustProxy(env.TRUST_PROXY),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    redisUrl: env.REDIS_URL === undefined || env.REDIS_URL === '' ? null : env.REDIS_URL,
    jobLockMs: number(env, 'JOB_LOCK_SECONDS', 30) * 1000,
    logLevel: env.LOG_LEVEL ?? 'info',
    reviewImage: allowAll,
  };
}
