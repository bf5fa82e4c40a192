import type Resolver from '@forge/resolver';
import { ForgeJiraAdapter, memoryFieldCaches } from '../adapters/jira/jira-adapter';
import { JiraUserDirectory } from '../adapters/jira/users';
import { NotAllowedError } from '../services/errors';
import { loadTraceability } from '../services/program/traceability';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver } from './define';
import { programDeps } from './program-deps';
import { programRefSchema, userSearchSchema } from './program-schemas';

const fieldCacheFor = memoryFieldCaches(10 * 60 * 1000);

export function defineProgramLookupResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'program/traceability', programRefSchema, async (request, context) =>
    forViewer(
      browseCheckFor(context),
      await loadTraceability(
        {
          programs: programDeps().programs,
          jira: new ForgeJiraAdapter({ actor: 'user', fieldCache: fieldCacheFor(context.siteId) }),
        },
        request.programId,
        context.accountId,
      ),
    ),
  );

  defineResolver(resolver, 'program/users/search', userSearchSchema, async (request, context) => {
    if (!context.accountId) throw new NotAllowedError('Sign in to search for people.');
    return { users: await new JiraUserDirectory().search(request.query) };
  });
}
