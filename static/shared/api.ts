import { invoke } from '@forge/bridge';
import type {
  Envelope,
  ErrorType,
  RequestOf,
  ResolverError,
  ResolverKey,
  ResponseOf,
} from '../../src/contract';

/** A resolver answered `success: false`, or the call never reached it. The UI switches on `errorType`. */
export class ResolverCallError extends Error {
  override readonly name = 'ResolverCallError';
  readonly key: ResolverKey;
  readonly errorType: ErrorType;
  readonly errors: readonly ResolverError[];

  constructor(
    key: ResolverKey,
    errors: readonly [ResolverError, ...ResolverError[]],
    options?: { cause?: unknown },
  ) {
    super(errors[0].message, options);
    this.key = key;
    this.errorType = errors[0].errorType;
    this.errors = errors;
  }
}

export type InvokeFunction = (functionKey: string, payload?: Record<string, unknown>) => Promise<unknown>;
export type ResolverCall = <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('success' in value)) return false;
  if (value.success === true) return 'data' in value;
  return value.success === false && 'errors' in value && Array.isArray(value.errors);
}

function firstErrors(errors: readonly ResolverError[]): [ResolverError, ...ResolverError[]] {
  const [first, ...rest] = errors;
  return first
    ? [first, ...rest]
    : [{ errorType: 'INTERNAL', message: 'The app failed without saying why.' }];
}

/** Typed calls over a bridge `invoke`; the response types come from the shared resolver contract. */
export function makeResolverCall(invokeFn: InvokeFunction): ResolverCall {
  return async <K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    let answer: unknown;
    try {
      answer = await invokeFn(key, payload);
    } catch (cause) {
      throw new ResolverCallError(
        key,
        [{ errorType: 'INTERNAL', message: 'The app could not reach its backend. Try again in a moment.' }],
        { cause },
      );
    }
    if (!isEnvelope(answer)) {
      throw new ResolverCallError(key, [
        { errorType: 'INTERNAL', message: 'The app’s backend sent an answer this page does not understand.' },
      ]);
    }
    if (!answer.success) throw new ResolverCallError(key, firstErrors(answer.errors));
    // The resolver for K answers with ResponseOf<K>; the contract is the single source of that type.
    return answer.data as ResponseOf<K>;
  };
}

export const call: ResolverCall = makeResolverCall((functionKey, payload) => invoke(functionKey, payload));
