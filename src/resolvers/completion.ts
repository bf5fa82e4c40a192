// Completion keys: the records and analysis, assessments, lessons, improvement actions, the handover and its
// answer, closing and reopening. Every payload is strict: an unknown field is a bad payload.
import { randomUUID } from 'node:crypto';
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { KvsPublishStore } from '../adapters/confluence/kvs-publish-store';
import { pushPublishEvents } from '../adapters/events/publish-queue';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsPlanStore } from '../adapters/storage/kvs-plan-store';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import {
  actionFieldsInput,
  assessmentFieldsInput,
  handoverFieldsInput,
  lessonFieldsInput,
  subjectSchema,
} from '../domain/completion/schemas';
import { itemIdSchema, longText } from '../domain/initiation/schemas';
import type { LinkTypeRef } from '../domain/scope/types';
import { getCompletion } from '../services/completion/completion-view';
import {
  answerHandoverRequest,
  closeProgram,
  deleteAction,
  deleteLesson,
  reopenProgram,
  saveAction,
  saveAssessment,
  saveHandover,
  saveLesson,
} from '../services/completion/completion-mutations';
import type { CompletionDeps } from '../services/completion/deps';
import { queueClosingPublish } from '../services/publishing/publish-scheduled';
import { forViewer, type BrowseCheckDeps } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver, type CallContext } from './define';
import { requestOf, versionSchema } from './program-schemas';
import { ProgramIdSchema } from './schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

/** Everything a Completion use case needs, as the caller. */
function completionDeps(context: CallContext, browse: BrowseCheckDeps): CompletionDeps {
  return {
    programs: new KvsProgramStore(),
    plans: new KvsPlanStore(),
    jira: new ForgeJiraAdapter({
      actor: 'user',
      fieldCache: fieldCacheFor(context.siteId),
      linkTypeCache: linkTypeCacheFor(context.siteId),
    }),
    accountId: context.accountId,
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
    browse,
  };
}

const ref = { programId: ProgramIdSchema };
/** A new record has no id; an edit names the record and the version it read. */
const saveOf = (fields: z.ZodType) =>
  z.union([
    z.object({ ...ref, fields }).strict(),
    z.object({ ...ref, id: itemIdSchema, expectedVersion: versionSchema, fields }).strict(),
  ]);
const deleteSchema = z.object({ ...ref, id: itemIdSchema, expectedVersion: versionSchema }).strict();

export const completionSchemas = {
  get: z.object(ref).strict(),
  assessment: requestOf<'completion/assessment/save'>(
    z
      .object({
        ...ref,
        subject: subjectSchema,
        expectedVersion: versionSchema.optional(),
        fields: assessmentFieldsInput,
      })
      .strict(),
  ),
  lesson: requestOf<'completion/lesson/save'>(saveOf(lessonFieldsInput)),
  action: requestOf<'completion/action/save'>(saveOf(actionFieldsInput)),
  handover: requestOf<'completion/handover/save'>(
    z.object({ ...ref, expectedVersion: versionSchema.optional(), fields: handoverFieldsInput }).strict(),
  ),
  accept: z
    .object({
      ...ref,
      expectedVersion: versionSchema,
      decision: z.enum(['accepted', 'rejected']),
      note: longText.max(2000),
    })
    .strict(),
  close: requestOf<'program/close'>(
    z
      .object({
        ...ref,
        expectedVersion: versionSchema,
        overrideReason: z.string().trim().max(2000).optional(),
      })
      .strict(),
  ),
  reopen: z.object({ ...ref, expectedVersion: versionSchema }).strict(),
};
const s = completionSchemas;

/** A Completion use case run as the caller, its answer cut to the projects they may browse. */
function forCaller<R, T extends object>(run: (deps: CompletionDeps, request: R) => Promise<T>) {
  return async (request: R, context: CallContext) => {
    const browse = browseCheckFor(context);
    return forViewer(browse, await run(completionDeps(context, browse), request));
  };
}

export function defineCompletionResolvers(resolver: Resolver): void {
  defineResolver(
    resolver,
    'completion/get',
    s.get,
    forCaller((deps, r) => getCompletion(deps, r.programId)),
  );
  defineResolver(resolver, 'completion/assessment/save', s.assessment, forCaller(saveAssessment));
  defineResolver(resolver, 'completion/lesson/save', s.lesson, forCaller(saveLesson));
  defineResolver(resolver, 'completion/lesson/delete', deleteSchema, forCaller(deleteLesson));
  defineResolver(resolver, 'completion/action/save', s.action, forCaller(saveAction));
  defineResolver(resolver, 'completion/action/delete', deleteSchema, forCaller(deleteAction));
  defineResolver(resolver, 'completion/handover/save', s.handover, forCaller(saveHandover));
  defineResolver(resolver, 'completion/handover/accept', s.accept, forCaller(answerHandoverRequest));
  defineResolver(
    resolver,
    'program/close',
    s.close,
    forCaller(async (deps, r) => {
      const closed = await closeProgram(deps, r);
      // The final publish runs as the app in its own invocation; the closing stands whatever the queue says.
      const closingReport = await queueClosingPublish(
        { records: new KvsPublishStore(), push: (body) => pushPublishEvents([body]) },
        closed,
      );
      return { ...closed, closingReport };
    }),
  );
  defineResolver(resolver, 'program/reopen', s.reopen, forCaller(reopenProgram));
}
