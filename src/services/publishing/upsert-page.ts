// Safe upsert of one app-owned page: find it (KVS, then its ownership property, then its title), create it
// only when it is nowhere, skip the write when nothing changed, and update only the managed section so what
// people wrote around it survives. A 409 means a person saved in between: re-read, re-splice, try again.
import { createHash } from 'node:crypto';
import type { Chart } from '../../domain/publishing/charts';
import type { RenderedPage } from '../../domain/publishing/documents';
import {
  findManagedSection,
  managedSection,
  spliceManagedSection,
} from '../../domain/publishing/managed-section';
import {
  OWNERSHIP_PROPERTY,
  readOwnership,
  type PageOutcome,
  type PageOwnership,
} from '../../domain/publishing/records';
import { raw } from '../../domain/publishing/storage-format';
import { AtlassianApiError, BadRequestError, ConflictError } from '../../ports/atlassian-errors';
import type { ConfluencePage, ConfluencePort, PublishStore } from '../../ports/confluence';
import { ProgramRuleError } from '../errors';

export interface UpsertDeps {
  confluence: ConfluencePort;
  records: PublishStore;
}

export interface UpsertTarget {
  programId: string;
  spaceId: string;
  parentId: string;
}

/** A page with this title exists in the space and is not the app's: it is never overwritten. */
export class PageTitleTakenError extends ProgramRuleError {
  constructor(readonly title: string) {
    super(
      `A page titled "${title}" already exists in the space and was not published by this app. Rename it or choose another space.`,
      'spaceId',
    );
  }
}

/** The page was changed by people on every one of our attempts; nothing was overwritten. */
export class PageKeepsChangingError extends ConflictError {}

/**
 * Confluence refused the create because the title is taken, but its search does not list that page yet
 * (it lags writes by seconds): nothing was written; publishing again shortly finds the page and adopts it.
 */
export class PageNotYetVisibleError extends AtlassianApiError {
  constructor(
    readonly title: string,
    cause: AtlassianApiError,
  ) {
    super(
      `"${title}" exists in Confluence but its search has not caught up yet; publish again in a minute.`,
      {
        operation: cause.operation,
        ...(cause.status === undefined ? {} : { status: cause.status }),
        messages: cause.messages,
        cause,
      },
    );
  }
}

/** Confluence answers a create with a taken title with 400 (409 on some paths) naming the title. */
const titleRefused = (error: unknown): error is AtlassianApiError =>
  (error instanceof BadRequestError || error instanceof ConflictError) &&
  error.messages.some((message) => /title/i.test(message));

const MAX_CONFLICT_RETRIES = 3;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const chartHash = (chart: Chart) => sha256(chart.svg);

export function contentHash(page: RenderedPage): string {
  return sha256(
    JSON.stringify([page.title, raw(page.body), page.charts.map((c) => [c.filename, chartHash(c)])]),
  );
}

const ownershipOf = (page: ConfluencePage) =>
  readOwnership(page.properties.find((p) => p.key === OWNERSHIP_PROPERTY)?.value);

function isOurs(page: ConfluencePage, programId: string, rendered: RenderedPage): boolean {
  const owner = ownershipOf(page);
  if (owner)
    return (
      owner.programId === programId &&
      owner.artifact === rendered.artifact &&
      owner.period === (rendered.period ?? null)
    );
  // Created by us but the property write failed: the managed section is there, the property is not.
  return findManagedSection(page.body) !== undefined;
}

async function findPage(
  deps: UpsertDeps,
  target: UpsertTarget,
  rendered: RenderedPage,
): Promise<ConfluencePage | undefined> {
  const period = rendered.period ?? null;
  const knownId = await deps.records.getPageId(target.programId, rendered.artifact, period);
  if (knownId !== undefined) {
    const page = await deps.confluence.getPage(knownId);
    if (page && isOurs(page, target.programId, rendered)) return page;
  }
  return findByTitle(deps, target, rendered);
}

async function findByTitle(
  deps: UpsertDeps,
  target: UpsertTarget,
  rendered: RenderedPage,
): Promise<ConfluencePage | undefined> {
  for (const id of await deps.confluence.findPageIdsByTitle(target.spaceId, rendered.title)) {
    const page = await deps.confluence.getPage(id);
    if (!page) continue;
    if (!isOurs(page, target.programId, rendered)) throw new PageTitleTakenError(rendered.title);
    await deps.records.setPageId(target.programId, rendered.artifact, rendered.period ?? null, page.id);
    return page;
  }
  return undefined;
}

async function createPage(
  deps: UpsertDeps,
  target: UpsertTarget,
  rendered: RenderedPage,
): Promise<{ page: ConfluencePage; adopted: boolean }> {
  try {
    const page = await deps.confluence.createPage({
      spaceId: target.spaceId,
      parentId: target.parentId,
      title: rendered.title,
      body: managedSection(rendered.body),
    });
    // Recorded before anything else: a lagging title search must not make the next run create it again.
    await deps.records.setPageId(target.programId, rendered.artifact, rendered.period ?? null, page.id);
    return { page, adopted: false };
  } catch (error) {
    // The create may have happened (5xx after the write, dropped answer) or raced another run: look again.
    // A page by this title that is not ours is never adopted: findByTitle throws PageTitleTakenError.
    const existing = await findByTitle(deps, target, rendered).catch((lookup: unknown) => {
      if (lookup instanceof PageTitleTakenError) throw lookup;
      return undefined;
    });
    if (existing) return { page: existing, adopted: true };
    if (titleRefused(error)) throw new PageNotYetVisibleError(rendered.title, error);
    throw error;
  }
}

async function uploadCharts(
  deps: UpsertDeps,
  pageId: string,
  charts: readonly Chart[],
  previous: Record<string, string>,
): Promise<number> {
  let uploaded = 0;
  for (const chart of charts) {
    if (previous[chart.filename] === chartHash(chart)) continue;
    await deps.confluence.putAttachment(pageId, {
      filename: chart.filename,
      mediaType: 'image/svg+xml',
      content: chart.svg,
    });
    uploaded++;
  }
  return uploaded;
}

async function writeOwnership(
  deps: UpsertDeps,
  page: ConfluencePage,
  ownership: PageOwnership,
): Promise<void> {
  const property = page.properties.find((p) => p.key === OWNERSHIP_PROPERTY);
  if (!property) {
    await deps.confluence.createProperty(page.id, OWNERSHIP_PROPERTY, ownership);
    return;
  }
  try {
    await deps.confluence.updateProperty(page.id, property, ownership);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const fresh = (await deps.confluence.getPage(page.id))?.properties.find(
      (p) => p.key === OWNERSHIP_PROPERTY,
    );
    if (!fresh) throw error;
    await deps.confluence.updateProperty(page.id, fresh, ownership);
  }
}

async function updateBody(
  deps: UpsertDeps,
  first: ConfluencePage,
  rendered: RenderedPage,
): Promise<ConfluencePage> {
  let page = first;
  const section = managedSection(rendered.body);
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.confluence.updatePage({
        id: page.id,
        title: rendered.title,
        body: spliceManagedSection(page.body, section),
        version: page.version + 1,
        message: 'Published by Programs for Jira & Confluence',
      });
      return page;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (attempt >= MAX_CONFLICT_RETRIES)
        throw new PageKeepsChangingError(`"${rendered.title}" kept changing while we published; try again.`, {
          operation: 'updatePage',
          status: 409,
          cause: error,
        });
      const fresh = await deps.confluence.getPage(page.id);
      if (!fresh) throw error;
      page = fresh;
    }
  }
}

export interface UpsertResult {
  page: ConfluencePage;
  outcome: PageOutcome;
}

export async function upsertPage(
  deps: UpsertDeps,
  target: UpsertTarget,
  rendered: RenderedPage,
): Promise<UpsertResult> {
  const hash = contentHash(rendered);
  const ownership: PageOwnership = {
    programId: target.programId,
    artifact: rendered.artifact,
    period: rendered.period ?? null,
    hash,
    charts: Object.fromEntries(rendered.charts.map((c) => [c.filename, chartHash(c)])),
  };

  let page = await findPage(deps, target, rendered);
  if (!page) {
    const created = await createPage(deps, target, rendered);
    page = created.page;
    if (!created.adopted) {
      await uploadCharts(deps, page.id, rendered.charts, {});
      await writeOwnership(deps, page, ownership);
      return { page, outcome: 'created' };
    }
  }

  const owned = ownershipOf(page);
  if (owned?.hash === hash && findManagedSection(page.body) !== undefined)
    return { page, outcome: 'unchanged' };
  await uploadCharts(deps, page.id, rendered.charts, owned?.charts ?? {});
  page = await updateBody(deps, page, rendered);
  await writeOwnership(deps, page, ownership);
  return { page, outcome: 'updated' };
}
