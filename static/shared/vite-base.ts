// The Vite settings every Custom UI resource shares.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { BuildOptions, UserConfig } from 'vite';

const featureGates = fileURLToPath(new URL('./feature-gates.ts', import.meta.url));

/** The config of the resource whose vite.config.ts is at `configUrl` (its `import.meta.url`). */
export function customUiConfig(configUrl: string, build: BuildOptions = {}): UserConfig {
  return {
    root: fileURLToPath(new URL('.', configUrl)),
    // Forge serves Custom UI resources from a relative path, so every asset URL must be relative.
    base: './',
    plugins: [react()],
    resolve: {
      // Atlaskit's feature-gate client is never initialised in a Custom UI: a stand-in gives its defaults.
      alias: { '@atlaskit/feature-gate-js-client/feature-gates': featureGates },
    },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      // Forge's CSP forbids inline scripts; keep every asset a separate file.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      ...build,
    },
  };
}
