import type { z } from 'zod';
import type { Envelope, ErrorType, ResolverError } from '../contract';
import {
  AtlassianApiError,
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
} from '../ports/atlassian-errors';
import {
  NotAllowedError,
  ProgramClosedError,
  ProgramNotFoundError,
  ProgramRuleError,
  ScopeJqlError,
} from '../services/errors';
import { ItemNotFoundError, StaleVersionError } from '../ports/program-store';
import { ProgramExistsError } from '../adapters/storage/kvs-program-store';

export class PayloadError extends Error {
  constructor(readonly issues: ResolverError[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

export function payloadErrors(error: z.ZodError): ResolverError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      errorType: 'VALIDATION',
      message: path ? `${path}: ${issue.message}` : issue.message,
      ...(path ? { path } : {}),
    };
  });
}

const fail = (errorType: ErrorType, message: string): Envelope<never> => ({
  success: false,
  errors: [{ errorType, message }],
});

/** Translates any error into a message the UI may show; internals stay in the log. */
export function toErrorEnvelope(error: unknown, requestId: string): Envelope<never> {
  if (error instanceof PayloadError) return { success: false, errors: error.issues };
  if (error instanceof ScopeJqlError)
    return {
      success: false,
      errors: [{ errorType: 'VALIDATION', message: error.message, path: 'scopeJql' }],
    };
  if (error instanceof ProgramRuleError)
    return {
      success: false,
      errors: [
        { errorType: 'VALIDATION', message: error.message, ...(error.path ? { path: error.path } : {}) },
      ],
    };
  if (error instanceof StaleVersionError)
    return fail('CONFLICT', `${error.message} Reload to see their change, then edit again.`);
  if (error instanceof ItemNotFoundError) return fail('NOT_FOUND', error.message);
  if (error instanceof ProgramNotFoundError) return fail('NOT_FOUND', error.message);
  if (error instanceof ProgramExistsError) return fail('CONFLICT', error.message);
  if (error instanceof NotAllowedError) return fail('FORBIDDEN', error.message);
  if (error instanceof ProgramClosedError) return fail('PROGRAM_CLOSED', error.message);
  if (error instanceof AuthError)
    return fail('UNAUTHENTICATED', 'Jira did not accept your session. Reload the page and sign in again.');
  if (error instanceof ForbiddenError)
    return fail('FORBIDDEN', `You do not have permission for this in Jira (${error.operation}).`);
  if (error instanceof NotFoundError)
    return fail('NOT_FOUND', `Jira could not find it, or you cannot see it (${error.operation}).`);
  if (error instanceof ConflictError)
    return fail('CONFLICT', 'Someone else changed this at the same time. Reload and try again.');
  if (error instanceof RateLimitError)
    return fail('RATE_LIMITED', 'Jira is rate limiting requests right now. Try again in a minute.');
  if (error instanceof BadRequestError)
    return fail(
      'UPSTREAM',
      `Jira rejected a request the app made (${error.operation}): ${error.messages.join('; ') || 'no reason given'}.`,
    );
  if (error instanceof AtlassianApiError)
    return fail(
      'UPSTREAM',
      `Jira or Confluence failed to answer (${error.operation}${error.status ? ` ${error.status}` : ''}). Try again.`,
    );
  return fail('INTERNAL', `Something went wrong on our side. Quote request ${requestId} when reporting it.`);
}
