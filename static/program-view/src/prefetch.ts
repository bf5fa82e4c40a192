// The page's prefetcher over the bridge, and which calls each tab makes as it opens.
import { call } from './api';
import type { ProgramTab } from './navigation/routes';
import { makePrefetcher } from './prefetch-model';

export const { prefetch, take, peek } = makePrefetcher(call);

/** The calls a tab makes as it opens, started with the program's own (a deep link, a tab change). */
export function prefetchTabData(tab: ProgramTab, programId: string): void {
  // The Scope tab starts its live load itself, once the snapshot's rows are in.
  if (tab === 'scope') prefetch('program/initiatives/snapshot', { programId });
  else if (tab === 'dependencies') prefetch('program/dependencies', { programId });
  else if (tab === 'status') prefetch('status/get', { programId });
}
