// Pure helpers for the status card: how a RAG, a stage, a date and a link are shown.
import type { MacroProgramOption, Rag } from '../../../src/contract';

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
