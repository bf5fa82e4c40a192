// Pure helpers for the status card: how a RAG, a stage, a date and a link are shown.
import type { ErrorType, MacroProgramOption, Rag, ResolverError } from '../../../src/contract';

type ProgramStage = MacroProgramOption['stage'];

export type LozengeAppearance = 'success' | 'moved' | 'removed' | 'inprogress' | 'new' | 'default';

export const ragAppearance: Record<Rag, LozengeAppearance> = {
  green: 'success',
  amber: 'moved',
  red: 'removed',
};

export const ragLabel: Record<Rag, string> = { green: 'On track', amber: 'At risk', red: 'Off track' };

export const stageLabel: Record<ProgramStage, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  completion: 'Completion',
  closed: 'Closed',
};

export const severityAppearance: Record<string, LozengeAppearance> = {
  critical: 'removed',
  high: 'moved',
  medium: 'inprogress',
  low: 'default',
};

/** "25 Nov 2026, 19:52 UTC": the snapshot's time, unambiguous for readers in any zone. */
export function formatAsOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/**
 * Where "Open in Jira" goes: the app's Programs page (`/jira/apps/<appId>/<environmentId>`), read from the
 * module's localId (`ari:cloud:ecosystem::extension/<appId>/<environmentId>/static/<moduleKey>`); else the
 * program's epics in Jira search.
 */
export function programLink(localId: string | undefined, scopeJql: string): string {
  const match = localId ? /extension\/([^/]+)\/([^/]+)\/static\//.exec(localId) : null;
  if (match?.[1] && match[2]) return `/jira/apps/${match[1]}/${match[2]}`;
  return `/issues/?jql=${encodeURIComponent(scopeJql)}`;
}

export interface MacroErrorExplanation {
  title: string;
  /** What to do about it, when the resolver's own message does not already say. */
  advice: string | null;
  appearance: 'information' | 'warning' | 'error';
  /** Whether asking again can help; otherwise the reader must change something first. */
  canRetry: boolean;
}

/** A failed macro call in a reader's terms; the resolver's message is shown with it. */
export function explainMacroError(error: {
  errorType: ErrorType;
  errors: readonly ResolverError[];
}): MacroErrorExplanation {
  switch (error.errorType) {
    case 'VALIDATION':
      return error.errors.some((e) => e.path === 'config.programId')
        ? { title: 'Pick a program', advice: null, appearance: 'information', canRetry: false }
        : {
            title: 'The macro sent something the app refused',
            advice: 'Reload the page and try again.',
            appearance: 'error',
            canRetry: false,
          };
    case 'NOT_FOUND':
      return {
        title: 'This program no longer exists',
        advice: 'It may have been deleted. Edit the macro and pick another program.',
        appearance: 'warning',
        canRetry: false,
      };
    case 'FORBIDDEN':
      return {
        title: 'You cannot see this program',
        advice: 'Ask its program manager to add you as a stakeholder.',
        appearance: 'information',
        canRetry: false,
      };
    case 'UNAUTHENTICATED':
      return {
        title: 'Your session has ended',
        advice: 'Reload the page and sign in again.',
        appearance: 'warning',
        canRetry: false,
      };
    case 'RATE_LIMITED':
      return {
        title: 'Jira is busy right now',
        advice: 'Wait a few seconds, then try again.',
        appearance: 'warning',
        canRetry: true,
      };
    case 'UPSTREAM':
      return {
        title: 'Jira did not answer',
        advice: 'Try again in a moment.',
        appearance: 'error',
        canRetry: true,
      };
    default:
      return {
        title: 'The program status could not be loaded',
        advice: 'Try again. If it keeps failing, tell your Confluence admin.',
        appearance: 'error',
        canRetry: true,
      };
  }
}
