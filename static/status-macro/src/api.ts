import { invoke } from '@forge/bridge';
import type {
  Envelope,
  ErrorType,
  RequestOf,
  ResolverError,
  ResolverKey,
  ResponseOf,
} from '../../../src/contract';

/** A resolver answered `success: false`, or the call never reached it. The UI switches on `errorType`. */
export class ResolverCallError extends Error {
  override readonly name = 'ResolverCallError';
  readonly errorType: ErrorType;

  constructor(error: ResolverError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.errorType = error.errorType;
  }
}

export type InvokeFunction = (functionKey: string, payload?: Record<string, unknown>) => Promise<unknown>;
export type ResolverCall = <K extends ResolverKey>(key: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('success' in value)) return false;
  if (value.success === true) return 'data' in value;
  return value.success === false && 'errors' in value && Array.isArray(value.errors);
}

/** Typed calls over a bridge `invoke`; the response types come from the shared resolver contract. */
export function makeResolverCall(invokeFn: InvokeFunction): ResolverCall {
  return async <K extends ResolverKey>(key: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    let answer: unknown;
    try {
      answer = await invokeFn(key, payload);
    } catch (cause) {
      throw new ResolverCallError(
        { errorType: 'INTERNAL', message: 'The app could not reach its backend. Try again in a moment.' },
        { cause },
      );
    }
    if (!isEnvelope(answer))
      throw new ResolverCallError({
        errorType: 'INTERNAL',
        message: 'The app’s backend sent an answer this macro does not understand.',
      });
    if (!answer.success)
      throw new ResolverCallError(
        answer.errors[0] ?? { errorType: 'INTERNAL', message: 'The app failed without saying why.' },
      );
    // The resolver for K answers with ResponseOf<K>; the contract is the single source of that type.
    return answer.data as ResponseOf<K>;
  };
}

export const call: ResolverCall = makeResolverCall((functionKey, payload) => invoke(functionKey, payload));
