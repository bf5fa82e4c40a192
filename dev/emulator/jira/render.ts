import { RENDERED_SYSTEM_FIELDS } from '../../seed/fields';
import type { Issue, IssueLink, Project, SiteUser, Sprint, Status, Team } from '../../seed/index';
import type { Caller, SiteState } from '../state';

/** What the renderer needs to know about the request. */
export interface RenderContext {
  state: SiteState;
  caller: Caller;
  /** Scheme, host and port the client used, for `self` links. */
  base: string;
}

/** The fields a request asked for, resolved against the site's field list. */
export interface FieldSelection {
  /** Field ids to render, in the site's field order. */
  fieldIds: string[];
  /** True when nothing but `id` (or `key`) was asked for: the larger page size applies. */
  idsOnly: boolean;
  /** Whether `key` was asked for explicitly (the issue then carries key/self even with no fields). */
  withKey: boolean;
}

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

/** Splits repeated and comma-separated list parameters into their items. */
export function listParam(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return items
    .flatMap((item) => String(item).split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Resolves `fields` (`*all`, `*navigable`, `-x`, names) as Jira does; `fallback` applies when none is given. */
export function selectFields(
  state: SiteState,
  requested: string[],
  fallback: 'id' | '*navigable' | '*all',
): FieldSelection {
  const tokens = requested.length > 0 ? requested : [fallback];
  const includes = tokens.filter((t) => !t.startsWith('-'));
  const excludes = new Set(tokens.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  const effective = includes.length > 0 ? includes : ['*navigable'];
  const renderable = renderableFieldIds(state);
  const wanted = new Set<string>();
  let withKey = false;
  for (const token of effective) {
    if (token === '*all') renderable.forEach((id) => wanted.add(id));
    else if (token === '*navigable')
      renderable
        .filter((id) => state.site.fields.find((f) => f.id === id)?.navigable !== false)
        .forEach((id) => wanted.add(id));
    else if (token === 'key' || token === 'issuekey') withKey = true;
    else if (token !== 'id' && renderable.includes(token)) wanted.add(token);
  }
  const fieldIds = renderable.filter((id) => wanted.has(id) && !excludes.has(id));
  return { fieldIds, idsOnly: fieldIds.length === 0, withKey };
}

function renderableFieldIds(state: SiteState): string[] {
  const renderable = new Set<string>([
    ...RENDERED_SYSTEM_FIELDS,
    ...Object.values(state.site.customFieldIds),
  ]);
  return state.site.fields.map((f) => f.id).filter((id) => renderable.has(id));
}

export const jiraDateTime = (iso: string | null): string | null =>
  iso === null ? null : iso.replace(/Z$/, '+0000');

export function userJson(base: string, user: SiteUser | undefined): Record<string, unknown> | null {
  if (!user) return null;
  const initials = user.displayName
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const avatar = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${encodeURIComponent(initials)}-0.png`;
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.email,
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: 'atlassian',
  };
}

export function projectAvatarUrls(base: string, project: Project): Record<string, string> {
  const url = (size: string): string =>
    `${base}/rest/api/3/universal_avatar/view/type/project/avatar/${10400 + (Number(project.id) % 20)}${size}`;
  return {
    '48x48': url(''),
    '24x24': url('?size=small'),
    '16x16': url('?size=xsmall'),
    '32x32': url('?size=medium'),
  };
}

export function projectJson(base: string, project: Project): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.style === 'next-gen',
    avatarUrls: projectAvatarUrls(base, project),
  };
}

export function statusJson(base: string, status: Status | undefined): Record<string, unknown> | null {
  if (!status) return null;
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${base}/`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${base}/rest/api/3/statuscategory/${status.category.id}`,
      id: status.category.id,
      key: status.category.key,
      colorName: status.category.colorName,
      name: status.category.name,
    },
  };
}

export function teamJson(team: Team | undefined): Record<string, unknown> | null {
  if (!team) return null;
  return {
    id: team.id,
    name: team.name,
    avatarUrl: '',
    isVisible: true,
    isVerified: false,
    title: team.name,
    isShared: true,
  };
}

/** The value of the Sprint custom field: future sprints carry no dates, as on real sites. */
export function sprintFieldJson(sprint: Sprint): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
  };
  if (sprint.goal) out.goal = sprint.goal;
  if (sprint.startDate) out.startDate = sprint.startDate;
  if (sprint.endDate) out.endDate = sprint.endDate;
  if (sprint.completeDate) out.completeDate = sprint.completeDate;
  return out;
}

function adf(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export class IssueRenderer {
  constructor(private readonly ctx: RenderContext) {}

  private get state(): SiteState {
    return this.ctx.state;
  }

  private issueTypeJson(issue: Issue): Record<string, unknown> | null {
    const t = this.state.typesById.get(issue.issueTypeId);
    if (!t) return null;
    const { base } = this.ctx;
    return {
      self: `${base}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      description: t.description,
      iconUrl: `${base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
      name: t.name,
      subtask: t.subtask,
      avatarId: t.avatarId,
      hierarchyLevel: t.hierarchyLevel,
    };
  }

  private priorityJson(issue: Issue): Record<string, unknown> | null {
    const p = this.state.prioritiesById.get(issue.priorityId);
    if (!p) return null;
    const { base } = this.ctx;
    return {
      self: `${base}/rest/api/3/priority/${p.id}`,
      iconUrl: `${base}/images/icons/priorities/${p.icon}`,
      name: p.name,
      id: p.id,
    };
  }

  /** The short form of an issue used in parent, subtasks and issuelinks. */
  private linkedIssueJson(issue: Issue): Record<string, unknown> {
    return {
      id: issue.id,
      key: issue.key,
      self: `${this.ctx.base}/rest/api/3/issue/${issue.id}`,
      fields: {
        summary: issue.summary,
        status: statusJson(this.ctx.base, this.state.statusesById.get(issue.statusId)),
        priority: this.priorityJson(issue),
        issuetype: this.issueTypeJson(issue),
      },
    };
  }

  private linkJson(issue: Issue, link: IssueLink): Record<string, unknown> | null {
    const type = this.state.linkTypesById.get(link.typeId);
    const outward = link.sourceKey === issue.key;
    const other = this.state.issuesByKey.get(outward ? link.targetKey : link.sourceKey);
    if (!type || !other || !this.state.canSee(this.ctx.caller, other)) return null;
    const { base } = this.ctx;
    return {
      id: link.id,
      self: `${base}/rest/api/3/issueLink/${link.id}`,
      type: {
        id: type.id,
        name: type.name,
        inward: type.inward,
        outward: type.outward,
        self: `${base}/rest/api/3/issueLinkType/${type.id}`,
      },
      [outward ? 'outwardIssue' : 'inwardIssue']: this.linkedIssueJson(other),
    };
  }

  /** The value of one field, or `undefined` when Jira leaves the field out for this issue. */
  fieldValue(issue: Issue, fieldId: string): unknown {
    const { base } = this.ctx;
    const state = this.state;
    const ids = state.site.customFieldIds;
    const done = state.statusesById.get(issue.statusId)?.category.key === 'done';
    switch (fieldId) {
      case 'summary':
        return issue.summary;
      case 'issuetype':
        return this.issueTypeJson(issue);
      case 'project': {
        const project = state.projectsByKey.get(issue.projectKey);
        return project ? projectJson(base, project) : null;
      }
      case 'status':
        return statusJson(base, state.statusesById.get(issue.statusId));
      case 'priority':
        return this.priorityJson(issue);
      case 'assignee':
        return userJson(
          base,
          issue.assigneeAccountId ? state.usersById.get(issue.assigneeAccountId) : undefined,
        );
      case 'reporter':
      case 'creator':
        return userJson(base, state.usersById.get(issue.reporterAccountId));
      case 'labels':
        return [...issue.labels];
      case 'created':
        return jiraDateTime(issue.created);
      case 'updated':
        return jiraDateTime(issue.updated);
      case 'statuscategorychangedate':
        return jiraDateTime(issue.statusCategoryChanged);
      case 'resolutiondate':
        return jiraDateTime(issue.resolutionDate);
      case 'resolution':
        return done
          ? {
              self: `${base}/rest/api/3/resolution/10000`,
              id: '10000',
              description: 'Work has been completed on this issue.',
              name: 'Done',
            }
          : null;
      case 'duedate':
        return issue.dueDate;
      case 'security': {
        const level = state.securityLevelOf(issue);
        return level
          ? {
              self: `${base}/rest/api/3/securitylevel/${level.id}`,
              id: level.id,
              name: level.name,
              description: state.securityLevelsById.get(level.id)?.description ?? '',
            }
          : null;
      }
      case 'description':
        return adf(issue.description);
      case 'components':
      case 'fixVersions':
      case 'attachment':
        return [];
      case 'issuelinks':
        return (state.linksByIssue.get(issue.key) ?? [])
          .map((l) => this.linkJson(issue, l))
          .filter((l) => l !== null);
      case 'subtasks':
        return (state.byParent.get(issue.key) ?? [])
          .filter((c) => state.typesById.get(c.issueTypeId)?.subtask && state.canSee(this.ctx.caller, c))
          .map((c) => this.linkedIssueJson(c));
      case 'parent': {
        // A parent the caller may not see is left out, as a link to it is: the child itself stays visible.
        const parent = issue.parentKey ? state.issuesByKey.get(issue.parentKey) : undefined;
        return parent && state.canSee(this.ctx.caller, parent) ? this.linkedIssueJson(parent) : undefined;
      }
      case ids.storyPoints:
        return issue.storyPoints;
      case ids.sprint: {
        const sprints = issue.sprintIds.map((id) => state.sprintsById.get(id)).filter((s) => s !== undefined);
        return sprints.length > 0 ? sprints.map(sprintFieldJson) : null;
      }
      case ids.team:
        return teamJson(issue.teamId ? state.teamsById.get(issue.teamId) : undefined);
      case ids.targetStart:
        return issue.targetStart;
      case ids.targetEnd:
        return issue.targetEnd;
      case ids.startDate:
        return issue.startDate;
      case ids.epicLink:
        return issue.epicLinkKey;
      case ids.epicName:
        return issue.epicName;
      case ids.rank:
        return issue.rank;
      case ids.issueColor:
        return state.typesById.get(issue.issueTypeId)?.hierarchyLevel === 1 ? 'purple' : null;
      case ids.development:
        return state.typesById.get(issue.issueTypeId)?.hierarchyLevel === 1 ? null : '{}';
      default:
        return null;
    }
  }

  /** An issue as Jira returns it (IssueBean) with only the selected fields. */
  issueJson(
    issue: Issue,
    selection: FieldSelection,
    options: { properties?: string[]; expand?: string[] } = {},
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (selection.idsOnly && !selection.withKey && !options.properties?.length && !options.expand?.length) {
      out.id = issue.id;
      return out;
    }
    out.expand = ISSUE_EXPAND;
    out.id = issue.id;
    out.self = `${this.ctx.base}/rest/api/3/issue/${issue.id}`;
    out.key = issue.key;
    const fields: Record<string, unknown> = {};
    for (const id of selection.fieldIds) {
      const value = this.fieldValue(issue, id);
      if (value !== undefined) fields[id] = value;
    }
    out.fields = fields;
    const props = options.properties ?? [];
    if (props.length > 0) {
      const properties: Record<string, unknown> = {};
      const keys = props.includes('*all') ? Object.keys(issue.properties) : props;
      for (const key of keys) if (key in issue.properties) properties[key] = issue.properties[key];
      out.properties = properties;
    }
    const expand = options.expand ?? [];
    if (expand.includes('names')) out.names = this.names(selection);
    if (expand.includes('schema')) out.schema = this.schema(selection);
    return out;
  }

  names(selection: FieldSelection): Record<string, string> {
    const names: Record<string, string> = {};
    for (const id of selection.fieldIds) {
      const f = this.state.site.fields.find((x) => x.id === id);
      if (f) names[id] = f.name;
    }
    return names;
  }

  schema(selection: FieldSelection): Record<string, unknown> {
    const schema: Record<string, unknown> = {};
    for (const id of selection.fieldIds) {
      const f = this.state.site.fields.find((x) => x.id === id);
      if (f?.schema) schema[id] = { ...f.schema };
    }
    return schema;
  }
}
