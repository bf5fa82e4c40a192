// What one viewer may browse. Program records hold keys owners typed and data the app computed as the app;
// before a viewer is shown them, keys of projects they cannot browse (asked of Jira as them) are left out.
import type { RagReason } from '../domain/execution/rag';

/** The browse check, as the risk register and the macro ask it. */
export interface BrowseCheckDeps {
  /** Project ids by key, asked as the app. */
  projectIdsByKey(keys: readonly string[]): Promise<Record<string, string>>;
  /** The ids among `projectIds` the viewer may browse, asked as the viewer. */
  browsableProjectIds(projectIds: readonly string[]): Promise<Set<string>>;
}

const ISSUE_KEY = /\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g;
const EXACT_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

export const projectOfKey = (key: string): string => key.slice(0, key.lastIndexOf('-'));
export const issueKeysIn = (text: string): string[] => text.match(ISSUE_KEY) ?? [];

export interface KeyVisibility {
  /** The viewer may browse the project of this issue key. */
  canBrowse(key: string): boolean;
  /** A text naming no issue the viewer cannot browse. */
  canRead(text: string): boolean;
}

/** Asks Jira once, as the viewer, about every project whose keys appear anywhere in `namedIn`. */
export async function keyVisibility(deps: BrowseCheckDeps, namedIn: unknown): Promise<KeyVisibility> {
  const text = typeof namedIn === 'string' ? namedIn : JSON.stringify(namedIn ?? null);
  const projects = [...new Set(issueKeysIn(text).map(projectOfKey))].sort();
  let visible = new Set<string>();
  if (projects.length > 0) {
    const ids = await deps.projectIdsByKey(projects);
    const allowed = await deps.browsableProjectIds(Object.values(ids));
    visible = new Set(projects.filter((p) => ids[p] !== undefined && allowed.has(ids[p])));
  }
  const canBrowse = (key: string) => visible.has(projectOfKey(key));
  return { canBrowse, canRead: (t) => issueKeysIn(t).every(canBrowse) };
}

/** The distinct keys in `value` the viewer cannot browse. */
export function hiddenKeysIn(value: unknown, visibility: KeyVisibility): number {
  return new Set(issueKeysIn(JSON.stringify(value ?? null)).filter((k) => !visibility.canBrowse(k))).size;
}

const HIDDEN_ISSUE = 'an issue you cannot see';

/**
 * `value` without what names an issue the viewer cannot browse: list entries that are or name such a key are
 * dropped, as are rows (objects in a list) identified by one; maps keyed by one lose that entry; other texts
 * have the key replaced. Anything the viewer may see in full comes back as it was (the same object).
 */
export function withoutHiddenKeys<T>(value: T, visibility: KeyVisibility): T {
  const strip = (v: unknown): unknown => {
    if (typeof v === 'string')
      return visibility.canRead(v)
        ? v
        : v.replace(ISSUE_KEY, (k) => (visibility.canBrowse(k) ? k : HIDDEN_ISSUE));
    if (Array.isArray(v))
      return v
        .filter((e) => (typeof e === 'string' ? visibility.canRead(e) : !identifiedByHidden(e)))
        .map(strip);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([name]) => !EXACT_KEY.test(name) || visibility.canBrowse(name))
          .map(([name, e]) => [name, strip(e)]),
      );
    return v;
  };
  const identifiedByHidden = (row: unknown) =>
    row !== null &&
    typeof row === 'object' &&
    !Array.isArray(row) &&
    Object.values(row).some((p) => typeof p === 'string' && EXACT_KEY.test(p) && !visibility.canBrowse(p));
  return hiddenKeysIn(value, visibility) === 0 ? value : (strip(value) as T);
}

/** A viewer's response with hidden keys left out and counted; unchanged (no count) when nothing is hidden. */
export async function forViewer<T extends object>(
  deps: BrowseCheckDeps,
  response: T,
): Promise<T & { hiddenKeys?: number }> {
  const visibility = await keyVisibility(deps, response);
  const hiddenKeys = hiddenKeysIn(response, visibility);
  if (hiddenKeys === 0) return response;
  return { ...withoutHiddenKeys(response, visibility), hiddenKeys };
}

/** RAG reasons the viewer may read in full; the others only counted. */
export function readableReasons(
  reasons: readonly RagReason[],
  visibility: KeyVisibility,
): { reasons: RagReason[]; hidden: number } {
  const shown = reasons.filter(
    (r) => r.initiativeKeys.every(visibility.canBrowse) && visibility.canRead(`${r.label} ${r.text}`),
  );
  return { reasons: shown, hidden: reasons.length - shown.length };
}
