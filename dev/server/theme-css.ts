import { getThemeStyles } from '@atlaskit/tokens/get-theme-styles';

/** The design-token CSS the Forge host provides once an app calls `view.theme.enable()` (light mode). */
export async function loadThemeCss(): Promise<string> {
  const styles = await getThemeStyles({ colorMode: 'light', light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' });
  return styles.map((style) => `/* ${style.id} */\n${style.css}`).join('\n');
}
