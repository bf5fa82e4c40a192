// The Plan tab's long lists as pure data: the initiatives the scheduler could not place, grouped by reason in
// the order a TPM acts on them, and the initiative pickers' search, which offers a page of matches at a time
// instead of every initiative of a 500-initiative quarter.
import type { UnplacedInitiative } from '../../../../src/contract';
import { compareKeys } from './plan-model';

export type UnplacedReason = UnplacedInitiative['reason'];

/**
 * What the TPM can act on first: an estimate to ask a team for, then their own pins, then the dependencies
 * to untangle; what follows from capacity or the quarter's length comes last.
 */
export const UNPLACED_REASON_ORDER: readonly UnplacedReason[] = [
  'no-estimate',
  'pin-conflict',
  'cycle',
  'dependency-unplaced',
  'capacity',
  'beyond-quarter',
];

/** A reason as it reads after a count in the summary line: "12 no estimate". */
const REASON_COUNTED: Record<UnplacedReason, string> = {
  'no-estimate': 'no estimate',
  'pin-conflict': 'pin conflict',
  cycle: 'on a cycle',
  'dependency-unplaced': 'waiting on a dependency',
  capacity: 'over capacity',
  'beyond-quarter': 'beyond the quarter',
};

const rank = (reason: UnplacedReason) => UNPLACED_REASON_ORDER.indexOf(reason);

/** Grouped by reason in the order above, by key within a reason. */
export function sortUnplaced<T extends Pick<UnplacedInitiative, 'key' | 'reason'>>(
  unplaced: readonly T[],
): T[] {
  return [...unplaced].sort((a, b) => rank(a.reason) - rank(b.reason) || compareKeys(a.key, b.key));
}

export interface ReasonCount {
  reason: UnplacedReason;
  count: number;
}

/** How many initiatives each reason keeps out, reasons with none left out, in the order above. */
export function countByReason(unplaced: readonly Pick<UnplacedInitiative, 'reason'>[]): ReasonCount[] {
  const counts = new Map<UnplacedReason, number>();
  for (const { reason } of unplaced) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return UNPLACED_REASON_ORDER.flatMap((reason) => {
    const count = counts.get(reason) ?? 0;
    return count > 0 ? [{ reason, count }] : [];
  });
}

/** "480 no estimate, 3 over capacity": the counts for the summary line; empty when everything fits. */
export function reasonCountsText(counts: readonly ReasonCount[]): string {
  return counts.map(({ reason, count }) => `${count} ${REASON_COUNTED[reason]}`).join(', ');
}

/** The filter's choice: every reason, or one. */
export type ReasonFilter = UnplacedReason | 'all';

export function filterByReason<T extends Pick<UnplacedInitiative, 'reason'>>(
  sorted: readonly T[],
  filter: ReasonFilter,
): readonly T[] {
  return filter === 'all' ? sorted : sorted.filter((u) => u.reason === filter);
}

/** A filter that still names a reason some initiative has; back to every reason once none has it. */
export function filterInForce(filter: ReasonFilter, counts: readonly ReasonCount[]): ReasonFilter {
  return filter === 'all' || counts.some((c) => c.reason === filter) ? filter : 'all';
}

/** A page's entries cut where the reason changes, so each run is drawn under its reason. */
export function runsByReason<T extends Pick<UnplacedInitiative, 'reason'>>(
  entries: readonly T[],
): { reason: UnplacedReason; entries: T[] }[] {
  const runs: { reason: UnplacedReason; entries: T[] }[] = [];
  for (const entry of entries) {
    const last = runs[runs.length - 1];
    if (last && last.reason === entry.reason) last.entries.push(entry);
    else runs.push({ reason: entry.reason, entries: [entry] });
  }
  return runs;
}

/** An initiative a picker offers. */
export interface InitiativeChoice {
  key: string;
  summary?: string | null;
  team?: string | null;
}

/** Matches offered at once: a picker never draws every initiative of a big quarter. */
export const PICKER_LIMIT = 50;

export interface PickerMatches<T> {
  /** The first matches, best first. */
  shown: T[];
  /** Every match, of which `shown` is the start. */
  total: number;
}

/**
 * The choices matching what was typed, best first: the exact key, then keys that start with it, keys that
 * contain it, and last a summary or team that contains it; the choices' own order within each. Nothing typed
 * matches every choice.
 */
export function searchInitiatives<T extends InitiativeChoice>(
  choices: readonly T[],
  typed: string,
  limit = PICKER_LIMIT,
): PickerMatches<T> {
  const query = typed.trim().toLowerCase();
  if (!query) return { shown: choices.slice(0, limit), total: choices.length };
  const tiers: T[][] = [[], [], [], []];
  for (const choice of choices) {
    const key = choice.key.toLowerCase();
    const tier =
      key === query
        ? 0
        : key.startsWith(query)
          ? 1
          : key.includes(query)
            ? 2
            : (choice.summary ?? '').toLowerCase().includes(query) ||
                (choice.team ?? '').toLowerCase().includes(query)
              ? 3
              : -1;
    if (tier >= 0) tiers[tier]!.push(choice);
  }
  const matches = tiers.flat();
  return { shown: matches.slice(0, limit), total: matches.length };
}

/** What the picker's list says above its options when it shows only some of them; null when it shows all. */
export function pickerNote(
  matches: Pick<PickerMatches<unknown>, 'shown' | 'total'>,
  typed: string,
): string | null {
  if (matches.shown.length >= matches.total) return null;
  return typed.trim()
    ? `First ${matches.shown.length} of ${matches.total} matches: type more to narrow`
    : `First ${matches.shown.length} of ${matches.total}: type a key or a name to find the others`;
}
