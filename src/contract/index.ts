// Resolver keys and their request/response types, shared by src/resolvers and the Custom UI.
// Keys read like routes; every resolver answers with one Envelope.

export type ErrorType =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM'
  | 'INTERNAL'
  /** The program is closed: read-only until an owner reopens it. */
  | 'PROGRAM_CLOSED';

export interface ResolverError {
  errorType: ErrorType;
  message: string;
  /** For VALIDATION: the payload path that failed, e.g. `programId`. */
  path?: string;
}

export type Envelope<T> = { success: true; data: T } | { success: false; errors: ResolverError[] };

export * from './program';
export * from './scope';
export * from './epic-panel'; // epic panel
export * from './publish'; // publishing
export * from './macro'; // status macro
export * from './plan'; // quarterly planning
export * from './adjusted-plan'; // adjusted plan
export * from './status'; // execution status
export * from './completion'; // completion
export * from './risks'; // risk & problem register

import type { ProgramContract } from './program';
import type { ScopeContract } from './scope';
import type { EpicPanelContract } from './epic-panel'; // epic panel
import type { PublishContract } from './publish'; // publishing
import type { MacroContract } from './macro'; // status macro
import type { PlanContract } from './plan'; // quarterly planning
import type { AdjustedPlanContract } from './adjusted-plan'; // adjusted plan
import type { StatusContract } from './status'; // execution status
import type { CompletionContract } from './completion'; // completion
import type { RisksContract } from './risks'; // risk & problem register

/** Every resolver key with its request and response: one interface per area, merged here. */
export interface ResolverContract
  extends
    ProgramContract,
    ScopeContract,
    EpicPanelContract,
    MacroContract,
    PlanContract,
    PublishContract,
    AdjustedPlanContract,
    StatusContract,
    CompletionContract,
    RisksContract {}

export type ResolverKey = keyof ResolverContract;
export type RequestOf<K extends ResolverKey> = ResolverContract[K]['request'];
export type ResponseOf<K extends ResolverKey> = ResolverContract[K]['response'];
