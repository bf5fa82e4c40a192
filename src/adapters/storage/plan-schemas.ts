// The stored quarter plan and baseline, read back through zod: what was written is what is read.
import { z } from 'zod';

const sprint = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  index: z.number().int(),
  source: z.enum(['board', 'generated']),
  boardSprintId: z.number().optional(),
  clipped: z.boolean().optional(),
});
const commitmentStatus = z.enum(['proposed', 'committed', 'declined', 'at-risk']);
const initiative = z.object({ key: z.string(), priority: z.number().nullable(), carriedOver: z.boolean() });
const estimate = z.object({
  initiativeKey: z.string(),
  teamId: z.string(),
  sprints: z.number(),
  load: z.number(),
  storyPoints: z.number().nullable(),
  by: z.string(),
  at: z.string(),
});
const commitment = z.object({
  from: z.string(),
  to: z.string(),
  status: commitmentStatus,
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
const baselineSummary = z.object({
  id: z.string(),
  frozenAt: z.string(),
  frozenBy: z.string(),
  note: z.string(),
  planVersion: z.number().int(),
});

export const StoredPlanRecord = z.object({
  programId: z.string(),
  quarter: z.string(),
  calendar: z.object({
    source: z.enum(['board', 'generated']),
    boardId: z.number().nullable(),
    boardName: z.string().nullable(),
    lengthDays: z.number(),
    firstStart: z.string().nullable(),
    sprints: z.array(sprint),
    refreshedAt: z.string(),
  }),
  initiatives: z.array(initiative),
  estimates: z.array(estimate),
  pins: z.array(
    z.object({ initiativeKey: z.string(), startSprint: z.number().int(), by: z.string(), at: z.string() }),
  ),
  session: z.object({
    date: z.string().nullable(),
    attendees: z.array(z.string()),
    outcome: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  }),
  commitments: z.array(commitment),
  successCriteria: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      metric: z.string(),
      target: z.string(),
      goalIds: z.array(z.string()),
    }),
  ),
  communication: z.object({
    slackChannelUrl: z.string().nullable(),
    confluenceSpaceKey: z.string().nullable(),
    otherChannels: z.array(z.object({ name: z.string(), url: z.string().nullable() })),
    meetings: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        cadence: z.enum(['daily', 'weekly', 'biweekly', 'monthly', 'quarterly']),
        audience: z.string(),
        ownerAccountId: z.string().nullable(),
      }),
    ),
    reportCadence: z.enum(['weekly', 'biweekly', 'monthly']),
  }),
  okrLinks: z.array(z.object({ teamId: z.string(), url: z.string() })),
  baselines: z.array(baselineSummary),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const StoredBaselineRecord = baselineSummary.extend({
  quarter: z.string(),
  sprints: z.array(sprint),
  initiatives: z.array(initiative),
  estimates: z.array(estimate),
  commitments: z.array(commitment),
  schedule: z.array(
    z.object({ key: z.string(), startSprint: z.number().nullable(), endSprint: z.number().nullable() }),
  ),
});
