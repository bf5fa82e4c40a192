// Request schemas for the program keys; field shapes and limits come from the domain's schemas.
import { z } from 'zod';
import type { RequestOf, ResolverKey } from '../contract';
import {
  accountIdSchema,
  ITEM_FIELDS,
  itemIdSchema,
  longText,
  requiredText,
  shortText,
  stageSchema,
  teamFields,
} from '../domain/initiation/schemas';
import { ProgramIdSchema } from './schemas';

/**
 * Narrows a schema to the contract's request type. zod reads optional keys as `T | undefined`, which
 * exactOptionalPropertyTypes keeps apart from `T?`; the shapes are the same, so the cast is safe.
 */
export const requestOf = <K extends ResolverKey>(schema: z.ZodType): z.ZodType<RequestOf<K>> =>
  schema as z.ZodType<RequestOf<K>>;

export const versionSchema = z.number().int().min(1).max(2_000_000_000);
export const scopeJqlSchema = z.string().trim().min(1, 'is required').max(2000);
const personSchema = z.object({ accountId: accountIdSchema, displayName: shortText }).strict();
const accountList = z
  .array(accountIdSchema)
  .max(50)
  .transform((l) => [...new Set(l)]);
const linkTypeName = z.string().trim().min(1).max(100);

const program = { programId: ProgramIdSchema };
const versioned = { ...program, expectedVersion: versionSchema };

export const createProgramSchema = z
  .object({
    id: ProgramIdSchema,
    name: requiredText,
    scopeJql: scopeJqlSchema,
    description: longText.optional(),
  })
  .strict();

export const programRefSchema = z.object(program).strict();

export const updateProgramSchema = z
  .object({
    ...versioned,
    changes: z
      .object({
        name: requiredText.optional(),
        description: longText.optional(),
        expectedBenefits: longText.optional(),
        resourcesNeeded: longText.optional(),
        scopeJql: scopeJqlSchema.optional(),
        dependencyLinkTypes: z
          .array(linkTypeName)
          .min(1, 'name at least one link type')
          .max(20)
          .transform((l) => [...new Set(l)])
          .optional(),
        archived: z.boolean().optional(),
      })
      .strict()
      .refine((c) => Object.values(c).some((v) => v !== undefined), 'change at least one field'),
  })
  .strict();

export const updatePartiesSchema = z
  .object({
    ...versioned,
    parties: z
      .object({
        owners: accountList,
        sponsor: accountIdSchema.nullable(),
        stakeholders: accountList,
        people: z.array(personSchema).max(200),
      })
      .strict(),
  })
  .strict();

export const saveTeamSchema = z
  .object({ ...versioned, teamId: itemIdSchema.optional(), team: teamFields.strict() })
  .strict();
export const deleteTeamSchema = z.object({ ...versioned, teamId: itemIdSchema }).strict();

export const moveStageSchema = z
  .object({ ...versioned, to: stageSchema, overrideReason: z.string().trim().max(2000).optional() })
  .strict();

/** Create when `id` is absent; update (with the version read) when it is given. */
export const saveItemSchema = (fields: z.ZodObject) =>
  z
    .object({
      ...program,
      id: itemIdSchema.optional(),
      expectedVersion: versionSchema.optional(),
      fields: fields.strict(),
    })
    .strict()
    .refine((r) => (r.id === undefined) === (r.expectedVersion === undefined), {
      message: 'give id and expectedVersion together to update, neither to create',
      path: ['expectedVersion'],
    });

export const deleteItemSchema = z.object({ ...versioned, id: itemIdSchema }).strict();
export const agreeItemSchema = z
  .object({ ...versioned, id: itemIdSchema, agreedBy: accountList, note: longText })
  .strict();

export { ITEM_FIELDS };

/** An unpaired surrogate cannot be URL-encoded into Jira's query: refuse it rather than fail upstream. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const userSearchSchema = z
  .object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((q) => !LONE_SURROGATE.test(q), 'has a broken character (a lone UTF-16 surrogate)'),
  })
  .strict();
