// Request schemas for the plan keys. Every object is strict: an unknown field is a bad payload.
import { z } from 'zod';
import {
  accountIdSchema,
  itemIdSchema,
  longText,
  requiredText,
  shortText,
} from '../domain/initiation/schemas';
import { requestOf, versionSchema } from './program-schemas';
import { ProgramIdSchema } from './schemas';

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'is a quarter like 2027-Q1');
// A baseline id becomes part of a KVS key: only the characters the app's own ids use.
const baselineId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a baseline id');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is a date like 2027-01-04')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a calendar date',
  );
const issueKey = z
  .string()
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'is an issue key like PAY-12');
const teamId = itemIdSchema;
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => u.startsWith('https://'), 'is an https:// link');

const ref = { programId: ProgramIdSchema, quarter };
const mutation = { ...ref, expectedVersion: versionSchema };

const calendarRequest = z
  .object({
    source: z.enum(['board', 'generated']),
    boardId: z.number().int().min(1).max(2_000_000_000).optional(),
    lengthDays: z.number().int().min(1).max(42).optional(),
    firstStart: isoDate.optional(),
  })
  .strict();

export const planSchemas = {
  list: z.object({ programId: ProgramIdSchema }).strict(),
  get: requestOf<'plan/get'>(z.object({ ...ref, baselineId: baselineId.optional() }).strict()),
  create: requestOf<'plan/create'>(
    z.object({ ...ref, calendar: calendarRequest.optional(), carryOver: z.boolean().optional() }).strict(),
  ),
  boards: z.object({ programId: ProgramIdSchema }).strict(),
  calendar: requestOf<'plan/calendar/set'>(z.object({ ...mutation, calendar: calendarRequest }).strict()),
  initiatives: z
    .object({
      ...mutation,
      initiatives: z
        .array(z.object({ key: issueKey, priority: z.number().int().min(1).max(10_000).nullable() }).strict())
        .max(500),
    })
    .strict(),
  estimates: requestOf<'plan/estimates/set'>(
    z
      .object({
        ...mutation,
        estimates: z
          .array(
            z
              .object({
                initiativeKey: issueKey,
                teamId,
                sprints: z.number().min(0.1).max(26).nullable(),
                load: z.number().min(0.1).max(10_000).optional(),
                storyPoints: z.number().min(0).max(100_000).nullable().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(500),
      })
      .strict(),
  ),
  pins: z
    .object({
      ...mutation,
      pins: z
        .array(
          z
            .object({ initiativeKey: issueKey, startSprint: z.number().int().min(0).max(52).nullable() })
            .strict(),
        )
        .min(1)
        .max(500),
    })
    .strict(),
  session: z
    .object({
      ...mutation,
      session: z
        .object({
          date: isoDate.nullable(),
          attendees: z.array(accountIdSchema).max(200),
          outcome: longText,
        })
        .strict(),
    })
    .strict(),
  commitments: requestOf<'plan/commitments/set'>(
    z
      .object({
        ...mutation,
        commitments: z
          .array(
            z
              .object({
                from: issueKey,
                to: issueKey,
                status: z.enum(['proposed', 'committed', 'declined', 'at-risk']),
                reason: longText.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
  ),
  saveCriterion: requestOf<'plan/success-criteria/save'>(
    z
      .object({
        ...mutation,
        id: itemIdSchema.optional(),
        fields: z
          .object({
            statement: requiredText,
            metric: requiredText,
            target: requiredText,
            goalIds: z.array(itemIdSchema).max(50),
          })
          .strict(),
      })
      .strict(),
  ),
  deleteCriterion: z.object({ ...mutation, id: itemIdSchema }).strict(),
  communication: requestOf<'plan/communication/update'>(
    z
      .object({
        ...mutation,
        communication: z
          .object({
            slackChannelUrl: httpsUrl
              .refine(
                (u) => /^https:\/\/[a-z0-9-]+\.slack\.com\//i.test(u),
                'is a Slack link (https://….slack.com/…)',
              )
              .nullable(),
            confluenceSpaceKey: z
              .string()
              .regex(/^~?[A-Za-z0-9]{1,255}$/, 'is a Confluence space key')
              .nullable(),
            otherChannels: z
              .array(z.object({ name: requiredText, url: httpsUrl.nullable() }).strict())
              .max(20),
            meetings: z
              .array(
                z
                  .object({
                    id: itemIdSchema.optional(),
                    name: requiredText,
                    cadence: z.enum(['daily', 'weekly', 'biweekly', 'monthly', 'quarterly']),
                    audience: shortText,
                    ownerAccountId: accountIdSchema.nullable(),
                  })
                  .strict(),
              )
              .max(50),
            reportCadence: z.enum(['weekly', 'biweekly', 'monthly']),
          })
          .strict(),
      })
      .strict(),
  ),
  okrLink: z.object({ ...mutation, teamId, url: httpsUrl.nullable() }).strict(),
  teamOkrs: z.object(ref).strict(),
  freeze: requestOf<'plan/baseline/freeze'>(z.object({ ...mutation, note: shortText.optional() }).strict()),
  baseline: z.object({ ...ref, baselineId }).strict(),
};
