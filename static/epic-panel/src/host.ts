import { router, view } from '@forge/bridge';

/** Follow the host product's theme; Atlaskit's fallbacks still work if this fails. */
export async function enableHostTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Theming is not available in this host; using default colours.', error);
  }
}

export interface PanelIssue {
  key: string;
  id: string;
  type: string | undefined;
}

/** The issue this panel is on, as the Forge host says; undefined outside an issue. */
export async function loadPanelIssue(): Promise<PanelIssue | undefined> {
  const context = await view.getContext();
  const extension: unknown = context.extension;
  if (typeof extension !== 'object' || extension === null || !('issue' in extension)) return undefined;
  const issue: unknown = extension.issue;
  if (typeof issue !== 'object' || issue === null || !('key' in issue) || typeof issue.key !== 'string')
    return undefined;
  const id = 'id' in issue ? String(issue.id) : '';
  const type = 'type' in issue && typeof issue.type === 'string' ? issue.type : undefined;
  return { key: issue.key, id, type };
}

/** Opens an issue in Jira itself: the panel is an iframe, so a plain link would open inside it. */
export function openIssue(issueKey: string): void {
  router.navigate({ target: 'issue', issueKey }).catch((error: unknown) => {
    console.warn(`Could not open ${issueKey} in Jira.`, error);
  });
}
