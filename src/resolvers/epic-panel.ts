import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { searchJql } from '../adapters/jira/endpoints';
import { canEditIssue } from '../adapters/jira/permissions';
import { getMembershipProperty, setMembershipProperty } from '../adapters/jira/properties';
import { ForgeJiraAdapter, memoryFieldCaches, memorySiteCaches } from '../adapters/jira/jira-adapter';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import type { LinkTypeRef } from '../domain/scope/types';
import { loadEpicDependencies } from '../services/epic-panel/epic-dependencies';
import { loadProgramDependencies } from '../services/scope/load-program-dependencies';
import {
  changeEpicMembership,
  loadEpicPrograms,
  type EpicPanelDeps,
  type PanelEpic,
} from '../services/epic-panel/epic-programs';
import { defineResolver, type CallContext } from './define';
import { PayloadError } from './envelope';
import { ProgramIdSchema } from './schemas';

const IssueKeySchema = z
  .string()
  .trim()
  .min(1, 'issueKey is required')
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/, 'issueKey looks like PAY-12');

// Site fields and link types change rarely; a warm function reuses them for ten minutes.
const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);
const linkTypeCacheFor = memorySiteCaches<LinkTypeRef[]>(10 * 60 * 1000);

const SearchHitsSchema = z.object({ issues: z.array(z.unknown()).default([]) }).passthrough();

/** The panel's Forge context: the issue it is shown on, as the host (not the UI) says. */
const PanelIssueSchema = z.object({
  key: z.string().min(1),
  id: z.union([z.string().min(1), z.number()]).transform(String),
  type: z.string().optional(),
});

/** The epic from the panel's context; a payload that names another issue changes nothing. */
export function panelEpic(issueKey: string, context: CallContext): PanelEpic {
  const parsed = PanelIssueSchema.safeParse(context.extension?.issue);
  if (!parsed.success)
    throw new PayloadError([
      { errorType: 'VALIDATION', message: 'This works only in the panel of a Jira issue.', path: 'issueKey' },
    ]);
  const issue = parsed.data;
  if (issue.key.toUpperCase() !== issueKey.toUpperCase())
    throw new PayloadError([
      {
        errorType: 'VALIDATION',
        message: `issueKey: ${issueKey} is not the issue this panel is on (${issue.key}).`,
        path: 'issueKey',
      },
    ]);
  if (issue.type !== undefined && issue.type !== 'Epic')
    throw new PayloadError([
      { errorType: 'VALIDATION', message: `${issue.key} is a ${issue.type}; only epics join programs.` },
    ]);
  return { id: issue.id, key: issue.key };
}

function epicPanelDeps(context: CallContext): EpicPanelDeps {
  return {
    programs: new KvsProgramStore(),
    accountId: context.accountId,
    jira: {
      matchesJql: async (_issueId, jql) =>
        SearchHitsSchema.parse(await searchJql('user', { jql, fields: ['id'], maxResults: 1 })).issues
          .length > 0,
      readMembership: getMembershipProperty,
      writeMembership: setMembershipProperty,
      canEdit: canEditIssue,
    },
  };
}

const IssueRequest = z.object({ issueKey: IssueKeySchema }).strict();
const MembershipRequest = z.object({ issueKey: IssueKeySchema, programId: ProgramIdSchema }).strict();

export function defineEpicPanelResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'epic/programs', IssueRequest, async (request, context) =>
    loadEpicPrograms(epicPanelDeps(context), panelEpic(request.issueKey, context)),
  );
  defineResolver(resolver, 'epic/dependencies', IssueRequest, async (request, context) => {
    const deps = epicPanelDeps(context);
    const scope = {
      jira: new ForgeJiraAdapter({
        actor: 'user',
        fieldCache: fieldCacheFor(context.siteId),
        linkTypeCache: linkTypeCacheFor(context.siteId),
      }),
      programs: deps.programs,
      accountId: context.accountId,
    };
    return loadEpicDependencies(
      {
        programsOfEpic: async (epic) =>
          (await loadEpicPrograms(deps, epic)).programs
            .filter((p) => p.via.length > 0)
            .map((p) => p.program.id),
        loadProgramDependencies: (programId) => loadProgramDependencies(scope, programId),
      },
      panelEpic(request.issueKey, context),
    );
  });
  defineResolver(resolver, 'epic/membership/add', MembershipRequest, async (request, context) =>
    changeEpicMembership(
      epicPanelDeps(context),
      panelEpic(request.issueKey, context),
      request.programId,
      'add',
    ),
  );
  defineResolver(resolver, 'epic/membership/remove', MembershipRequest, async (request, context) =>
    changeEpicMembership(
      epicPanelDeps(context),
      panelEpic(request.issueKey, context),
      request.programId,
      'remove',
    ),
  );
}
