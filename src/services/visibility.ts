// What one viewer may browse. Program records hold keys owners typed and data the app computed as the app;
// before a viewer is shown them, keys of projects they cannot browse (asked of Jira as them) are left out.
import type { z } from 'zod';
import type { RagReason } from '../domain/execution/rag';
import { ProgramRuleError } from './errors';

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
const LINK = /^https?:\/\/\S+$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A list entry left out of a viewer's copy whole: a text naming a hidden issue, or a row identified by one
 * (a field that is such a key, or a link naming one: a link with a stand-in in it would be a broken link).
 */
function hiddenEntry(entry: unknown, visibility: KeyVisibility): boolean {
  if (typeof entry === 'string') return !visibility.canRead(entry);
  return (
    isRecord(entry) &&
    Object.values(entry).some(
      (p) =>
        typeof p === 'string' &&
        ((EXACT_KEY.test(p) && !visibility.canBrowse(p)) || (LINK.test(p) && !visibility.canRead(p))),
    )
  );
}

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
    if (Array.isArray(v)) return v.filter((e) => !hiddenEntry(e, visibility)).map(strip);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([name]) => !EXACT_KEY.test(name) || visibility.canBrowse(name))
          .map(([name, e]) => [name, strip(e)]),
      );
    return v;
  };
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

/** How an edited list entry finds the stored one it was shown as: by id, else by key, else by place. */
function counterpart(edited: unknown, index: number, shown: readonly unknown[]): unknown {
  if (isRecord(edited))
    for (const name of ['id', 'key'] as const)
      if (typeof edited[name] === 'string') return shown.find((s) => isRecord(s) && s[name] === edited[name]);
  return shown[index];
}

/**
 * What a viewer saves after editing `stored` as `withoutHiddenKeys` showed it to them, with what they could not
 * see put back: list entries and rows naming an issue they cannot browse (at their old places), map entries
 * keyed by one, and, in texts, each key they were shown as "an issue you cannot see" (in order). What they
 * could see stays as they left it, removals included; a text whose stand-ins they deleted keeps the deletion.
 * Nothing hidden in `stored`: `edited` comes back as it is (the same object).
 */
export function withHiddenKeysRestored<T>(stored: unknown, edited: T, visibility: KeyVisibility): T {
  const restore = (s: unknown, e: unknown): unknown => {
    if (hiddenKeysIn(s, visibility) === 0) return e;
    if (typeof s === 'string' && typeof e === 'string') {
      const hidden = issueKeysIn(s).filter((k) => !visibility.canBrowse(k));
      let next = 0;
      return e.replace(new RegExp(HIDDEN_ISSUE, 'g'), (standIn) =>
        next < hidden.length ? (hidden[next++] ?? standIn) : standIn,
      );
    }
    if (Array.isArray(s) && Array.isArray(e)) {
      const shown = s.filter((entry) => !hiddenEntry(entry, visibility));
      const result: unknown[] = e.map((entry, i) => restore(counterpart(entry, i, shown), entry));
      // A hidden key the editor typed in again (they may know it) is not put back a second time.
      const retyped = e.filter((entry): entry is string => typeof entry === 'string');
      s.forEach((entry, i) => {
        if (!hiddenEntry(entry, visibility)) return;
        const again = typeof entry === 'string' ? retyped.indexOf(entry) : -1;
        if (again >= 0) retyped.splice(again, 1);
        else result.splice(Math.min(i, result.length), 0, entry);
      });
      return result;
    }
    if (isRecord(s) && isRecord(e)) {
      const result: Record<string, unknown> = { ...e };
      for (const [name, value] of Object.entries(s)) {
        if (EXACT_KEY.test(name) && !visibility.canBrowse(name)) {
          if (!(name in e)) result[name] = value;
        } else if (name in e) result[name] = restore(value, e[name]);
      }
      return result;
    }
    return e;
  };
  return restore(stored, edited) as T;
}

/**
 * `edited` with what the caller could not see of `stored` put back (see `withHiddenKeysRestored`); asks Jira,
 * as the caller, only when `stored` names an issue at all.
 */
export async function restoreHiddenKeys<T>(deps: BrowseCheckDeps, stored: unknown, edited: T): Promise<T> {
  const visibility = await keyVisibility(deps, stored);
  return withHiddenKeysRestored(stored, edited, visibility);
}

/**
 * `restoreHiddenKeys` for an edit that must still fit its limits once what was kept is back in (a list of epics
 * may grow past its maximum): `limits` checks `typed(fields)`, the fields in the request's shape, and a breach
 * is refused as that request field, so nothing is written.
 */
export async function keepHiddenWithin<F>(
  browse: BrowseCheckDeps,
  what: string,
  stored: unknown,
  edited: F,
  limits: z.ZodType,
  typed: (fields: F) => unknown = (fields) => fields,
): Promise<F> {
  const fields = await restoreHiddenKeys(browse, stored, edited);
  if (fields === edited) return edited;
  const checked = limits.safeParse(typed(fields));
  if (checked.success) return fields;
  const problem = checked.error.issues[0];
  throw new ProgramRuleError(
    `Kept with the issues you cannot see, ${what} is not valid: ${problem?.message ?? 'unknown'}.`,
    ['fields', ...(problem?.path ?? [])].join('.'),
  );
}
