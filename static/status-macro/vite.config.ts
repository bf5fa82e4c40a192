import { defineConfig } from 'vite';
import { customUiConfig } from '../shared/vite-base';

// The macro's card (resource status-macro).
export default defineConfig(customUiConfig(import.meta.url));
