// Queue consumer (publish-queue): publishes one program's pages as the app, for its report period or because it
// was just closed. A redelivered or
// duplicate event finds the period's run record and writes nothing. A failure that may pass (Confluence or
// Jira down or rate limiting, search not caught up, a person saving at the same time) asks Forge to retry
// the event later; one retrying cannot fix (no target, a page title taken, no permission) does not.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { consoleLogger } from '../adapters/logging/console-logger';
import {
  AuthError,
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
} from '../ports/atlassian-errors';
import { publishDeps } from '../resolvers/publish';
import { ProgramIdSchema } from '../resolvers/schemas';
import { NotAllowedError, ProgramNotFoundError, ProgramRuleError } from '../services/errors';
import {
  publishClosedProgram,
  publishScheduledProgram,
  type ScheduledOutcome,
} from '../services/publishing/publish-scheduled';
import { siteIdOf } from './site-id';

/** Forge retries an event at most four times. */
const MAX_RETRIES = 4;
const FIRST_RETRY_AFTER_S = 30;
const MAX_RETRY_AFTER_S = 900;

const PublishEventSchema = z.object({
  body: z.union([
    // The weekly trigger: a program due its status report in a period.
    z.object({ programId: ProgramIdSchema, period: z.string().min(1).max(32) }).strict(),
    // Closing a program: its final pages, the completion report with them.
    z.object({ programId: ProgramIdSchema, closedAt: z.iso.datetime() }).strict(),
  ]),
  eventId: z.string().optional(),
  retryContext: z.object({ retryCount: z.number().int().min(0) }).optional(),
});

export type PublishEventResult =
  | Exclude<ScheduledOutcome, { outcome: 'published' }>
  | { outcome: 'published'; runId: string; pages: number }
  | { outcome: 'rejected' | 'failed'; message: string };

const PERMANENT = [
  ProgramRuleError,
  NotAllowedError,
  ProgramNotFoundError,
  AuthError,
  ForbiddenError,
  BadRequestError,
  NotFoundError,
];

function retryAfterS(error: unknown, retryCount: number): number {
  const wanted =
    error instanceof RateLimitError && error.retryAfterMs !== undefined
      ? Math.ceil(error.retryAfterMs / 1000)
      : FIRST_RETRY_AFTER_S * 2 ** retryCount;
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, wanted));
}

export async function publishQueueConsumer(
  event: unknown,
  context: unknown,
): Promise<PublishEventResult | InvocationError> {
  const parsed = PublishEventSchema.safeParse(event);
  const logger = consoleLogger(`publish-event-${parsed.success ? parsed.data.eventId : 'malformed'}`);
  if (!parsed.success) {
    logger.error('publish event rejected', { issues: parsed.error.issues.map((i) => i.message) });
    return { outcome: 'rejected', message: 'The event is not a scheduled or closing publish of a program.' };
  }
  const { body, retryContext } = parsed.data;
  try {
    const deps = publishDeps('app', siteIdOf(context));
    const result =
      'closedAt' in body ? await publishClosedProgram(deps, body) : await publishScheduledProgram(deps, body);
    logger.info('scheduled publish', { ...body, outcome: result.outcome });
    return result.outcome === 'published'
      ? { outcome: 'published', runId: result.run.id, pages: result.run.pages.length }
      : result;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const retryCount = retryContext?.retryCount ?? 0;
    if (PERMANENT.some((type) => error instanceof type) || retryCount >= MAX_RETRIES) {
      logger.error('scheduled publish failed', { ...body, message, retryCount });
      return { outcome: 'failed', message };
    }
    const retryAfter = retryAfterS(error, retryCount);
    logger.warn('scheduled publish will be retried', { ...body, message, retryCount, retryAfter });
    return new InvocationError({
      retryAfter,
      retryReason:
        error instanceof RateLimitError
          ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
          : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { message },
    });
  }
}
