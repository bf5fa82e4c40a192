import { defineConfig } from 'vite';
import { customUiConfig } from '../shared/vite-base';

// The global page "Programs" (resource program-view). Its tables' code (Atlaskit's dynamic table, pagination,
// progress bar and our paging) is one chunk: the tabs that draw tables fetch it in one request, not six.
export default defineConfig(
  customUiConfig(import.meta.url, {
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'tables',
              test: /node_modules[\\/](@atlaskit[\\/](dynamic-table|pagination|progress-bar)|memoize-one)[\\/]|src[\\/]tables[\\/]/,
            },
          ],
        },
      },
    },
  }),
);
