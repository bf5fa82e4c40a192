// The shapes of initiation artifacts with their limits, shared by request validation and the store.
// Limits keep every stored value far below the 240 KiB KVS limit.
import { z } from 'zod';
import { STRATEGY_LEVELS, type StrategyLevel } from '../funnel/funnel';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../milestones/milestone';
import { PROGRAM_STAGES, type ProgramStage } from '../program/program';
import { RISK_STATUSES, type RiskStatus } from '../risks/risk';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

export const stageSchema = enumOf<ProgramStage>(PROGRAM_STAGES);
export const strategyLevelSchema = enumOf<StrategyLevel>(STRATEGY_LEVELS);
export const milestoneStatusSchema = enumOf<MilestoneStatus>(MILESTONE_STATUSES);
export const riskStatusSchema = enumOf<RiskStatus>(RISK_STATUSES);

export const LIMITS = {
  shortText: 200,
  longText: 8000,
  listItems: 50,
  itemsPerKind: 200,
  history: 20,
} as const;

export const shortText = z.string().trim().max(LIMITS.shortText);
export const requiredText = shortText.min(1, 'is required');
export const longText = z.string().max(LIMITS.longText);
export const accountIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9:_-]+$/, 'is not an Atlassian account id');
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is a date like 2027-03-31')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a real date',
  );
export const issueKeySchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'is an issue key like PAY-12');
export const itemIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an item id');
export const scoreSchema = z.number().int().min(1).max(5);

const uniqueList = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .max(LIMITS.listItems)
    .transform((list) => [...new Set(list)] as z.infer<T>[]);

export const keyResultSchema = z.object({
  id: itemIdSchema,
  description: requiredText,
  metric: shortText,
  target: shortText,
});

export const strategyFields = z.object({
  level: strategyLevelSchema,
  name: requiredText,
  objective: requiredText,
  keyResults: z.array(keyResultSchema).max(20),
});

export const strategicInitiativeFields = z.object({
  name: requiredText,
  description: longText,
  strategyIds: uniqueList(itemIdSchema),
  epicKeys: z
    .array(issueKeySchema)
    .max(500)
    .transform((l) => [...new Set(l)]),
});

export const goalFields = z.object({
  statement: requiredText,
  metric: shortText,
  baseline: shortText,
  target: shortText,
  dueDate: isoDateSchema,
});

export const milestoneFields = z.object({
  name: requiredText,
  targetDate: isoDateSchema,
  initiativeKeys: z
    .array(issueKeySchema)
    .max(200)
    .transform((l) => [...new Set(l)]),
  status: milestoneStatusSchema,
});

export const riskFields = z.object({
  title: requiredText,
  probability: scoreSchema,
  impact: scoreSchema,
  ownerAccountId: accountIdSchema.nullable(),
  mitigation: longText,
  status: riskStatusSchema,
});

/** The fields of each kind of Initiation item, as an owner edits them. */
export const ITEM_FIELDS = {
  strategy: strategyFields,
  'strategic-initiative': strategicInitiativeFields,
  goal: goalFields,
  milestone: milestoneFields,
  risk: riskFields,
} as const;

export const teamFields = z.object({
  name: requiredText,
  jiraTeam: shortText,
  leadAccountId: accountIdSchema.nullable(),
  capacityPerSprint: z.number().finite().min(0).max(10000),
});

export const agreementSchema = z.object({
  agreedBy: z.array(accountIdSchema).max(LIMITS.listItems),
  at: z.string(),
  recordedBy: z.string(),
  note: longText,
});
