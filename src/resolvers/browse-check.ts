// The viewer's browse check: what they may browse, asked of Jira as them and memoised per site and account for
// one minute; project ids by key (asked as the app, and stable) memoised per site for ten. A save asks both for
// what it keeps and again for its answer: the second asks Jira nothing.
import { browsableProjectIds, projectIdsByKey } from '../adapters/jira/project-access';
import { memoByKeys } from '../services/snapshot/status-card';
import type { BrowseCheckDeps } from '../services/visibility';
import type { CallContext } from './define';

const browsableFor = memoByKeys<Set<string>>(60 * 1000);
const projectIdsFor = memoByKeys<Record<string, string>>(10 * 60 * 1000);

export function browseCheckFor(context: CallContext): BrowseCheckDeps {
  return {
    projectIdsByKey: projectIdsFor(context.siteId, projectIdsByKey),
    browsableProjectIds: browsableFor(`${context.siteId}|${context.accountId ?? ''}`, browsableProjectIds),
  };
}
