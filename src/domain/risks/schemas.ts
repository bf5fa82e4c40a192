// The stored shape of a risk: the register's fields plus what detection, history and problems add. Read
// without request transforms, every addition optional, so risks stored before them still read.
import { z } from 'zod';
import { riskFields, riskStatusSchema } from '../initiation/schemas';

const statusChange = z.object({
  at: z.string(),
  by: z.string().nullable(),
  from: riskStatusSchema.nullable(),
  to: riskStatusSchema,
  note: z.string(),
});

const problem = z.object({
  description: z.string(),
  ownerAccountId: z.string(),
  resolution: z.string(),
  happenedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const storedRiskSchema = riskFields.extend({
  id: z.string(),
  source: z.enum(['manual', 'detected']),
  // A string, not the rule ids of today: a risk found by a rule since retired must still read.
  rule: z.string().optional(),
  fingerprint: z.string().optional(),
  reason: z.string().optional(),
  initiativeKeys: z.array(z.string()).optional(),
  teamIds: z.array(z.string()).optional(),
  detectedAt: z.string().optional(),
  clearedAt: z.string().optional(),
  history: z.array(statusChange).optional(),
  problem: problem.optional(),
});
