import { defineConfig } from 'vite';
import { customUiConfig } from '../shared/vite-base';

// The issue panel on epics (resource epic-panel).
export default defineConfig(customUiConfig(import.meta.url));
