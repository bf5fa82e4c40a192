import { defineConfig } from 'vite';
import { customUiConfig } from '../../shared/vite-base';

// The macro's configuration (resource status-macro-config): its own resource, so its own build, inside the
// card's build (built first, emptied by it) so it is ignored with every other build.
export default defineConfig(customUiConfig(import.meta.url, { outDir: '../build/config' }));
