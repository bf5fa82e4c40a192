import { router, view } from '@forge/bridge';

/** Follow the host product's theme; Atlaskit's fallbacks still work if this fails. */
export async function enableHostTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Theming is not available in this host; using default colours.', error);
  }
}

/** The macro's Forge context: its localId (for the link to Jira) and the program picked in its config. */
export async function loadMacroContext(): Promise<{
  localId: string | undefined;
  programId: string | undefined;
}> {
  const context = await view.getContext();
  const extension: unknown = context.extension;
  const config: unknown =
    typeof extension === 'object' && extension !== null && 'config' in extension
      ? extension.config
      : undefined;
  const programId =
    typeof config === 'object' &&
    config !== null &&
    'programId' in config &&
    typeof config.programId === 'string'
      ? config.programId
      : undefined;
  return { localId: typeof context.localId === 'string' ? context.localId : undefined, programId };
}

/** Opens a site-relative URL in a new tab: the macro is a sandboxed iframe, so a plain link would not work. */
export function openInNewTab(url: string): void {
  router.open(url).catch((error: unknown) => console.warn(`Could not open ${url}.`, error));
}

/** Saves the macro's config; Confluence closes the config panel and re-renders the macro. */
export async function submitConfig(config: { programId: string }): Promise<void> {
  await view.submit({ config });
}
