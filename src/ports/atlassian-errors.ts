// Typed errors for every Atlassian call: the UI and services switch on these, never on raw statuses.

export interface ApiErrorDetails {
  operation: string;
  status?: number;
  messages?: string[];
  cause?: unknown;
}

export class AtlassianApiError extends Error {
  readonly operation: string;
  readonly status: number | undefined;
  readonly messages: string[];

  constructor(message: string, details: ApiErrorDetails) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.operation = details.operation;
    this.status = details.status;
    this.messages = details.messages ?? [];
  }
}

/** 401: the credentials were refused. */
export class AuthError extends AtlassianApiError {}
/** 403: the caller may not do this. */
export class ForbiddenError extends AtlassianApiError {}
/** 404: absent, or not visible to the caller (Jira does not tell the two apart). */
export class NotFoundError extends AtlassianApiError {}
/** 409: someone else changed it first (stale version). */
export class ConflictError extends AtlassianApiError {}
/** 400 and other 4xx: the request itself is wrong; retrying cannot help. */
export class BadRequestError extends AtlassianApiError {}
/** 429 after the retry budget was spent. */
export class RateLimitError extends AtlassianApiError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: ApiErrorDetails & { retryAfterMs?: number | undefined }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
/** 5xx after the retry budget was spent. */
export class ServerError extends AtlassianApiError {}
/** No HTTP answer at all: connection dropped, reset or refused. */
export class NetworkError extends AtlassianApiError {}
