// Self-hosted weights (source "hosted": exported by models/diffusion and put on a static host by
// whoever deploys the app) have no public URL in the manifest; their URL is the deployment's model
// base plus the file's path.

import type { ModelEntry } from './manifest.ts';

export function withHostedUrl(entry: ModelEntry, modelBase: string): ModelEntry {
  if (entry.source !== 'hosted' || entry.url !== null) return entry;
  return { ...entry, url: `${modelBase.endsWith('/') ? modelBase : `${modelBase}/`}${entry.file}` };
}
