/** Where the Programs page is: the list, or one program on one tab. The host URL carries it as a path. */
export const PROGRAM_TABS = [
  'overview',
  'scope',
  'dependencies',
  'plan',
  'status',
  'risks',
  'publishing',
  'completion',
] as const;

export type ProgramTab = (typeof PROGRAM_TABS)[number];

export type AppRoute = { view: 'list' } | { view: 'program'; programId: string; tab: ProgramTab };

export const LIST_ROUTE: AppRoute = { view: 'list' };

export function isProgramTab(value: string): value is ProgramTab {
  return (PROGRAM_TABS as readonly string[]).includes(value);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The route a path names: `/` is the list, `/programs/<id>` a program's Overview, `/programs/<id>/<tab>` a tab.
 * A path that names nothing the page shows (an unknown tab, a malformed id) falls back to the list.
 */
export function parseRoute(pathname: string): AppRoute {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return LIST_ROUTE;
  const [root, rawId, rawTab, ...rest] = segments;
  if (root !== 'programs' || rawId === undefined || rest.length > 0) return LIST_ROUTE;
  const programId = decode(rawId);
  if (!programId) return LIST_ROUTE;
  if (rawTab === undefined) return { view: 'program', programId, tab: 'overview' };
  return isProgramTab(rawTab) ? { view: 'program', programId, tab: rawTab } : LIST_ROUTE;
}

/** The path of a route, as pushed onto the host's history; the Overview tab is written out, so links are explicit. */
export function formatRoute(route: AppRoute): string {
  if (route.view === 'list') return '/';
  return `/programs/${encodeURIComponent(route.programId)}/${route.tab}`;
}

export function sameRoute(a: AppRoute, b: AppRoute): boolean {
  return formatRoute(a) === formatRoute(b);
}

/** The tab's label, as the tab list shows it. */
export const TAB_LABELS: Record<ProgramTab, string> = {
  overview: 'Overview',
  scope: 'Scope',
  dependencies: 'Dependencies',
  plan: 'Plan',
  status: 'Status',
  risks: 'Risks',
  publishing: 'Publishing',
  completion: 'Completion',
};
