import { z } from 'zod';

/** Program ids are slugs: they appear in KVS keys, issue properties and JQL. */
export const ProgramIdSchema = z
  .string()
  .trim()
  .min(1, 'programId is required')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'programId has only lower-case letters, digits and dashes');
