// `npm start` proxies /api and /healthz to a local fallback server (`npm run server`). Without one
// the app's health check fails there by design (every sticker is then made on the device), and
// Vite's proxy logged each failure as a red error with a stack, which reads as a broken app. This
// logger says it once, in one line; every other message is Vite's own.

import { createLogger, type Logger, type LogLevel, type LoggerOptions } from 'vite';

export function fallbackProxyLogger(target: string, level: LogLevel = 'info', options: LoggerOptions = {}): Logger {
  const logger = createLogger(level, options);
  const error = logger.error;
  let told = false;
  logger.error = (message, errorOptions) => {
    if (!(message.includes('http proxy error') && message.includes('ECONNREFUSED'))) return error(message, errorOptions);
    if (!told) logger.info(`No fallback server at ${target} (npm run server): every sticker is made on this device.`, { timestamp: true });
    told = true;
  };
  return logger;
}
