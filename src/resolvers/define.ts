import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import type { Envelope, RequestOf, ResolverKey, ResponseOf } from '../contract';
import { consoleLogger } from '../adapters/logging/console-logger';
import type { Logger } from '../ports/logger';
import { PayloadError, payloadErrors, toErrorEnvelope } from './envelope';

export interface CallContext {
  /** The Atlassian account of the viewer; undefined for anonymous calls. */
  accountId: string | undefined;
  /** The installation's site (its installContext ARI): caches are kept per site. */
  siteId: string;
  requestId: string;
  logger: Logger;
  /** Forge's `context.extension` (module type and, on issue modules, the issue); set by the host, not the UI. */
  extension: Record<string, unknown> | undefined;
}

export type Handler<K extends ResolverKey> = (
  request: RequestOf<K>,
  context: CallContext,
) => Promise<ResponseOf<K>>;

/**
 * Registers one resolver key: validates the payload, runs the handler, and answers with an Envelope.
 * Nothing escapes as a raw exception; unexpected errors are logged with the request id.
 */
export function defineResolver<K extends ResolverKey>(
  resolver: Resolver,
  key: K,
  schema: z.ZodType<RequestOf<K>>,
  handler: Handler<K>,
): void {
  resolver.define(key, async ({ payload, context }): Promise<Envelope<ResponseOf<K>>> => {
    const requestId = randomUUID();
    const logger = consoleLogger(requestId);
    const accountId = typeof context?.accountId === 'string' ? context.accountId : undefined;
    const siteId = typeof context?.installContext === 'string' ? context.installContext : 'unknown-site';
    try {
      const extension = isRecord(context?.extension) ? context.extension : undefined;
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) throw new PayloadError(payloadErrors(parsed.error));
      const data = await handler(parsed.data, { accountId, siteId, requestId, logger, extension });
      return { success: true, data };
    } catch (error) {
      const envelope = toErrorEnvelope(error, requestId);
      const errorType = envelope.success ? undefined : envelope.errors[0]?.errorType;
      if (errorType === 'INTERNAL' || errorType === 'UPSTREAM')
        logger.error(`${key} failed`, {
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      else logger.info(`${key} refused`, { errorType });
      return envelope;
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
