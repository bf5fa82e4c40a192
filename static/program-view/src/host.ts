import { router, view } from '@forge/bridge';

/** Follow the host product's theme (light/dark); the page still works with Atlaskit's fallbacks if this fails. */
export async function enableHostTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Theming is not available in this host; using default colours.', error);
  }
}

/** The Jira site's base URL, used for real links to issues; undefined when the host does not say. */
export async function loadSiteUrl(): Promise<string | undefined> {
  try {
    const context = await view.getContext();
    return context.siteUrl || undefined;
  } catch (error) {
    console.warn('Could not read the Forge context; issue links open through the router only.', error);
    return undefined;
  }
}

/** Opens the issue in Jira itself: the app runs in an iframe, so a plain link would open inside the frame. */
export function openIssue(issueKey: string): void {
  router.navigate({ target: 'issue', issueKey }).catch((error: unknown) => {
    console.warn(`Could not open ${issueKey} in Jira.`, error);
  });
}
