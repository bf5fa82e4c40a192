import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The same CSS @atlaskit/tokens' getThemeStyles() returns, read directly: that helper consults Atlaskit
// feature gates, which log an error off Atlassian's hosts.
const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-shape',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-motion',
] as const;

/** The design-token CSS the Forge host provides once an app calls `view.theme.enable()`. */
export async function loadThemeCss(): Promise<string> {
  return THEMES.map((theme) => {
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: unknown })
      .default;
    if (typeof css !== 'string') throw new Error(`@atlaskit/tokens has no CSS for the ${theme} theme.`);
    return `/* ${theme} */\n${css}`;
  }).join('\n');
}
