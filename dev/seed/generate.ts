import {
  CHILD_LABELS,
  CHILD_TEMPLATES,
  DEMO_TEAMS,
  EXTRA_EPIC_LABELS,
  GENERIC_INITIATIVES,
  MARKETS,
  MORE_TEAMS,
  OUTSIDE_INITIATIVES,
  SUBTASK_TEMPLATES,
} from './catalog';
import { buildFieldList } from './fields';
import { createRandom, type Random } from './random';
import type {
  Board,
  CustomFieldIds,
  GeneratorOptions,
  Issue,
  IssueLink,
  IssueType,
  LinkType,
  Page,
  Priority,
  Project,
  SecurityLevel,
  SiteData,
  SiteUser,
  Space,
  Sprint,
  Status,
  StatusCategory,
  Team,
} from './types';
import { DEMO_LEAD_EMAILS, DEMO_USERS, FIRST_NAMES, LAST_NAMES, TIME_ZONES } from './users';

export const DEMO_OPTIONS = {
  seed: 42,
  teams: 5,
  epics: 40,
  childrenPerEpic: 6,
  links: 30,
} as const satisfies GeneratorOptions;

export const PROGRAM_LABEL = 'program-atlas';

const DAY = 86_400_000;
const SPRINT_DAYS = 14;

export const STATUS_CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const satisfies Record<string, StatusCategory>;

const STATUSES: Status[] = [
  { id: '10000', name: 'To Do', description: '', category: STATUS_CATEGORIES.new },
  {
    id: '3',
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    category: STATUS_CATEGORIES.indeterminate,
  },
  { id: '10001', name: 'Done', description: '', category: STATUS_CATEGORIES.done },
];
const [TODO, IN_PROGRESS, DONE] = STATUSES.map((s) => s.id) as [string, string, string];

const ISSUE_TYPES: IssueType[] = [
  {
    id: '10000',
    name: 'Epic',
    description:
      'A big user story that needs to be broken down. Created by Jira Software - do not edit or delete.',
    hierarchyLevel: 1,
    subtask: false,
    avatarId: 10307,
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10315,
  },
  {
    id: '10002',
    name: 'Task',
    description: 'A small, distinct piece of work.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10318,
  },
  {
    id: '10003',
    name: 'Sub-task',
    description: "A small piece of work that's part of a larger task.",
    hierarchyLevel: -1,
    subtask: true,
    avatarId: 10316,
  },
  {
    id: '10004',
    name: 'Bug',
    description: 'A problem or error.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10303,
  },
];
const [EPIC, STORY, TASK, SUBTASK] = ISSUE_TYPES.map((t) => t.id) as [string, string, string, string];

const PRIORITIES: Priority[] = [
  { id: '1', name: 'Highest', icon: 'highest.svg' },
  { id: '2', name: 'High', icon: 'high.svg' },
  { id: '3', name: 'Medium', icon: 'medium.svg' },
  { id: '4', name: 'Low', icon: 'low.svg' },
  { id: '5', name: 'Lowest', icon: 'lowest.svg' },
];

const LINK_TYPES: LinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10006', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];
const LINK = {
  blocks: '10000',
  cloners: '10001',
  duplicate: '10002',
  problem: '10006',
  relates: '10003',
} as const;

interface Resolved {
  seed: number;
  teams: number;
  epics: number;
  childrenPerEpic: number;
  links: number;
  today: number;
}

function resolveOptions(opts: GeneratorOptions): Resolved {
  const pick = (value: number | undefined, fallback: number, name: string, min: number): number => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`GeneratorOptions.${name} must be an integer ≥ ${min}, got ${String(value)}`);
    return v;
  };
  const now = opts.now ?? Date.now();
  return {
    seed: pick(opts.seed, DEMO_OPTIONS.seed, 'seed', 0),
    teams: pick(opts.teams, DEMO_OPTIONS.teams, 'teams', 1),
    epics: pick(opts.epics, DEMO_OPTIONS.epics, 'epics', 0),
    childrenPerEpic: pick(opts.childrenPerEpic, DEMO_OPTIONS.childrenPerEpic, 'childrenPerEpic', 0),
    links: pick(opts.links, DEMO_OPTIONS.links, 'links', 0),
    today: Math.floor(now / DAY) * DAY,
  };
}

const dayStrings = new Map<number, string>();
const isoDate = (ms: number): string => {
  const day = Math.floor(ms / DAY);
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    dayStrings.set(day, text);
  }
  return text;
};
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Same as `new Date(ms).toISOString()`, several times faster for the 20,000-issue sites. */
const isoDateTime = (ms: number): string => {
  const t = ((ms % DAY) + DAY) % DAY;
  return `${isoDate(ms)}T${pad(Math.floor(t / 3_600_000), 2)}:${pad(Math.floor(t / 60_000) % 60, 2)}:${pad(Math.floor(t / 1000) % 60, 2)}.${pad(t % 1000, 3)}Z`;
};
const asciiName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** A realistic program on a realistic site, the same for the same options. */
export function generateSite(opts: GeneratorOptions = {}): SiteData {
  const o = resolveOptions(opts);
  const rnd = createRandom(o.seed);
  const today = o.today;

  const customFieldIds = chooseCustomFieldIds(rnd);
  const users: SiteUser[] = DEMO_USERS.map((u, i) => ({
    accountId: u.accountId,
    displayName: u.displayName,
    email: u.email,
    timeZone: TIME_ZONES[i % TIME_ZONES.length] ?? 'UTC',
    active: true,
  }));
  const nameCombos = rnd.shuffle(FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => [f, l] as const)));
  let nameIndex = 0;
  const newEngineer = (): SiteUser => {
    const [first, last] = nameCombos[nameIndex % nameCombos.length] ?? ['Sam', 'Doe'];
    const round = Math.floor(nameIndex / nameCombos.length);
    nameIndex++;
    const suffix = round > 0 ? String(round + 1) : '';
    const user: SiteUser = {
      accountId: `712020:${rnd.uuid()}`,
      displayName: `${first} ${last}${suffix ? ` ${suffix}` : ''}`,
      email: `${asciiName(first)}.${asciiName(last)}${suffix}@example.com`,
      timeZone: rnd.pick(TIME_ZONES),
      active: true,
    };
    users.push(user);
    return user;
  };

  const teams: Team[] = [];
  const projects: Project[] = [];
  const boards: Board[] = [];
  const sprints: Sprint[] = [];
  const sprintsByBoard = new Map<number, Sprint[]>();
  const activeStart = activeSprintStart(today);
  for (let i = 0; i < o.teams; i++) {
    const template = DEMO_TEAMS[i] ??
      MORE_TEAMS[i - DEMO_TEAMS.length] ?? { name: `Team ${i + 1}`, key: `T${i + 1}` };
    const members = Array.from({ length: 4 }, () => newEngineer().accountId);
    const leadEmail = DEMO_LEAD_EMAILS[template.key];
    const leadAccountId = DEMO_USERS.find((u) => u.email === leadEmail)?.accountId ?? (members[0] as string);
    const team: Team = {
      id: rnd.uuid(),
      name: template.name,
      projectKey: template.key,
      leadAccountId,
      memberAccountIds: members,
    };
    teams.push(team);
    const legacy =
      template.key === 'DATA' ||
      (i >= DEMO_TEAMS.length && i % 5 === 3) ||
      (o.teams <= 3 && o.teams >= 2 && i === o.teams - 1);
    projects.push({
      id: String(10000 + i),
      key: template.key,
      name: template.name,
      teamId: team.id,
      leadAccountId,
      childLink: legacy ? 'epic-link' : 'parent',
      style: legacy || i % 2 === 0 ? 'classic' : 'next-gen',
    });
    const board: Board = {
      id: i + 1,
      name: `${template.key} board`,
      projectKey: template.key,
      type: 'scrum',
    };
    boards.push(board);
    const boardSprints = buildSprints(board, sprints.length + 1, activeStart, rnd);
    sprints.push(...boardSprints);
    sprintsByBoard.set(board.id, boardSprints);
  }

  const issues: Issue[] = [];
  const keyCounters = new Map<string, number>();
  let nextIssueId = 10001;
  let rankCounter = rnd.int(1000, 5000);
  const newIssue = (
    project: Project,
    fields: Omit<Issue, 'id' | 'key' | 'projectKey' | 'rank' | 'properties'>,
  ): Issue => {
    const n = (keyCounters.get(project.key) ?? 0) + 1;
    keyCounters.set(project.key, n);
    rankCounter += rnd.int(1, 40);
    const issue: Issue = {
      id: String(nextIssueId++),
      key: `${project.key}-${n}`,
      projectKey: project.key,
      rank: `0|i${rankCounter.toString(36).padStart(5, '0')}:`,
      properties: {},
      ...fields,
    };
    issues.push(issue);
    return issue;
  };

  const summaries = new SummarySource(rnd);
  const programEpics: Issue[] = [];
  const outsideEpics: Issue[] = [];
  const childrenByEpic = new Map<string, Issue[]>();
  const teamOfEpic = new Map<string, number>();

  const makeEpicWithChildren = (teamIndex: number, inProgram: boolean, childCount: number): Issue => {
    const team = teams[teamIndex] as Team;
    const project = projects[teamIndex] as Project;
    const boardSprints = sprintIdsByState(sprintsByBoard.get(teamIndex + 1) ?? []);
    const summary = inProgram ? summaries.epic(teamIndex) : summaries.outside();
    const schedule = scheduleEpic(rnd, activeStart, today);
    const created =
      Math.min(today - DAY, (schedule.start ?? today) - rnd.int(7, 40) * DAY) + rnd.int(0, DAY - 1);
    const updated = Math.min(today + rnd.int(0, DAY - 1), created + rnd.int(1, 60) * DAY);
    const labels = inProgram
      ? [PROGRAM_LABEL, ...(rnd.chance(0.3) ? [rnd.pick(EXTRA_EPIC_LABELS)] : [])]
      : ['internal'];
    const epic = newIssue(project, {
      issueTypeId: EPIC,
      summary,
      description: inProgram
        ? `${summary}. Part of the Atlas programme: one checkout for every market. Owned by ${team.name}.`
        : `${summary}. Not part of any program.`,
      statusId: schedule.statusId,
      priorityId: rnd.pick(['2', '3', '3', '3', '4']),
      assigneeAccountId: team.leadAccountId,
      reporterAccountId: DEMO_USERS[0]?.accountId ?? team.leadAccountId,
      labels,
      created: isoDateTime(created),
      updated: isoDateTime(updated),
      statusCategoryChanged: isoDateTime(schedule.statusId === TODO ? created : updated),
      resolutionDate: schedule.statusId === DONE ? isoDateTime(updated) : null,
      dueDate: schedule.end === null ? null : isoDate(schedule.end),
      startDate: schedule.start === null ? null : isoDate(schedule.start),
      targetStart: schedule.start === null ? null : isoDate(schedule.start),
      targetEnd: schedule.end === null ? null : isoDate(schedule.end),
      parentKey: null,
      epicLinkKey: null,
      storyPoints: null,
      sprintIds: [],
      teamId: team.id,
      epicName: summary.length > 40 ? `${summary.slice(0, 37)}...` : summary,
    });
    teamOfEpic.set(epic.key, teamIndex);
    (inProgram ? programEpics : outsideEpics).push(epic);

    const children: Issue[] = [];
    const progress = schedule.progress;
    for (let c = 0; c < childCount; c++) {
      const p = rnd.next();
      const statusId =
        schedule.statusId === DONE
          ? DONE
          : schedule.statusId === TODO
            ? TODO
            : p < progress * 0.8
              ? DONE
              : p < progress * 0.8 + 0.3
                ? IN_PROGRESS
                : TODO;
      const childCreated =
        Math.min(today - rnd.int(0, 2) * DAY, created + rnd.int(0, 10) * DAY) + rnd.int(0, DAY - 1);
      const childUpdated = Math.min(today + rnd.int(0, DAY - 1), childCreated + rnd.int(0, 40) * DAY);
      const storyOrTask = rnd.chance(0.7) ? STORY : TASK;
      const child = newIssue(project, {
        issueTypeId: storyOrTask,
        summary: `${rnd.pick(CHILD_TEMPLATES)}: ${lowerFirst(summary)}`,
        description: rnd.chance(0.5)
          ? null
          : `Acceptance criteria agreed with ${team.name} during refinement.`,
        statusId,
        priorityId: rnd.pick(['2', '3', '3', '3', '4', '5']),
        assigneeAccountId: statusId === TODO && rnd.chance(0.4) ? null : rnd.pick(team.memberAccountIds),
        reporterAccountId: team.leadAccountId,
        labels: [...rnd.pick(CHILD_LABELS)],
        created: isoDateTime(childCreated),
        updated: isoDateTime(childUpdated),
        statusCategoryChanged: isoDateTime(statusId === TODO ? childCreated : childUpdated),
        resolutionDate: statusId === DONE ? isoDateTime(childUpdated) : null,
        dueDate: null,
        startDate: null,
        targetStart: null,
        targetEnd: null,
        parentKey: project.childLink === 'parent' ? epic.key : null,
        epicLinkKey: project.childLink === 'epic-link' ? epic.key : null,
        storyPoints: rnd.chance(0.08) ? null : rnd.pick([1, 2, 3, 3, 5, 5, 8, 13]),
        sprintIds: childSprints(rnd, statusId, schedule.statusId, boardSprints),
        teamId: rnd.chance(0.92) ? team.id : null,
        epicName: null,
      });
      children.push(child);
      if (storyOrTask === STORY && rnd.chance(0.12)) {
        const subtaskCount = rnd.int(1, 2);
        for (let s = 0; s < subtaskCount; s++) {
          const {
            id: _id,
            key: _key,
            projectKey: _projectKey,
            rank: _rank,
            properties: _properties,
            ...inherited
          } = child;
          newIssue(project, {
            ...inherited,
            issueTypeId: SUBTASK,
            summary: rnd.pick(SUBTASK_TEMPLATES),
            description: null,
            labels: [],
            storyPoints: null,
            parentKey: child.key,
            epicLinkKey: null,
          });
        }
      }
    }
    childrenByEpic.set(epic.key, children);
    return epic;
  };

  for (let i = 0; i < o.epics; i++) makeEpicWithChildren(i % o.teams, true, o.childrenPerEpic);
  const outsideCount = o.epics === 0 ? 0 : Math.max(2, Math.round(o.epics / 10));
  for (let i = 0; i < outsideCount; i++)
    makeEpicWithChildren((i * 3 + 1) % o.teams, false, Math.min(2, o.childrenPerEpic));

  const { links, cycle } = buildLinks(rnd, o, programEpics, outsideEpics, childrenByEpic, teamOfEpic);

  const tpm = DEMO_USERS[0]?.accountId ?? '';
  const { spaces, pages, nextPageId } = buildConfluence(rnd, tpm, today);
  const securityLevels = buildSecurityLevels();
  const securedEpicKeys = opts.securedDemoEpic ? secureDemoEpic(programEpics, securityLevels) : [];

  return {
    seed: o.seed,
    today,
    users,
    teams,
    projects,
    statuses: STATUSES.map((s) => ({ ...s })),
    issueTypes: ISSUE_TYPES.map((t) => ({ ...t })),
    priorities: PRIORITIES.map((p) => ({ ...p })),
    customFieldIds,
    fields: buildFieldList(customFieldIds),
    linkTypes: LINK_TYPES.map((t) => ({ ...t })),
    issues,
    links,
    securityLevels,
    boards,
    sprints,
    spaces,
    pages,
    attachments: [],
    program: {
      label: PROGRAM_LABEL,
      epicKeys: programEpics.map((e) => e.key),
      outsideEpicKeys: outsideEpics.map((e) => e.key),
      cycle,
      legacyProjectKeys: projects.filter((p) => p.childLink === 'epic-link').map((p) => p.key),
      securedEpicKeys,
    },
    nextIds: {
      page: nextPageId,
      pageProperty: rnd.int(100000, 200000),
      attachment: rnd.int(300000, 400000),
      link: 10000 + links.length + 100,
    },
  };
}

const accountOf = (email: string): string[] => {
  const user = DEMO_USERS.find((u) => u.email === email);
  return user ? [user.accountId] : [];
};

/** The site's issue security levels; built without the random source, so the rest of the site is unchanged. */
function buildSecurityLevels(): SecurityLevel[] {
  return [
    {
      id: '10100',
      name: 'Finance only',
      description: 'Payments work with commercial terms: finance, the sponsor and the Payments lead.',
      projectKeys: ['PAY'],
      memberAccountIds: ['tpm@example.com', 'sponsor@example.com', 'lead.payments@example.com'].flatMap(
        accountOf,
      ),
    },
    {
      id: '10101',
      name: 'Confidential',
      description: 'Data work under a non-disclosure agreement: the TPM and the Data lead.',
      projectKeys: ['DATA'],
      memberAccountIds: ['tpm@example.com', 'lead.data@example.com'].flatMap(accountOf),
    },
  ];
}

/**
 * Puts the last DATA program epic (outside the demo's initiatives and milestones) under "Confidential"; its
 * children keep no level, so they stay visible, as in Jira.
 */
function secureDemoEpic(programEpics: Issue[], levels: SecurityLevel[]): string[] {
  const level = levels.find((l) => l.name === 'Confidential');
  const epic = programEpics.filter((e) => level?.projectKeys.includes(e.projectKey)).at(-1);
  if (!level || !epic) return [];
  epic.securityLevel = { id: level.id, name: level.name };
  return [epic.key];
}

function chooseCustomFieldIds(rnd: Random): CustomFieldIds {
  const pool = rnd.shuffle(Array.from({ length: 40 }, (_, i) => `customfield_${10010 + i}`));
  const take = (): string => pool.pop() as string;
  return {
    storyPoints: take(),
    sprint: take(),
    team: take(),
    targetStart: take(),
    targetEnd: take(),
    startDate: take(),
    epicLink: take(),
    epicName: take(),
    rank: take(),
    parentLink: take(),
    storyPointsLegacy: take(),
    flagged: take(),
    issueColor: take(),
    development: take(),
  };
}

/** Sprints run on a two-week cadence; the active one contains today. */
function activeSprintStart(today: number): number {
  const weekday = (new Date(today).getUTCDay() + 6) % 7; // Monday = 0
  const monday = today - weekday * DAY;
  const weekIndex = Math.floor(monday / (7 * DAY));
  return monday - (weekIndex % 2) * 7 * DAY;
}

function buildSprints(board: Board, firstId: number, activeStart: number, rnd: Random): Sprint[] {
  const base = rnd.int(8, 40);
  const goals = [
    'Ship the first market behind a flag',
    'Close out integration testing',
    'Performance and hardening',
    'Finish migration and clean-up',
    'Pilot with two markets',
    '',
  ];
  return [-2, -1, 0, 1, 2, 3].map((offset, i) => {
    const start = activeStart + offset * SPRINT_DAYS * DAY + 8 * 3600_000 + rnd.int(0, 3_600_000);
    const end = activeStart + (offset + 1) * SPRINT_DAYS * DAY + 8 * 3600_000;
    const state: Sprint['state'] = offset < 0 ? 'closed' : offset === 0 ? 'active' : 'future';
    return {
      id: firstId + i,
      boardId: board.id,
      name: `${board.projectKey} Sprint ${base + offset}`,
      state,
      startDate: state === 'future' ? null : isoDateTime(start),
      endDate: state === 'future' ? null : isoDateTime(end),
      completeDate: state === 'closed' ? isoDateTime(end - rnd.int(0, 4) * 3600_000) : null,
      createdDate: isoDateTime(start - 3 * DAY),
      goal: state === 'future' ? '' : rnd.pick(goals),
    };
  });
}

interface EpicSchedule {
  start: number | null;
  end: number | null;
  statusId: string;
  /** Share of the epic's time elapsed, for children's statuses. */
  progress: number;
}

function scheduleEpic(rnd: Random, activeStart: number, today: number): EpicSchedule {
  if (rnd.chance(0.08))
    return { start: null, end: null, statusId: rnd.chance(0.2) ? IN_PROGRESS : TODO, progress: 0.2 };
  const startSprint = rnd.int(-5, 3);
  const length = rnd.int(1, 4);
  const start = activeStart + startSprint * SPRINT_DAYS * DAY;
  const end = activeStart + (startSprint + length) * SPRINT_DAYS * DAY - 3 * DAY;
  let statusId: string;
  if (end < today) statusId = rnd.chance(0.85) ? DONE : IN_PROGRESS;
  else if (start <= today) statusId = IN_PROGRESS;
  else statusId = TODO;
  const progress = Math.min(0.9, Math.max(0.1, (today - start) / Math.max(DAY, end - start)));
  return { start, end, statusId, progress };
}

interface BoardSprintIds {
  closed: number[];
  active: number | undefined;
  future: number[];
}

function sprintIdsByState(boardSprints: Sprint[]): BoardSprintIds {
  return {
    closed: boardSprints.filter((s) => s.state === 'closed').map((s) => s.id),
    active: boardSprints.find((s) => s.state === 'active')?.id,
    future: boardSprints.filter((s) => s.state === 'future').map((s) => s.id),
  };
}

function childSprints(
  rnd: Random,
  statusId: string,
  epicStatusId: string,
  { closed, active, future }: BoardSprintIds,
): number[] {
  if (active === undefined || closed.length === 0 || future.length === 0) return [];
  if (statusId === DONE) {
    const last = closed[closed.length - 1] as number;
    return rnd.chance(0.1) && closed.length > 1
      ? [closed[closed.length - 2] as number, last]
      : [rnd.pick(closed)];
  }
  if (statusId === IN_PROGRESS)
    return rnd.chance(0.25) ? [closed[closed.length - 1] as number, active] : [active];
  if (epicStatusId === IN_PROGRESS) {
    const p = rnd.next();
    return p < 0.5 ? [active] : p < 0.8 ? [future[0] as number] : [];
  }
  return rnd.chance(0.5) ? [rnd.pick(future)] : [];
}

class SummarySource {
  private readonly used = new Set<string>();
  private readonly cursor = new Map<number, number>();
  private readonly offset = new Map<number, number>();
  private outsideCursor = 0;
  constructor(private readonly rnd: Random) {}

  epic(teamIndex: number): string {
    const pool = DEMO_TEAMS[teamIndex]?.initiatives ?? GENERIC_INITIATIVES;
    for (;;) {
      const n = this.cursor.get(teamIndex) ?? 0;
      this.cursor.set(teamIndex, n + 1);
      let offset = this.offset.get(teamIndex);
      if (offset === undefined) {
        offset = this.rnd.int(0, pool.length - 1);
        this.offset.set(teamIndex, offset);
      }
      const base = pool[(n + offset) % pool.length] as string;
      const round = Math.floor(n / pool.length);
      const market = round === 0 ? '' : ` in ${MARKETS[(round - 1) % MARKETS.length] ?? ''}`;
      const phase = round > MARKETS.length ? ` — phase ${Math.floor((round - 1) / MARKETS.length) + 1}` : '';
      const summary = `${base}${market}${phase}`;
      if (!this.used.has(summary)) {
        this.used.add(summary);
        return summary;
      }
    }
  }

  outside(): string {
    const n = this.outsideCursor++;
    const base = OUTSIDE_INITIATIVES[n % OUTSIDE_INITIATIVES.length] as string;
    return n < OUTSIDE_INITIATIVES.length
      ? base
      : `${base} (${Math.floor(n / OUTSIDE_INITIATIVES.length) + 1})`;
  }
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

function buildLinks(
  rnd: Random,
  o: Resolved,
  programEpics: Issue[],
  outsideEpics: Issue[],
  childrenByEpic: Map<string, Issue[]>,
  teamOfEpic: Map<string, number>,
): { links: IssueLink[]; cycle: string[] } {
  const links: IssueLink[] = [];
  const seen = new Set<string>();
  let nextId = 10100;
  const add = (typeId: string, sourceKey: string, targetKey: string): boolean => {
    if (sourceKey === targetKey) return false;
    const id = `${typeId}:${sourceKey}>${targetKey}`;
    const reverse = `${typeId}:${targetKey}>${sourceKey}`;
    if (seen.has(id) || seen.has(reverse)) return false;
    seen.add(id);
    links.push({ id: String(nextId++), typeId, sourceKey, targetKey });
    return true;
  };
  const team = (epic: Issue): number => teamOfEpic.get(epic.key) ?? 0;

  // One cross-team cycle: a (team 0) blocks b (team 1) blocks c (team 2) blocks a.
  const cycle: string[] = [];
  const cycleEpics: Issue[] = [];
  if (programEpics.length >= 3) {
    for (let t = 0; t < 3; t++) {
      const wanted = t % o.teams;
      const candidates = programEpics.filter(
        (e) => team(e) === wanted && !cycleEpics.includes(e) && e.statusId !== DONE,
      );
      const fallback = programEpics.filter((e) => !cycleEpics.includes(e));
      cycleEpics.push(rnd.pick(candidates.length > 0 ? candidates : fallback));
    }
    const [a, b, c] = cycleEpics as [Issue, Issue, Issue];
    add(LINK.blocks, a.key, b.key);
    add(LINK.blocks, b.key, c.key);
    add(LINK.blocks, c.key, a.key);
    cycle.push(a.key, b.key, c.key, a.key);
  }

  // Every other dependency runs forward in one random order, so the cycle above stays the only one.
  const acyclic = rnd.shuffle(programEpics.filter((e) => !cycleEpics.includes(e)));
  const order = new Map(acyclic.map((e, i) => [e.key, i]));
  const childOf = (epic: Issue): Issue | undefined => {
    const children = childrenByEpic.get(epic.key) ?? [];
    return children.length > 0 ? rnd.pick(children) : undefined;
  };
  let made = 0;
  for (let attempt = 0; made < o.links && attempt < o.links * 20 && acyclic.length >= 2; attempt++) {
    const first = rnd.pick(acyclic);
    const crossTeam = o.teams > 1 && rnd.chance(0.85);
    const others = acyclic.filter(
      (e) => e !== first && (crossTeam ? team(e) !== team(first) : team(e) === team(first)),
    );
    if (others.length === 0) continue;
    const second = rnd.pick(others);
    const [source, target] =
      (order.get(first.key) ?? 0) < (order.get(second.key) ?? 0) ? [first, second] : [second, first];
    const epicLevel = rnd.chance(0.4);
    const from = epicLevel ? source : childOf(source);
    const to = epicLevel ? target : childOf(target);
    if (from && to && add(LINK.blocks, from.key, to.key)) made++;
  }

  // Dependencies on work outside the program: each outside epic only blocks, or is only blocked, so no new cycle.
  const outsideLinks =
    outsideEpics.length === 0 || acyclic.length === 0 ? 0 : Math.max(2, Math.round(o.links / 10));
  for (let i = 0; i < outsideLinks; i++) {
    const outside = outsideEpics[i % outsideEpics.length] as Issue;
    const inside = rnd.pick(acyclic);
    const insideEnd = rnd.chance(0.5) ? inside : (childOf(inside) ?? inside);
    if (outsideEpics.indexOf(outside) % 2 === 0) add(LINK.blocks, outside.key, insideEnd.key);
    else add(LINK.blocks, insideEnd.key, outside.key);
  }

  // Links that are not dependencies.
  const allChildren = [...childrenByEpic.values()].flat();
  if (allChildren.length >= 2) {
    const others: [string, number][] = [
      [LINK.relates, Math.max(2, Math.round(o.links / 4))],
      [LINK.duplicate, 2],
      [LINK.cloners, 2],
      [LINK.problem, 2],
    ];
    for (const [typeId, count] of others) {
      for (let i = 0; i < count; i++) {
        const a = rnd.pick(allChildren);
        const b = rnd.pick(allChildren);
        add(typeId, a.key, b.key);
      }
    }
  }
  return { links, cycle };
}

function buildConfluence(
  rnd: Random,
  tpm: string,
  today: number,
): { spaces: Space[]; pages: Page[]; nextPageId: number } {
  let pageId = rnd.int(196_608, 999_999);
  const createdAt = isoDateTime(today - 400 * DAY + rnd.int(0, DAY));
  const version = { number: 1, createdAt, message: '', minorEdit: false, authorId: tpm };
  const page = (
    spaceId: string,
    title: string,
    parentId: string | null,
    body: string,
    position: number,
  ): Page => ({
    id: String(pageId++),
    spaceId,
    title,
    status: 'current',
    parentId,
    position,
    authorId: tpm,
    ownerId: tpm,
    createdAt,
    version: { ...version },
    body,
    properties: [],
  });
  const progId = String(rnd.int(65_536, 4_000_000));
  const engId = String(Number(progId) + rnd.int(1, 5000));
  const progHome = page(
    progId,
    'Programs',
    null,
    '<p>Home of the programs run with <strong>Programs for Jira &amp; Confluence</strong>.</p>',
    0,
  );
  const howTo = page(
    progId,
    'How we run programs',
    progHome.id,
    '<h2>Stages</h2><p>Initiation, planning every quarter, execution and completion.</p>',
    1,
  );
  const engHome = page(engId, 'Engineering', null, '<p>Engineering handbook.</p>', 0);
  const spaces: Space[] = [
    {
      id: progId,
      key: 'PROG',
      name: 'Programs',
      type: 'global',
      status: 'current',
      authorId: tpm,
      createdAt,
      homepageId: progHome.id,
      description: 'Program charters, plans and reports.',
    },
    {
      id: engId,
      key: 'ENG',
      name: 'Engineering',
      type: 'global',
      status: 'current',
      authorId: tpm,
      createdAt,
      homepageId: engHome.id,
      description: 'How engineering works.',
    },
  ];
  return { spaces, pages: [progHome, howTo, engHome], nextPageId: pageId + 10 };
}
