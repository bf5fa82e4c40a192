import pLimit from 'p-limit';
import { z } from 'zod';
import type { LinkTypeRef, ScopeChild, ScopeEpic } from '../../domain/scope/types';
import type { JiraPort, SiteFields } from '../../ports/jira';
import { bulkFetchIssues, getFields, getIssueLinkTypes, searchJql, type Actor } from './endpoints';
import { discoverSiteFields, jqlFieldRef } from './field-discovery';
import {
  JiraShapeError,
  epicRefOf,
  parseIssue,
  readLinkTypes,
  toScopeChild,
  toScopeEpic,
  type JiraIssueJson,
} from './issue-mapper';

const SearchPageSchema = z
  .object({
    issues: z.array(z.unknown()).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().optional(),
  })
  .passthrough();

/** search/jql with fields=id answers bare `{ id }` items: no key, no fields. */
function issueIdOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') return String(id);
  throw new JiraShapeError('Jira returned a search result without an issue id');
}

const BulkFetchSchema = z
  .object({ issues: z.array(z.unknown()).default([]), issueErrors: z.array(z.unknown()).default([]) })
  .passthrough();

/** Jira answers at most 5,000 ids a page when only ids are asked for. */
const ID_PAGE_SIZE = 5000;
const BULKFETCH_LIMIT = 100;
/** Keys per `parent in (...)` clause: keeps JQL well below Jira's length limits. */
const CHILD_QUERY_BATCH = 100;
/** A runaway paging loop (a token that never ends) stops here instead of hitting the 25 s limit. */
const MAX_SEARCH_PAGES = 200;

export interface SiteCache<T> {
  get(): T | undefined;
  set(value: T): void;
}

export type FieldCache = SiteCache<SiteFields>;

/** In-memory caches with a time to live, one per site: custom field ids and link types differ between sites. */
export function memorySiteCaches<T>(
  ttlMs: number,
  now: () => number = Date.now,
): (siteId: string) => SiteCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  return (siteId) => ({
    get: () => {
      const entry = entries.get(siteId);
      return entry && now() - entry.at < ttlMs ? entry.value : undefined;
    },
    set: (value) => {
      entries.set(siteId, { value, at: now() });
    },
  });
}

export const memoryFieldCaches = (ttlMs: number, now: () => number = Date.now) =>
  memorySiteCaches<SiteFields>(ttlMs, now);

/**
 * Requests in flight at once. Resolvers have 25 s and a 1,000-epic program needs ~230 calls, so the adapter
 * keeps many in flight, but no more than Jira tolerates from one user before it answers 429 (which is retried
 * after Retry-After). Against the emulator at 100 ms a call, 24 loads that program in ~2.5 s against ~3.0 s
 * with 16; 32 gains little more (~0.1 s) for a third more burst.
 */
export const DEFAULT_CONCURRENCY = 24;

export interface JiraAdapterOptions {
  actor: Actor;
  fieldCache?: FieldCache;
  linkTypeCache?: SiteCache<LinkTypeRef[]>;
  concurrency?: number;
}

export class ForgeJiraAdapter implements JiraPort {
  private readonly actor: Actor;
  private readonly fieldCache: FieldCache | undefined;
  private readonly linkTypeCache: SiteCache<LinkTypeRef[]> | undefined;
  private readonly limit: ReturnType<typeof pLimit>;
  /** One discovery per adapter even when several loads ask at once. */
  private fieldsInFlight: Promise<SiteFields> | undefined;
  private linkTypesInFlight: Promise<LinkTypeRef[]> | undefined;

  constructor(options: JiraAdapterOptions) {
    this.actor = options.actor;
    this.fieldCache = options.fieldCache;
    this.linkTypeCache = options.linkTypeCache;
    this.limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  siteFields(): Promise<SiteFields> {
    const cached = this.fieldCache?.get();
    if (cached) return Promise.resolve(cached);
    this.fieldsInFlight ??= this.limit(async () => {
      const fields = discoverSiteFields(await getFields(this.actor));
      this.fieldCache?.set(fields);
      return fields;
    });
    const pending = this.fieldsInFlight;
    pending.catch(() => {
      if (this.fieldsInFlight === pending) this.fieldsInFlight = undefined;
    });
    return pending;
  }

  linkTypes(): Promise<LinkTypeRef[]> {
    const cached = this.linkTypeCache?.get();
    if (cached) return Promise.resolve(cached);
    this.linkTypesInFlight ??= this.limit(async () => {
      const types = readLinkTypes(await getIssueLinkTypes(this.actor));
      this.linkTypeCache?.set(types);
      return types;
    });
    const pending = this.linkTypesInFlight;
    pending.catch(() => {
      if (this.linkTypesInFlight === pending) this.linkTypesInFlight = undefined;
    });
    return pending;
  }

  async searchIssueIds(jql: string): Promise<string[]> {
    const ids: string[] = [];
    const seen = new Set<string>();
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const token = nextPageToken;
      const body = SearchPageSchema.parse(
        await this.limit(() =>
          searchJql(this.actor, {
            jql,
            fields: ['id'],
            maxResults: ID_PAGE_SIZE,
            ...(token ? { nextPageToken: token } : {}),
          }),
        ),
      );
      for (const raw of body.issues) {
        const id = issueIdOf(raw);
        if (!seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
      if (body.isLast !== false || !body.nextPageToken) return ids;
      nextPageToken = body.nextPageToken;
    }
    throw new Error(`Search for "${jql}" did not end after ${MAX_SEARCH_PAGES} pages`);
  }

  async fetchInitiatives(issueIds: readonly string[]): Promise<ScopeEpic[]> {
    const fields = await this.siteFields();
    // Only what toScopeEpic reads: every field asked for is rendered, sent and parsed for 1,000 epics.
    const wanted = [
      'summary',
      'status',
      'project',
      'issuelinks',
      'duedate',
      'resolutiondate',
      'security',
      ...(fields.team ? [fields.team] : []),
      ...(fields.storyPoints ? [fields.storyPoints] : []),
      ...(fields.startDate ? [fields.startDate] : []),
      ...(fields.targetDate ? [fields.targetDate] : []),
    ];
    return this.bulkFetch(issueIds, wanted, (issue) => toScopeEpic(issue, fields));
  }

  async fetchChildren(epicIdsOrKeys: readonly string[]): Promise<ScopeChild[]> {
    if (epicIdsOrKeys.length === 0) return [];
    const fields = await this.siteFields();
    const wantedEpics = new Set(epicIdsOrKeys);
    const batches: string[][] = [];
    for (let i = 0; i < epicIdsOrKeys.length; i += CHILD_QUERY_BATCH)
      batches.push(epicIdsOrKeys.slice(i, i + CHILD_QUERY_BATCH));

    // Ids first (5,000 a page), then bulkfetch packed 100 a call: fewer calls than searching with fields,
    // whose pages hold 100 and leave a part-empty page per query.
    const idLists = await Promise.all(
      batches.map((batch) => {
        const keys = batch.join(', ');
        const legacy = fields.epicLink ? ` OR ${jqlFieldRef(fields.epicLink)} in (${keys})` : '';
        return this.searchIssueIds(`parent in (${keys})${legacy} ORDER BY key ASC`);
      }),
    );
    const ids = [...new Set(idLists.flat())];
    const wanted = [
      'status',
      'parent',
      'issuelinks',
      'resolutiondate',
      ...(fields.epicLink ? [fields.epicLink] : []),
      ...(fields.storyPoints ? [fields.storyPoints] : []),
    ];
    return this.bulkFetch(ids, wanted, (issue) => {
      const epicKey = epicRefOf(issue, fields, wantedEpics);
      return epicKey ? toScopeChild(issue, epicKey, fields) : undefined;
    });
  }

  /**
   * Fetches issues 100 a call and maps each page as it arrives (`map` may leave an issue out), so a page's
   * raw JSON is garbage before the next ones land instead of 20,000 raw issues living to the end.
   */
  private async bulkFetch<T>(
    issueIds: readonly string[],
    fields: string[],
    map: (issue: JiraIssueJson) => T | undefined,
  ): Promise<T[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < issueIds.length; i += BULKFETCH_LIMIT)
      chunks.push(issueIds.slice(i, i + BULKFETCH_LIMIT));
    const byId = new Map<string, T>();
    await Promise.all(
      chunks.map((chunk) =>
        this.limit(async () => {
          const body = BulkFetchSchema.parse(
            await bulkFetchIssues(this.actor, { issueIdsOrKeys: chunk, fields }),
          );
          for (const raw of body.issues) {
            const issue = parseIssue(raw);
            const value = map(issue);
            if (value !== undefined) byId.set(issue.id, value);
          }
        }),
      ),
    );
    // Keep the caller's order: bulkfetch does not promise one.
    return issueIds.flatMap((id) => {
      const value = byId.get(id);
      return value === undefined ? [] : [value];
    });
  }
}
