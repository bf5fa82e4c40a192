// The page's prefetcher over the bridge, and which calls each tab makes as it opens.
import { call } from './api';
import type { ProgramTab } from './navigation/routes';
import { makePrefetcher } from './prefetch-model';

export const { prefetch, take } = makePrefetcher(call);

/** The calls a tab makes as it opens, started with the program's own (a deep link, a tab change). */
export function prefetchTabData(tab: ProgramTab, programId: string): void {
  // The Scope tab's first rows: the live rows wait until these are painted, so only the snapshot goes now.
  if (tab === 'scope') prefetch('program/initiatives/snapshot', { programId });
  else if (tab === 'dependencies') prefetch('program/dependencies', { programId });
  else if (tab === 'status') prefetch('status/get', { programId });
}
