// The program's scope as data: its epics and their children, with the issue links each carries.
import type { ChildIssue, Initiative } from '../initiative/initiative';

export interface LinkTypeRef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** The other end of a link as the issue carrying it shows it (Jira's short issue form). */
export interface LinkedIssueRef {
  id?: string;
  key: string;
  summary?: string;
  status?: Initiative['status'];
}

/**
 * One issue link as seen from the issue that carries it. `outward`: this issue is the link's source
 * (for Blocks: this issue blocks `other`); `inward`: `other` is the source.
 */
export interface IssueLinkRef {
  linkId: string;
  type: LinkTypeRef;
  direction: 'outward' | 'inward';
  other: LinkedIssueRef;
}

/** An epic in scope with what the dependency roll-up needs. */
export interface ScopeEpic extends Initiative {
  storyPoints: number | null;
  links: IssueLinkRef[];
  /** yyyy-mm-dd from the site's start date field (Target start / Start date); absent when unset or unknown. */
  startDate?: string;
  /** yyyy-mm-dd from the site's target date field (Target end), else the due date; absent when unset. */
  targetDate?: string;
  /** ISO date-time the epic was resolved (`resolutiondate`); absent while unresolved. */
  resolvedAt?: string;
  /**
   * The epic has an issue security level: some people who may browse its project still cannot see it, so
   * only a live load as the viewer may show it (never the shared scope snapshot).
   */
  restricted?: true;
}

export interface ScopeChild extends ChildIssue {
  storyPoints: number | null;
  links: IssueLinkRef[];
  /** ISO date-time the issue was resolved (`resolutiondate`); absent while unresolved. */
  resolvedAt?: string;
}
