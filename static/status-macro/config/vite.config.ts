import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The macro's configuration (resource status-macro-config): its own resource, so its own build.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    // Inside the card's build (built first, emptied by it), so it is ignored with every other build.
    outDir: '../build/config',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
