// What the app keeps about publishing: where a program publishes, which pages it owns, and each run.
import type { Artifact } from './documents';
import type { ReportCadence } from './period';

/** Where a program's pages go; set by its owners. */
export interface PublishTarget {
  spaceId: string;
  /** The page the program's tree hangs under (the charter is its child). */
  parentPageId: string;
  reportCadence: ReportCadence;
  updatedAt: string;
  updatedBy: string;
}

export type PageOutcome = 'created' | 'updated' | 'unchanged';

export interface PublishedPage {
  artifact: Artifact;
  period: string | null;
  title: string;
  pageId: string;
  url: string;
  outcome: PageOutcome;
}

export interface PublishRun {
  id: string;
  programId: string;
  /** Publish now, the report cadence, or the final publish when the program closed. */
  trigger: 'manual' | 'scheduled' | 'closing';
  /** The status report period this run published. */
  period: string;
  at: string;
  /** Who pressed Publish now; null when the app published on its own (scheduled, closing). */
  by: string | null;
  pages: PublishedPage[];
}

/** The content property the app puts on every page it owns: it finds its pages by it, not by title. */
export interface PageOwnership {
  programId: string;
  artifact: Artifact;
  period: string | null;
  /** Hash of the title, the managed content and the charts as last written. */
  hash: string;
  /** Hash of each chart attachment as last uploaded. */
  charts: Record<string, string>;
}

export const OWNERSHIP_PROPERTY = 'programs-app';
export const HISTORY_LIMIT = 20;

export function readOwnership(value: unknown): PageOwnership | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.programId !== 'string' || typeof v.artifact !== 'string') return undefined;
  const charts: Record<string, string> = {};
  if (typeof v.charts === 'object' && v.charts !== null)
    for (const [name, hash] of Object.entries(v.charts)) if (typeof hash === 'string') charts[name] = hash;
  return {
    programId: v.programId,
    artifact: v.artifact as Artifact,
    period: typeof v.period === 'string' ? v.period : null,
    hash: typeof v.hash === 'string' ? v.hash : '',
    charts,
  };
}
