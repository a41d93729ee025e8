// One server + one Chromium per test file, torn down after it.

import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';

export interface Session {
  server: AppServer;
  browser: Browser;
}

export function useSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startAppServer();
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
