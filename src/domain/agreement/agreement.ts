/** Who agreed to a goal or a milestone, and when; recorded by an owner on the parties' behalf. */
export interface Agreement {
  agreedBy: string[];
  at: string;
  recordedBy: string;
  note: string;
}

/** An earlier wording of an agreed item, kept when an edit voided its agreement. */
export interface Revision<T> {
  at: string;
  by: string;
  previous: T;
  voidedAgreement: Agreement | null;
}

export interface Agreeable<T> {
  agreement: Agreement | null;
  history: Revision<T>[];
}

/** Keeps only this many earlier revisions so an item never grows without bound. */
export const MAX_REVISIONS = 20;

/**
 * Applies an edit to an agreeable item. A change to any agreed term voids the agreement and keeps
 * the previous terms in the history; an edit that changes nothing keeps everything as it was.
 */
export function reviseAgreeable<T extends object, I extends Agreeable<T>>(
  item: I,
  terms: (item: I) => T,
  next: T,
  at: string,
  by: string,
): I {
  const previous = terms(item);
  if (sameTerms(previous, next)) return item;
  const revision: Revision<T> = { at, by, previous, voidedAgreement: item.agreement };
  return {
    ...item,
    ...next,
    agreement: null,
    history: [...item.history, revision].slice(-MAX_REVISIONS),
  };
}

export function recordAgreement<I extends Agreeable<unknown>>(
  item: I,
  agreedBy: string[],
  at: string,
  recordedBy: string,
  note: string,
): I {
  return { ...item, agreement: { agreedBy: [...new Set(agreedBy)], at, recordedBy, note } };
}

function sameTerms(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: object): unknown {
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
}
