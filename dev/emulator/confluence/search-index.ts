// Confluence finds pages by title and space through a search index that catches up with writes seconds later.
// The emulator keeps, per page written through the API, what the listing (getPages) sees after each write and
// from when: with the `searchLagMs` fault, a page just created is missing from the listing, a renamed or
// trashed page is still listed as it was, until the lag has passed. Reads by id are never behind.
import type { Page, PageStatus } from '../../seed/index';

export interface Listing {
  spaceId: string;
  title: string;
  status: PageStatus;
}

interface ListingRevision extends Listing {
  visibleFrom: number;
}

// Keyed by the page object, so a reset (new pages) starts with an empty index.
const revisions = new WeakMap<Page, ListingRevision[]>();

/** Records what the listing will show of the page after a write, `lagMs` from `now`. */
export function indexPage(page: Page, now: number, lagMs: number): void {
  const list = revisions.get(page) ?? [];
  list.push({ spaceId: page.spaceId, title: page.title, status: page.status, visibleFrom: now + lagMs });
  revisions.set(page, list);
}

/**
 * The page as the listing sees it at `now`, or undefined while its creation is not indexed yet. Once the
 * latest write is visible the listing shows the page as it is (tests may change pages in place).
 */
export function listedAs(page: Page, now: number): Listing | undefined {
  const list = revisions.get(page);
  const latest = list?.at(-1);
  if (!list || !latest || latest.visibleFrom <= now) return page;
  let seen: Listing | undefined;
  for (const revision of list) if (revision.visibleFrom <= now) seen = revision;
  return seen;
}
