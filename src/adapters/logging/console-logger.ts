import type { Logger } from '../../ports/logger';

/** One JSON line per event with the request id; never pass secrets in context. */
export function consoleLogger(requestId: string): Logger {
  const write = (level: string, message: string, context?: Record<string, unknown>) =>
    console.log(JSON.stringify({ level, requestId, message, ...context }));
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
