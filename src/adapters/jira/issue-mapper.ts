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

// Lenient readers of Jira's issue JSON: we read what we need and let the rest pass. The per-issue ones are
// hand-written guards rather than zod schemas: a 1,000-epic program has 20,000+ issues and zod's copies of
// every object cost seconds there.

/** An issue as search/jql and bulkfetch answer it: `fields` holds whatever fields were asked for. */
export interface JiraIssueJson {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  [extra: string]: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Jira's ids are strings; a few APIs (agile) send numbers. */
const idText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** `{ id, key }` of an issue reference (parent, linked issue); undefined when it is not one. */
function readIssueRef(value: unknown): { id: string; key: string } | undefined {
  if (!isRecord(value)) return undefined;
  const id = idText(value.id);
  return id !== undefined && typeof value.key === 'string' ? { id, key: value.key } : undefined;
}

const TeamValueSchema = z.union([
  z
    .object({ id: z.string().optional(), name: z.string().optional(), title: z.string().optional() })
    .passthrough(),
  z.string(),
]);

const ProjectSchema = z.object({ key: z.string(), name: z.string() }).passthrough();

export class JiraShapeError extends Error {}

export function parseIssue(body: unknown): JiraIssueJson {
  if (!isRecord(body)) throw new JiraShapeError('Jira returned an issue we cannot read: not an object');
  const id = idText(body.id);
  if (id === undefined) throw new JiraShapeError('Jira returned an issue we cannot read: no id');
  if (typeof body.key !== 'string') throw new JiraShapeError(`Jira returned issue ${id} without a key`);
  // The common case needs no copy: the parsed JSON is ours and nobody else holds it.
  if (typeof body.id === 'string' && isRecord(body.fields)) return body as JiraIssueJson;
  return { ...body, id, key: body.key, fields: isRecord(body.fields) ? body.fields : {} };
}

function statusCategory(key: string | undefined): StatusCategory {
  if (key === 'done') return 'done';
  if (key === 'indeterminate') return 'indeterminate';
  return 'new';
}

export function readStatus(value: unknown): IssueStatus {
  if (!isRecord(value) || typeof value.name !== 'string') return { name: 'Unknown', category: 'new' };
  const category = isRecord(value.statusCategory) ? value.statusCategory.key : undefined;
  return { name: value.name, category: statusCategory(typeof category === 'string' ? category : undefined) };
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
  const parent = readIssueRef(issue.fields.parent);
  if (parent && epicKeys.has(parent.key)) return parent.key;
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
  const parent = readIssueRef(issue.fields.parent);
  if (parent && (wanted.has(parent.id) || wanted.has(parent.key))) return parent.key;
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

function readLinkType(value: unknown): LinkTypeRef | undefined {
  if (!isRecord(value)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const type = {
    id: idText(value.id) ?? '',
    name: text(value.name),
    inward: text(value.inward),
    outward: text(value.outward),
  };
  return type.id === '' && type.name === '' ? undefined : type;
}

/** One entry of `issuelinks`; links we cannot read (no type, no other issue) are left out, not fatal. */
export function readIssueLink(value: unknown): IssueLinkRef | undefined {
  if (!isRecord(value)) return undefined;
  const type = readLinkType(value.type);
  if (!type) return undefined;
  const outward = readIssueRef(value.outwardIssue) ?? readKeyOnly(value.outwardIssue);
  const inward = outward ? undefined : (readIssueRef(value.inwardIssue) ?? readKeyOnly(value.inwardIssue));
  const other = outward ?? inward;
  if (!other) return undefined;
  const raw = (outward ? value.outwardIssue : value.inwardIssue) as Record<string, unknown>;
  const ref: IssueLinkRef = {
    linkId: idText(value.id) ?? '',
    type,
    direction: outward ? 'outward' : 'inward',
    other: other.id === '' ? { key: other.key } : { id: other.id, key: other.key },
  };
  const fields = isRecord(raw.fields) ? raw.fields : undefined;
  if (typeof fields?.summary === 'string') ref.other.summary = fields.summary;
  if (fields?.status !== undefined) ref.other.status = readStatus(fields.status);
  return ref;
}

/** A linked issue with a key but no id (seen in trimmed payloads). */
function readKeyOnly(value: unknown): { id: string; key: string } | undefined {
  return isRecord(value) && typeof value.key === 'string' ? { id: '', key: value.key } : undefined;
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
    const type = readLinkType(entry);
    return type && type.id !== '' ? [type] : [];
  });
}

/** A yyyy-mm-dd date (Jira date fields; date-times are cut to their day); undefined for anything else. */
export function readDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1];
  return day !== undefined && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? day : undefined;
}

/** An ISO date-time from Jira's `2026-11-03T10:15:00.000+0000` form; undefined for anything else. */
export function readDateTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const time = Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function toScopeEpic(issue: JiraIssueJson, fields: SiteFields): ScopeEpic {
  const epic: ScopeEpic = {
    ...toInitiative(issue, fields),
    storyPoints: fields.storyPoints ? readStoryPoints(issue.fields[fields.storyPoints]) : null,
    links: readIssueLinks(issue.fields.issuelinks),
  };
  const startDate = fields.startDate ? readDate(issue.fields[fields.startDate]) : undefined;
  const targetDate =
    (fields.targetDate ? readDate(issue.fields[fields.targetDate]) : undefined) ??
    readDate(issue.fields.duedate);
  const resolvedAt = readDateTime(issue.fields.resolutiondate);
  if (startDate !== undefined) epic.startDate = startDate;
  if (targetDate !== undefined) epic.targetDate = targetDate;
  if (resolvedAt !== undefined) epic.resolvedAt = resolvedAt;
  // Jira sends `security: null` (or leaves it out) when the issue has no security level.
  if (isRecord(issue.fields.security)) epic.restricted = true;
  return epic;
}

export function toScopeChild(issue: JiraIssueJson, epicKey: string, fields: SiteFields): ScopeChild {
  const child: ScopeChild = {
    ...toChildIssue(issue, epicKey),
    storyPoints: fields.storyPoints ? readStoryPoints(issue.fields[fields.storyPoints]) : null,
    links: readIssueLinks(issue.fields.issuelinks),
  };
  const resolvedAt = readDateTime(issue.fields.resolutiondate);
  if (resolvedAt !== undefined) child.resolvedAt = resolvedAt;
  return child;
}
