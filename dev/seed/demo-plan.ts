// The demo program's 2027-Q1 plan, built through the app's own plan use cases as the TPM: most initiatives
// estimated (a cycle and two unestimated ones stay unplaced, each with its reason), an alignment session
// with commitments (one declined), success criteria and a communication plan. Run inside the local Forge
// runtime. Idempotent: an existing plan is left alone; its commitments are mirrored onto the epics again,
// since the emulator starts empty while KVS may persist.
import { randomUUID } from 'node:crypto';
import { getBoardsOfProject, getSprintsOfBoard } from '../../src/adapters/jira/agile';
import {
  getCommitmentsProperty,
  setCommitmentsProperty,
} from '../../src/adapters/jira/commitment-properties';
import { ForgeJiraAdapter } from '../../src/adapters/jira/jira-adapter';
import { KvsPlanStore } from '../../src/adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import type { QuarterPlanView } from '../../src/contract';
import { mergeCommitmentProperty } from '../../src/domain/plan';
import { AtlassianApiError } from '../../src/ports/atlassian-errors';
import type { PlanDeps } from '../../src/services/plan/deps';
import {
  createPlan,
  saveSuccessCriterion,
  setCommitments,
  setEstimates,
  setInitiatives,
  updateCommunication,
  updateSession,
} from '../../src/services/plan/plan-mutations';
import { DEMO_PROGRAM, DEMO_USERS } from './index';

export const DEMO_PLAN_QUARTER = '2027-Q1';

const accountOf = (email: string): string => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.accountId;
};

function demoPlanDeps(now: () => Date): PlanDeps {
  let n = 0;
  return {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira: new ForgeJiraAdapter({ actor: 'user' }),
    agile: { boardsOfProject: getBoardsOfProject, sprintsOfBoard: getSprintsOfBoard },
    commitmentsProperty: { get: getCommitmentsProperty, set: setCommitmentsProperty },
    // The program's owner, whoever the runtime acts as towards Jira.
    accountId: accountOf('tpm@example.com'),
    now: () => now().toISOString(),
    newId: () => `demo${++n}${randomUUID().slice(0, 4)}`,
  };
}

export async function seedDemoPlan(now: () => Date = () => new Date()): Promise<void> {
  const deps = demoPlanDeps(now);
  const programId = DEMO_PROGRAM.id;
  if (!(await deps.programs.get(programId))) return;
  try {
    const existing = await deps.plans.get(programId, DEMO_PLAN_QUARTER);
    if (existing) {
      await mirrorAgain(
        deps,
        existing.commitments.filter((c) => c.by !== null),
        programId,
      );
      return;
    }
    await buildPlan(deps, programId);
  } catch (error) {
    // Against a real site the demo program's epics do not exist: no plan to seed.
    if (error instanceof AtlassianApiError) return;
    throw error;
  }
}

async function mirrorAgain(
  deps: PlanDeps,
  commitments: QuarterPlanView['plan']['commitments'],
  programId: string,
): Promise<void> {
  const keys = [...new Set(commitments.flatMap((c) => [c.from, c.to]))];
  for (const key of keys) {
    const value = mergeCommitmentProperty(
      await deps.commitmentsProperty.get(key),
      key,
      programId,
      DEMO_PLAN_QUARTER,
      commitments,
    );
    await deps.commitmentsProperty.set(key, value);
  }
}

async function buildPlan(deps: PlanDeps, programId: string): Promise<void> {
  const quarter = DEMO_PLAN_QUARTER;
  const ref = { programId, quarter };
  let view = await createPlan(deps, {
    ...ref,
    calendar: { source: 'generated', lengthDays: 14 },
    carryOver: false,
  });
  const keys = view.candidates.map((c) => c.key);
  if (keys.length < 6) return;
  view = await setInitiatives(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    initiatives: keys.map((key, i) => ({ key, priority: i % 4 === 0 ? 1 + (i % 3) : null })),
  });

  // Two initiatives wait for their estimates; the rest get 1–3 sprints and story points.
  const owned = view.initiatives.filter((i) => i.teamId !== null);
  const unestimated = new Set(owned.slice(-2).map((i) => i.key));
  const estimates = owned
    .filter((i) => !unestimated.has(i.key))
    .map((i, n) => {
      const sprints = 1 + (n % 3);
      return {
        initiativeKey: i.key,
        teamId: i.teamId ?? '',
        sprints,
        storyPoints: sprints * (6 + ((n * 7) % 9)),
      };
    });
  view = await setEstimates(deps, { ...ref, expectedVersion: view.plan.version, estimates });

  view = await updateSession(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    session: {
      date: '2026-12-09',
      attendees: [
        'tpm@example.com',
        'lead.payments@example.com',
        'lead.identity@example.com',
        'lead.mobile@example.com',
        'lead.data@example.com',
      ].map(accountOf),
      outcome: 'Teams committed to the cross-team dependencies except one, declined for capacity; see below.',
    },
  });

  const crossTeam = view.dependencies.filter((d) => d.commitment !== null && d.fromTeamId !== null);
  const answers = crossTeam.slice(0, 4).map((d, i) =>
    i === 1
      ? {
          from: d.from,
          to: d.to,
          status: 'declined' as const,
          reason: 'No capacity before March: the team is on the PCI audit.',
        }
      : i === 3
        ? { from: d.from, to: d.to, status: 'at-risk' as const, reason: 'Depends on a vendor API date.' }
        : { from: d.from, to: d.to, status: 'committed' as const },
  );
  if (answers.length > 0)
    view = await setCommitments(deps, { ...ref, expectedVersion: view.plan.version, commitments: answers });

  view = await saveSuccessCriterion(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    fields: {
      statement: 'Unified checkout live in two pilot markets',
      metric: 'markets live on the new checkout',
      target: '2 by 2027-03-31',
      goalIds: ['goal-conversion'],
    },
  });
  view = await saveSuccessCriterion(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    fields: {
      statement: 'Checkout p95 latency within budget',
      metric: 'p95 checkout latency (ms)',
      target: '≤ 800',
      goalIds: ['goal-conversion'],
    },
  });
  await updateCommunication(deps, {
    ...ref,
    expectedVersion: view.plan.version,
    communication: {
      slackChannelUrl: 'https://acme.slack.com/archives/C0ATLAS',
      confluenceSpaceKey: 'ATLAS',
      otherChannels: [],
      meetings: [
        {
          name: 'Program sync',
          cadence: 'weekly',
          audience: 'Team leads',
          ownerAccountId: accountOf('tpm@example.com'),
        },
        {
          name: 'Steering review',
          cadence: 'monthly',
          audience: 'Sponsor and stakeholders',
          ownerAccountId: accountOf('tpm@example.com'),
        },
      ],
      reportCadence: 'biweekly',
    },
  });
}
