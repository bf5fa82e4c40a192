/** The seed generator: a realistic, deterministic Jira + Confluence site for tests and the demo. */
export { DEMO_OPTIONS, PROGRAM_LABEL, STATUS_CATEGORIES, generateSite } from './generate';
export { DEMO_USERS } from './users';
export type * from './types';
import type { DemoProgram } from './types';

/** The demo program as the app stores it (plain data). */
export const DEMO_PROGRAM: DemoProgram = {
  id: 'prog-atlas',
  name: 'Atlas — one checkout for every market',
  scopeJql: 'labels = "program-atlas" AND issuetype = Epic',
};
