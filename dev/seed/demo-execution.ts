// The demo program in execution. A plan of the quarter `now` falls in (generated two-week sprints), estimated
// and committed at an alignment session before the quarter began, its baseline frozen then; the program moved
// on to execution through the app's own stage gate; and the emulated Jira made to match the plan: work the
// baseline put before today's sprint is done (resolved in its sprints), work spanning today is under way with
// the share of its children done that the elapsed sprints call for, the rest has not started. One initiative
// that should have finished is still under way, so the adjusted plan and the status have something to show.
// Run inside the local Forge runtime as the TPM. Idempotent: an existing plan is kept, and the emulator (which
// starts fresh every run) is made to match it again.
import { randomUUID } from 'node:crypto';
import { getBoardsOfProject, getSprintsOfBoard } from '../../src/adapters/jira/agile';
import {
  getCommitmentsProperty,
  setCommitmentsProperty,
} from '../../src/adapters/jira/commitment-properties';
import { ForgeJiraAdapter } from '../../src/adapters/jira/jira-adapter';
import { KvsPlanStore } from '../../src/adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import type { Sprint } from '../../src/domain/calendar/types';
import { quarterFirstMonday, quarterOf } from '../../src/domain/calendar/quarter';
import { sprintIndexOn } from '../../src/domain/execution/state';
import { newMilestone } from '../../src/domain/milestones/milestone';
import { mergeCommitmentProperty, type Baseline, type QuarterPlan } from '../../src/domain/plan';
import { AtlassianApiError } from '../../src/ports/atlassian-errors';
import type { PlanDeps } from '../../src/services/plan/deps';
import {
  createPlan,
  freezeBaseline,
  saveSuccessCriterion,
  setCommitments,
  setEstimates,
  setInitiatives,
  updateSession,
} from '../../src/services/plan/plan-mutations';
import { loadPlanScope } from '../../src/services/plan/plan-view';
import { moveProgramStage } from '../../src/services/program/program-admin';
import { DEMO_PROGRAM, DEMO_USERS } from './index';
import type { Issue, SiteData } from './types';

/** The note of the baseline the demo freezes at its alignment session. */
export const DEMO_BASELINE_NOTE = 'Agreed at the alignment session';
const PILOT_MILESTONE = 'ms-pilot';
const DAY = 86_400_000;

/** What the demo's execution looks like, for the console and for tests. */
export interface DemoExecution {
  quarter: string;
  /** Today's sprint (index in the quarter's calendar). */
  currentSprint: number;
  /** The initiative the demo keeps under way past its baseline end. */
  late: string | null;
  /** A dependency to move late: `upstream` is under way, `dependent` waits for it and has not started. */
  move: { upstream: string; dependent: string; targetEnd: string } | null;
}

/** The emulator the demo makes consistent: its live data to read, its admin API to change issues. */
export interface DemoEmulator {
  url: string;
  site(): SiteData;
}

const accountOf = (email: string): string => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.accountId;
};

function demoDeps(now: () => string): PlanDeps {
  let n = 0;
  return {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira: new ForgeJiraAdapter({ actor: 'user' }),
    agile: { boardsOfProject: getBoardsOfProject, sprintsOfBoard: getSprintsOfBoard },
    commitmentsProperty: { get: getCommitmentsProperty, set: setCommitmentsProperty },
    accountId: accountOf('tpm@example.com'),
    now,
    newId: () => `demo${++n}${randomUUID().slice(0, 4)}`,
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: string, hour: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`).getTime();

export async function seedDemoExecution(
  emulator: DemoEmulator,
  now: () => Date = () => new Date(),
): Promise<DemoExecution | null> {
  const today = now();
  const quarter = quarterOf(isoDay(today.getTime()));
  // The alignment session: the Thursday before the quarter's first sprint (or now, if that is earlier).
  const firstMonday = at(quarterFirstMonday(quarter), 9);
  const plannedAt = Math.min(firstMonday - 4 * DAY, today.getTime() - DAY);
  const startedAt = Math.min(firstMonday, today.getTime() - 3_600_000);
  const iso = (ms: number) => () => new Date(ms).toISOString();
  const deps = demoDeps(iso(plannedAt));
  const programId = DEMO_PROGRAM.id;
  if (!(await deps.programs.get(programId))) return null;
  try {
    await moveTo(deps, programId, 'planning', plannedAt - 7 * DAY);
    let plan = await deps.plans.get(programId, quarter);
    if (!plan) plan = await buildPlan(deps, programId, quarter);
    await moveTo(deps, programId, 'execution', startedAt);
    const agreed = plan.baselines.find((b) => b.note === DEMO_BASELINE_NOTE) ?? plan.baselines[0];
    const baseline = agreed ? await deps.plans.getBaseline(programId, quarter, agreed.id) : undefined;
    if (!baseline) return null;
    await mirrorCommitments(deps, plan);
    const program = await deps.programs.get(programId);
    const scope = program ? await loadPlanScope(deps, program) : { edges: [] };
    const facts = await matchJira(emulator, plan, baseline, scope.edges, today);
    await addPilotMilestone(deps, plan, baseline, facts);
    return facts;
  } catch (error) {
    // Against a real site the demo program's epics do not exist: nothing to seed.
    if (error instanceof AtlassianApiError) return null;
    throw error;
  }
}

/** Moves the program one stage on through the stage gate, when it is one stage before `to`. */
async function moveTo(deps: PlanDeps, programId: string, to: 'planning' | 'execution', when: number) {
  const program = await deps.programs.get(programId);
  const from = to === 'planning' ? 'initiation' : 'planning';
  if (program?.stage !== from) return;
  await moveProgramStage(
    { programs: deps.programs, now: () => new Date(when).toISOString(), newId: deps.newId },
    deps.accountId,
    {
      programId,
      expectedVersion: program.version,
      to,
      // Only recorded when the gate finds something missing.
      overrideReason:
        'Demo: the sponsor agrees the launch goal and the milestones at the first steering review.',
    },
  );
}

async function buildPlan(deps: PlanDeps, programId: string, quarter: string): Promise<QuarterPlan> {
  const ref = { programId, quarter };
  let view = await createPlan(deps, {
    ...ref,
    calendar: { source: 'generated', lengthDays: 14 },
    carryOver: false,
  });
  const owned = view.candidates.filter((c) => c.teamId !== null);
  view = await setInitiatives(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    initiatives: owned.map((c, i) => ({ key: c.key, priority: i % 5 === 0 ? 1 + (i % 3) : null })),
  });
  view = await setEstimates(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    estimates: view.initiatives
      .filter((i) => i.teamId !== null)
      .map((i, n) => {
        const sprints = 1 + (n % 2);
        return {
          initiativeKey: i.key,
          teamId: i.teamId ?? '',
          sprints,
          storyPoints: sprints * (4 + ((n * 5) % 7)),
        };
      }),
  });
  view = await updateSession(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    session: {
      date: deps.now().slice(0, 10),
      attendees: [
        'tpm@example.com',
        'lead.payments@example.com',
        'lead.identity@example.com',
        'lead.mobile@example.com',
        'lead.data@example.com',
        'lead.platform@example.com',
      ].map(accountOf),
      outcome: 'Every cross-team dependency committed; one is at risk on a vendor date.',
    },
  });
  const crossTeam = view.dependencies.filter((d) => d.commitment !== null && d.fromTeamId !== null);
  if (crossTeam.length > 0)
    view = await setCommitments(deps, {
      ...ref,
      expectedVersion: view.plan.version,
      commitments: crossTeam.map((d, i) =>
        i === 2
          ? {
              from: d.from,
              to: d.to,
              status: 'at-risk' as const,
              reason: 'Waits for the card vendor’s sandbox.',
            }
          : { from: d.from, to: d.to, status: 'committed' as const },
      ),
    });
  view = await saveSuccessCriterion(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    fields: {
      statement: 'One checkout live for the pilot markets',
      metric: 'pilot markets on the new checkout',
      target: '2',
      goalIds: ['goal-conversion'],
    },
  });
  view = await freezeBaseline(deps, { ...ref, expectedVersion: view.plan.version, note: DEMO_BASELINE_NOTE });
  return view.plan;
}

/** The emulator starts empty of issue properties: the plan's commitments go back onto the epics. */
async function mirrorCommitments(deps: PlanDeps, plan: QuarterPlan): Promise<void> {
  const recorded = plan.commitments.filter((c) => c.by !== null);
  for (const key of [...new Set(recorded.flatMap((c) => [c.from, c.to]))]) {
    const value = mergeCommitmentProperty(
      await deps.commitmentsProperty.get(key),
      key,
      plan.programId,
      plan.quarter,
      recorded,
    );
    await deps.commitmentsProperty.set(key, value);
  }
}

type Progress = 'done' | 'under-way' | 'late' | 'not-started';

interface IssueChange {
  status: 'To Do' | 'In Progress' | 'Done';
  resolutionDate?: string;
  startDate?: string | null;
  targetStart?: string | null;
  targetEnd?: string | null;
  dueDate?: string | null;
}

/** Epic children as the app reads them: through `parent`, or the legacy Epic Link. */
function childrenOf(site: SiteData, epicKey: string): Issue[] {
  return site.issues.filter((i) => i.parentKey === epicKey || i.epicLinkKey === epicKey);
}

/** Children to mark done so at least `share` of the work (points when any child has some) is done. */
function childrenDone(children: readonly Issue[], share: number): Set<string> {
  const pointed = children.filter((c) => (c.storyPoints ?? 0) > 0);
  const measured = pointed.length > 0 ? pointed : children;
  const size = (c: Issue) => (pointed.length > 0 ? (c.storyPoints ?? 0) : 1);
  const total = measured.reduce((sum, c) => sum + size(c), 0);
  const done = new Set<string>();
  let sum = 0;
  // Largest first, never the last open one: under way means something is still open.
  for (const c of [...measured].sort((a, b) => size(b) - size(a) || a.key.localeCompare(b.key))) {
    if (sum >= share * total || done.size >= measured.length - 1) break;
    done.add(c.key);
    sum += size(c);
  }
  // Unmeasured children follow the measured ones' progress.
  children
    .filter((c) => !measured.includes(c))
    .forEach((c, i, rest) => {
      if (i < Math.floor(rest.length * share)) done.add(c.key);
    });
  return done;
}

async function patch(emulator: DemoEmulator, key: string, change: IssueChange): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/issues/${encodeURIComponent(key)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`The emulator refused to change ${key}: ${await response.text()}`);
}

/** Makes every chosen epic and its children agree with the baseline and today's sprint. */
async function matchJira(
  emulator: DemoEmulator,
  plan: QuarterPlan,
  baseline: Baseline,
  dependencies: readonly { from: string; to: string }[],
  today: Date,
): Promise<DemoExecution> {
  const sprints: readonly Sprint[] = plan.calendar.sprints;
  const current = Math.max(0, Math.min(sprintIndexOn(sprints, isoDay(today.getTime())), sprints.length));
  const past = (ms: number) => new Date(Math.min(ms, today.getTime() - 2 * 3_600_000)).toISOString();
  const windows = new Map(
    baseline.schedule
      .filter((e) => e.startSprint !== null && e.endSprint !== null)
      .map((e) => [e.key, { start: e.startSprint!, end: e.endSprint! }]),
  );
  const edges = dependencies.filter((e) => windows.has(e.from) && windows.has(e.to));

  // The slip: finished last sprint in the baseline, with the most work waiting for it.
  const candidates = [...windows].filter(([, w]) => w.end === current - 1).map(([key]) => key);
  const waiting = (key: string) => edges.filter((e) => e.from === key).length;
  const late =
    candidates.sort((a, b) => waiting(b) - waiting(a) || a.localeCompare(b, 'en', { numeric: true }))[0] ??
    null;

  const progressOf = (key: string): Progress => {
    const w = windows.get(key);
    if (!w || w.start > current) return 'not-started';
    if (key === late) return 'late';
    return w.end < current ? 'done' : 'under-way';
  };

  const site = emulator.site();
  for (const { key } of plan.initiatives) {
    const w = windows.get(key);
    const progress = progressOf(key);
    const first = w ? sprints[w.start] : undefined;
    const last = w ? sprints[w.end] : undefined;
    const dates = {
      startDate: first?.start ?? null,
      targetStart: first?.start ?? null,
      targetEnd: last?.end ?? null,
      dueDate: last?.end ?? null,
    };
    const children = childrenOf(site, key);
    if (progress === 'done' && w && last) {
      await patch(emulator, key, { status: 'Done', resolutionDate: past(at(last.end, 15) - DAY), ...dates });
      for (const [i, child] of children.entries()) {
        const sprint = sprints[w.start + (i % (w.end - w.start + 1))] ?? last;
        await patch(emulator, child.key, {
          status: 'Done',
          resolutionDate: past(at(sprint.end, 11) - 2 * DAY),
        });
      }
      continue;
    }
    if (progress === 'not-started') {
      await patch(emulator, key, { status: 'To Do', ...dates });
      for (const child of children) await patch(emulator, child.key, { status: 'To Do' });
      continue;
    }
    // Under way: the elapsed share of its window done (the slip: two thirds, and not finished).
    const span = w ? w.end - w.start + 1 : 1;
    const share = progress === 'late' ? 2 / 3 : w ? (current - w.start) / span : 0;
    const done = childrenDone(children, share);
    await patch(emulator, key, { status: 'In Progress', ...dates });
    let started = false;
    const elapsed = w ? current - w.start : 0;
    for (const [i, child] of children.entries()) {
      if (done.has(child.key)) {
        // Resolved in the sprints already behind it, else earlier today.
        const sprint = w && elapsed > 0 ? sprints[w.start + (i % elapsed)] : undefined;
        const when = sprint ? at(sprint.end, 11) - 2 * DAY : today.getTime();
        await patch(emulator, child.key, { status: 'Done', resolutionDate: past(when) });
      } else {
        await patch(emulator, child.key, { status: started ? 'To Do' : 'In Progress' });
        started = true;
      }
    }
  }

  // A dependency the demo can move late: under way upstream, a dependent starting right after it.
  const move =
    edges
      .filter((e) => progressOf(e.from) === 'under-way' && progressOf(e.to) === 'not-started')
      .map((e) => ({ ...e, up: windows.get(e.from)!, down: windows.get(e.to)! }))
      .filter(({ up, down }) => down.start === up.end + 1 && up.end + 1 < sprints.length)
      // One sprint later: preferably one the dependent can still absorb inside the quarter.
      .sort((a, b) => Number(b.down.end + 1 < sprints.length) - Number(a.down.end + 1 < sprints.length))
      .map(({ from, to, up }) => ({
        upstream: from,
        dependent: to,
        targetEnd: sprints[up.end + 1]!.end,
      }))[0] ?? null;
  return { quarter: plan.quarter, currentSprint: current, late, move };
}

/** A milestone of this quarter over the slip and what waits for it, due when the baseline had them done. */
async function addPilotMilestone(
  deps: PlanDeps,
  plan: QuarterPlan,
  baseline: Baseline,
  facts: DemoExecution,
): Promise<void> {
  const programId = plan.programId;
  if (await deps.programs.getItem(programId, 'milestone', PILOT_MILESTONE)) return;
  const placed = baseline.schedule.filter((e) => e.endSprint !== null);
  const keys = [facts.late, facts.move?.dependent].filter((k): k is string => k !== null && k !== undefined);
  const initiativeKeys = keys.length > 0 ? keys : placed.slice(0, 2).map((e) => e.key);
  const end = Math.max(
    ...placed.filter((e) => initiativeKeys.includes(e.key)).map((e) => e.endSprint ?? 0),
    0,
  );
  const targetDate = plan.calendar.sprints[end]?.end;
  if (!targetDate || initiativeKeys.length === 0) return;
  await deps.programs.createItem(
    programId,
    'milestone',
    newMilestone(
      PILOT_MILESTONE,
      { name: 'Pilot markets on the new checkout', targetDate, initiativeKeys },
      'planned',
    ),
  );
}
