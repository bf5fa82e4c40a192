import { z } from 'zod';
import { createRandom, type Random } from '../seed/random';

/** Injected misbehaviour for one operation (or `*`, every operation). */
export const FaultSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    /** Share of requests that get `status` (default 1). */
    rate: z.number().min(0).max(1).optional(),
    retryAfterS: z.number().int().min(0).max(3600).optional(),
    /** Share of requests whose connection is destroyed without an answer. */
    dropRate: z.number().min(0).max(1).optional(),
    /** Writes become visible to search/jql (Jira) and to the page listing by title (Confluence) only after this delay. */
    searchLagMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();

export type Fault = z.infer<typeof FaultSchema>;
export const FaultConfigSchema = z.record(z.string(), FaultSchema);
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

/** What to do with one request. */
export interface FaultDecision {
  latencyMs: number;
  drop: boolean;
  status: 429 | 500 | 503 | undefined;
  retryAfterS: number | undefined;
}

const SEARCH_OPERATIONS = ['searchAndReconsileIssuesUsingJql', 'searchAndReconsileIssuesUsingJqlPost'];
/** Confluence page writes lag in the page listing (getPages: by title, space, status), not in Jira search. */
const PAGE_WRITE_OPERATIONS: ReadonlySet<string> = new Set(['createPage', 'updatePage', 'deletePage']);
const PAGE_SEARCH_OPERATIONS = ['getPages'];

/** Fault injection with a seeded PRNG, so a test sees the same sequence every run. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: Random;

  constructor(private readonly seed: number) {
    this.random = createRandom(seed);
  }

  /** Replaces the configuration (`{}` clears it) and restarts the random sequence. */
  configure(config: FaultConfig): void {
    this.config = config;
    this.random = createRandom(this.seed);
  }

  current(): FaultConfig {
    return this.config;
  }

  private faultFor(operationId: string): Fault {
    return { ...this.config['*'], ...this.config[operationId] };
  }

  decide(operationId: string): FaultDecision {
    const f = this.faultFor(operationId);
    const drop = f.dropRate !== undefined && f.dropRate > 0 && this.random.next() < f.dropRate;
    const failing = !drop && f.status !== undefined && this.random.next() < (f.rate ?? 1);
    return {
      latencyMs: f.latencyMs ?? 0,
      drop,
      status: failing ? f.status : undefined,
      retryAfterS: failing ? (f.retryAfterS ?? (f.status === 429 ? 1 : undefined)) : undefined,
    };
  }

  /** The search lag for a write by this operation: the largest one configured for it, for `*` or for search. */
  searchLagMs(writeOperationId: string): number {
    const searches = PAGE_WRITE_OPERATIONS.has(writeOperationId) ? PAGE_SEARCH_OPERATIONS : SEARCH_OPERATIONS;
    const candidates = [writeOperationId, '*', ...searches].map((id) => this.config[id]?.searchLagMs ?? 0);
    return Math.max(0, ...candidates);
  }
}
