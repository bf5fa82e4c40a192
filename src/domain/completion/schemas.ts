// The shapes of the Completion records with their limits, shared by request validation and the store.
// Limits keep every stored value far below the 240 KiB KVS limit.
import { z } from 'zod';
import { accountIdSchema, isoDateSchema, itemIdSchema } from '../initiation/schemas';
import { parseEvidence, webLink } from './evidence';
import {
  ACTION_STATUSES,
  LESSON_CATEGORIES,
  SUPPORT_LINK_KINDS,
  VERDICTS,
  type ActionStatus,
  type LessonCategory,
  type SupportLinkKind,
  type Verdict,
} from './types';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

export const COMPLETION_LIMITS = {
  text: 2000,
  shortText: 200,
  evidence: 20,
  handoverItems: 100,
  links: 30,
  lessons: 200,
  actions: 200,
} as const;

const text = z.string().trim().max(COMPLETION_LIMITS.text);
const requiredText = text.min(1, 'is required');
const shortText = z.string().trim().max(COMPLETION_LIMITS.shortText);

export const verdictSchema = enumOf<Verdict>(VERDICTS);
export const lessonCategorySchema = enumOf<LessonCategory>(LESSON_CATEGORIES);
export const actionStatusSchema = enumOf<ActionStatus>(ACTION_STATUSES);
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'is a quarter like 2027-Q1');

export const subjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('goal'), goalId: itemIdSchema }).strict(),
  z.object({ kind: z.literal('criterion'), quarter: quarterSchema, criterionId: itemIdSchema }).strict(),
]);

/** One evidence line as typed: an issue key or an http(s) link (read with `parseEvidence`). */
export const evidenceInput = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(2000)
  .refine(
    (value) => parseEvidence(value) !== null,
    'is neither an issue key like PAY-12 nor an http(s) link',
  );

export const assessmentFieldsInput = z
  .object({
    verdict: verdictSchema,
    measuredValue: shortText,
    evidence: z.array(evidenceInput).max(COMPLETION_LIMITS.evidence),
    note: text,
  })
  .strict();

export const lessonFieldsInput = z
  .object({ category: lessonCategorySchema, whatHappened: requiredText, learned: requiredText })
  .strict();

export const actionFieldsInput = z
  .object({
    action: requiredText,
    ownerAccountId: accountIdSchema,
    dueDate: isoDateSchema,
    status: actionStatusSchema,
    lessonId: itemIdSchema.nullable(),
  })
  .strict();

const httpLink = z
  .string()
  .trim()
  .min(1, 'is required')
  .refine((u) => webLink(u) !== null, 'is not an http(s) link');

export const supportLinkSchema = z
  .object({ kind: enumOf<SupportLinkKind>(SUPPORT_LINK_KINDS), label: shortText, url: httpLink })
  .strict();

export const handoverFieldsInput = z
  .object({
    receivingTeam: shortText,
    contactAccountId: accountIdSchema.nullable(),
    /** One line each: an issue key, or a description of what is handed over. */
    items: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'is empty')
          .max(COMPLETION_LIMITS.shortText * 2),
      )
      .max(COMPLETION_LIMITS.handoverItems),
    links: z.array(supportLinkSchema).max(COMPLETION_LIMITS.links),
    handoverDate: isoDateSchema.nullable(),
    /** Set to say no transition to support is needed, and why. */
    waiverReason: text.nullable(),
  })
  .strict();

// Stored shapes: read back as written, without the request transforms.
const storedEvidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue'), key: z.string() }),
  z.object({ kind: z.literal('link'), url: z.string() }),
]);
const storedSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('goal'), goalId: z.string() }),
  z.object({ kind: z.literal('criterion'), quarter: z.string(), criterionId: z.string() }),
]);
const stamped = {
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
};

export const storedAssessment = z.object({
  id: z.string(),
  subject: storedSubject,
  verdict: verdictSchema,
  measuredValue: z.string(),
  evidence: z.array(storedEvidence),
  note: z.string(),
  assessedBy: z.string(),
  assessedAt: z.string(),
});

export const storedLesson = z.object({
  id: z.string(),
  category: lessonCategorySchema,
  whatHappened: z.string(),
  learned: z.string(),
  ...stamped,
});

export const storedAction = z.object({
  id: z.string(),
  action: z.string(),
  ownerAccountId: z.string(),
  dueDate: z.string(),
  status: actionStatusSchema,
  lessonId: z.string().nullable(),
  ...stamped,
});

export const storedHandover = z.object({
  id: z.string(),
  receivingTeam: z.string(),
  contactAccountId: z.string().nullable(),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('issue'), key: z.string() }),
      z.object({ kind: z.literal('description'), text: z.string() }),
    ]),
  ),
  links: z.array(
    z.object({ kind: enumOf<SupportLinkKind>(SUPPORT_LINK_KINDS), label: z.string(), url: z.string() }),
  ),
  handoverDate: z.string().nullable(),
  waiver: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  acceptance: z.object({
    status: z.enum(['pending', 'accepted', 'rejected']),
    by: z.string().nullable(),
    at: z.string().nullable(),
    note: z.string(),
  }),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
