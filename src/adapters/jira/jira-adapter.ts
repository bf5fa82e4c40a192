import pLimit from 'p-limit';
import { z } from 'zod';
import type { ChildIssue, Initiative } from '../../domain/initiative/initiative';
import type { JiraPort, SiteFields } from '../../ports/jira';
import { bulkFetchIssues, getFields, searchJql, type Actor } from './endpoints';
import { discoverSiteFields, jqlFieldRef } from './field-discovery';
import { epicOf, parseIssue, toChildIssue, toInitiative, type JiraIssueJson } from './issue-mapper';

const SearchPageSchema = z
  .object({
    issues: z.array(z.unknown()).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().optional(),
  })
  .passthrough();

/** search/jql with fields=id answers bare `{ id }` items: no key, no fields. */
const IssueIdSchema = z.object({ id: z.string() }).passthrough();

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

export interface FieldCache {
  get(): SiteFields | undefined;
  set(fields: SiteFields): void;
}

/** In-memory field caches with a time to live, one per site: custom field ids differ between sites. */
export function memoryFieldCaches(
  ttlMs: number,
  now: () => number = Date.now,
): (siteId: string) => FieldCache {
  const entries = new Map<string, { fields: SiteFields; at: number }>();
  return (siteId) => ({
    get: () => {
      const entry = entries.get(siteId);
      return entry && now() - entry.at < ttlMs ? entry.fields : undefined;
    },
    set: (fields) => {
      entries.set(siteId, { fields, at: now() });
    },
  });
}

export interface JiraAdapterOptions {
  actor: Actor;
  fieldCache?: FieldCache;
  concurrency?: number;
}

export class ForgeJiraAdapter implements JiraPort {
  private readonly actor: Actor;
  private readonly fieldCache: FieldCache | undefined;
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(options: JiraAdapterOptions) {
    this.actor = options.actor;
    this.fieldCache = options.fieldCache;
    this.limit = pLimit(options.concurrency ?? 6);
  }

  async siteFields(): Promise<SiteFields> {
    const cached = this.fieldCache?.get();
    if (cached) return cached;
    const fields = discoverSiteFields(await getFields(this.actor));
    this.fieldCache?.set(fields);
    return fields;
  }

  async searchIssueIds(jql: string): Promise<string[]> {
    const ids: string[] = [];
    const seen = new Set<string>();
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const body = SearchPageSchema.parse(
        await searchJql(this.actor, {
          jql,
          fields: ['id'],
          maxResults: ID_PAGE_SIZE,
          ...(nextPageToken ? { nextPageToken } : {}),
        }),
      );
      for (const raw of body.issues) {
        const issue = IssueIdSchema.parse(raw);
        if (!seen.has(issue.id)) {
          seen.add(issue.id);
          ids.push(issue.id);
        }
      }
      if (body.isLast !== false || !body.nextPageToken) return ids;
      nextPageToken = body.nextPageToken;
    }
    throw new Error(`Search for "${jql}" did not end after ${MAX_SEARCH_PAGES} pages`);
  }

  async fetchInitiatives(issueIds: readonly string[]): Promise<Initiative[]> {
    const fields = await this.siteFields();
    const wanted = ['summary', 'status', 'issuetype', 'project', ...(fields.team ? [fields.team] : [])];
    const issues = await this.bulkFetch(issueIds, wanted);
    return issues.map((issue) => toInitiative(issue, fields));
  }

  async fetchChildren(epicKeys: readonly string[]): Promise<ChildIssue[]> {
    if (epicKeys.length === 0) return [];
    const fields = await this.siteFields();
    const keySet = new Set(epicKeys);
    const batches: string[][] = [];
    for (let i = 0; i < epicKeys.length; i += CHILD_QUERY_BATCH)
      batches.push(epicKeys.slice(i, i + CHILD_QUERY_BATCH));

    const idLists = await Promise.all(
      batches.map((batch) => {
        const keys = batch.join(', ');
        const legacy = fields.epicLink ? ` OR ${jqlFieldRef(fields.epicLink)} in (${keys})` : '';
        return this.limit(() => this.searchIssueIds(`parent in (${keys})${legacy} ORDER BY key ASC`));
      }),
    );
    const ids = [...new Set(idLists.flat())];
    const wanted = ['status', 'parent', ...(fields.epicLink ? [fields.epicLink] : [])];
    const issues = await this.bulkFetch(ids, wanted);
    const children: ChildIssue[] = [];
    for (const issue of issues) {
      const epicKey = epicOf(issue, fields, keySet);
      if (epicKey) children.push(toChildIssue(issue, epicKey));
    }
    return children;
  }

  private async bulkFetch(issueIds: readonly string[], fields: string[]): Promise<JiraIssueJson[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < issueIds.length; i += BULKFETCH_LIMIT)
      chunks.push(issueIds.slice(i, i + BULKFETCH_LIMIT));
    const pages = await Promise.all(
      chunks.map((chunk) =>
        this.limit(async () => {
          const body = BulkFetchSchema.parse(
            await bulkFetchIssues(this.actor, { issueIdsOrKeys: chunk, fields }),
          );
          return body.issues.map(parseIssue);
        }),
      ),
    );
    // Keep the caller's order: bulkfetch does not promise one.
    const byId = new Map(pages.flat().map((issue) => [issue.id, issue]));
    return issueIds.flatMap((id) => {
      const issue = byId.get(id);
      return issue ? [issue] : [];
    });
  }
}
