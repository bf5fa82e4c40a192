import { z } from 'zod';
import type {
  ChildIssue,
  Initiative,
  IssueStatus,
  StatusCategory,
  Team,
} from '../../domain/initiative/initiative';
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
