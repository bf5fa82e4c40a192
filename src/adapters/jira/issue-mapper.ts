import { z } from 'zod';
import type {
  ChildIssue,
  Initiative,
  IssueStatus,
  StatusCategory,
  Team,
} from '../../domain/initiative/initiative';
import type { IssueLinkRef, LinkTypeRef, ScopeChild, ScopeEpic } from '../../domain/scope/types';
import type { SiteFields } from '../../ports/jira';

// Lenient models of Jira's issue JSON: we read what we need and let the rest pass.
const StatusSchema = z
  .object({
    name: z.string(),
    statusCategory: z.object({ key: z.string() }).passthrough().optional(),
  })
  .passthrough();

const IssueRefSchema = z.object({ id: z.string(), key: z.string() }).passthrough();

const IssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).default({}),
  })
  .passthrough();

export type JiraIssueJson = z.infer<typeof IssueSchema>;

const TeamValueSchema = z.union([
  z
    .object({ id: z.string().optional(), name: z.string().optional(), title: z.string().optional() })
    .passthrough(),
  z.string(),
]);

const ProjectSchema = z.object({ key: z.string(), name: z.string() }).passthrough();

export class JiraShapeError extends Error {}

export function parseIssue(body: unknown): JiraIssueJson {
  const parsed = IssueSchema.safeParse(body);
  if (!parsed.success)
    throw new JiraShapeError(`Jira returned an issue we cannot read: ${parsed.error.message}`);
  return parsed.data;
}

function statusCategory(key: string | undefined): StatusCategory {
  if (key === 'done') return 'done';
  if (key === 'indeterminate') return 'indeterminate';
  return 'new';
}

export function readStatus(value: unknown): IssueStatus {
  const parsed = StatusSchema.safeParse(value);
  if (!parsed.success) return { name: 'Unknown', category: 'new' };
  return { name: parsed.data.name, category: statusCategory(parsed.data.statusCategory?.key) };
}

export function readTeam(value: unknown): Team | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = TeamValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  if (typeof parsed.data === 'string') return undefined; // an id with no name: fall back to the project
  const name = parsed.data.name ?? parsed.data.title;
  if (!name) return undefined;
  return parsed.data.id ? { id: parsed.data.id, name } : { name };
}

export function toInitiative(issue: JiraIssueJson, fields: SiteFields): Initiative {
  const project = ProjectSchema.safeParse(issue.fields.project);
  const summary = issue.fields.summary;
  const initiative: Initiative = {
    id: issue.id,
    key: issue.key,
    summary: typeof summary === 'string' ? summary : '',
    projectKey: project.success ? project.data.key : (issue.key.split('-')[0] ?? ''),
    projectName: project.success ? project.data.name : (issue.key.split('-')[0] ?? ''),
    status: readStatus(issue.fields.status),
  };
  const team = fields.team ? readTeam(issue.fields[fields.team]) : undefined;
  if (team) initiative.team = team;
  return initiative;
}

/** The epic an issue belongs to: its `parent` when that is one of `epicKeys`, else its Epic Link. */
export function epicOf(
  issue: JiraIssueJson,
  fields: SiteFields,
  epicKeys: ReadonlySet<string>,
): string | undefined {
  const parent = IssueRefSchema.safeParse(issue.fields.parent);
  if (parent.success && epicKeys.has(parent.data.key)) return parent.data.key;
  if (fields.epicLink) {
    const link = issue.fields[fields.epicLink];
    if (typeof link === 'string' && epicKeys.has(link)) return link;
  }
  return undefined;
}

export function toChildIssue(issue: JiraIssueJson, epicKey: string): ChildIssue {
  return { id: issue.id, key: issue.key, epicKey, status: readStatus(issue.fields.status) };
}

/**
 * The epic a child found by `parent in (…) OR cf[epicLink] in (…)` belongs to: its parent when that is one
 * of the `wanted` epics (by id or key), else its Epic Link value (a key), the only way the search matched it.
 */
export function epicRefOf(
  issue: JiraIssueJson,
  fields: SiteFields,
  wanted: ReadonlySet<string>,
): string | undefined {
  const parent = IssueRefSchema.safeParse(issue.fields.parent);
  if (parent.success && (wanted.has(parent.data.id) || wanted.has(parent.data.key))) return parent.data.key;
  if (fields.epicLink) {
    const link = issue.fields[fields.epicLink];
    if (typeof link === 'string' && link !== '') return link;
  }
  return undefined;
}

/** Story points as a number; sites send numbers, some old ones numeric strings; anything else is unset. */
export function readStoryPoints(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

const LinkTypeSchema = z
  .object({
    id: z.coerce.string().default(''),
    name: z.string().default(''),
    inward: z.string().default(''),
    outward: z.string().default(''),
  })
  .passthrough();

const LinkedIssueSchema = z
  .object({
    id: z.coerce.string().optional(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

const IssueLinkSchema = z
  .object({
    id: z.coerce.string().optional(),
    type: LinkTypeSchema,
    inwardIssue: LinkedIssueSchema.optional(),
    outwardIssue: LinkedIssueSchema.optional(),
  })
  .passthrough();

/** One entry of `issuelinks`; links we cannot read (no type, no other issue) are left out, not fatal. */
export function readIssueLink(value: unknown): IssueLinkRef | undefined {
  const parsed = IssueLinkSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { id, type, inwardIssue, outwardIssue } = parsed.data;
  const other = outwardIssue ?? inwardIssue;
  if (!other) return undefined;
  const linkType: LinkTypeRef = { id: type.id, name: type.name, inward: type.inward, outward: type.outward };
  const ref: IssueLinkRef = {
    linkId: id ?? '',
    type: linkType,
    direction: outwardIssue ? 'outward' : 'inward',
    other: { key: other.key },
  };
  if (other.id !== undefined) ref.other.id = other.id;
  const summary = other.fields?.summary;
  if (typeof summary === 'string') ref.other.summary = summary;
  if (other.fields?.status !== undefined) ref.other.status = readStatus(other.fields.status);
  return ref;
}

export function readIssueLinks(value: unknown): IssueLinkRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const link = readIssueLink(entry);
    return link ? [link] : [];
  });
}

const LinkTypeListSchema = z.object({ issueLinkTypes: z.array(z.unknown()).default([]) }).passthrough();

/** `GET /rest/api/3/issueLinkType`: the site's link types, unreadable entries left out. */
export function readLinkTypes(body: unknown): LinkTypeRef[] {
  const parsed = LinkTypeListSchema.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.issueLinkTypes.flatMap((entry) => {
    const type = LinkTypeSchema.safeParse(entry);
    return type.success && type.data.id !== ''
      ? [{ id: type.data.id, name: type.data.name, inward: type.data.inward, outward: type.data.outward }]
      : [];
  });
}

export function toScopeEpic(issue: JiraIssueJson, fields: SiteFields): ScopeEpic {
  return {
    ...toInitiative(issue, fields),
    storyPoints: fields.storyPoints ? readStoryPoints(issue.fields[fields.storyPoints]) : null,
    links: readIssueLinks(issue.fields.issuelinks),
  };
}

export function toScopeChild(issue: JiraIssueJson, epicKey: string, fields: SiteFields): ScopeChild {
  return {
    ...toChildIssue(issue, epicKey),
    storyPoints: fields.storyPoints ? readStoryPoints(issue.fields[fields.storyPoints]) : null,
    links: readIssueLinks(issue.fields.issuelinks),
  };
}
