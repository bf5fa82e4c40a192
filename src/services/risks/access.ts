// Who may act on a risk, and which risks a viewer may see. Detection runs as the app and may name issues a
// viewer cannot browse: such a risk is hidden from them (asked of Jira as the viewer).
import type { ProgramRecord } from '../../domain/program/program';
import type { Risk } from '../../domain/risks/risk';
import { allows } from '../access';
import type { RiskRegisterDeps } from './deps';

const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));

/** The program teams a risk concerns: those detection named, and the team its owner leads. */
export function teamsOfRisk(
  program: ProgramRecord,
  risk: Pick<Risk, 'teamIds' | 'ownerAccountId'>,
): string[] {
  const led = program.teams.filter(
    (t) => risk.ownerAccountId !== null && t.leadAccountId === risk.ownerAccountId,
  );
  return [...new Set([...(risk.teamIds ?? []), ...led.map((t) => t.id)])];
}

/** Owners, and the leads of the teams the risk concerns, record and update its problem. */
export function canManageProblem(
  program: ProgramRecord,
  accountId: string | undefined,
  risk: Pick<Risk, 'teamIds' | 'ownerAccountId'>,
): boolean {
  return (
    allows(program, accountId, 'edit') ||
    teamsOfRisk(program, risk).some((team) => allows(program, accountId, { team }))
  );
}

const ISSUE_KEY = /\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g;

/** What one viewer may see of what the app found: the projects they may browse, asked of Jira as them. */
export interface ViewerFilter {
  /** Manual risks always; detected ones when the viewer may browse every project they name. */
  canSee(risk: Pick<Risk, 'source' | 'initiativeKeys'>): boolean;
  /** A text (a warning) naming no issue of a project the viewer cannot browse. */
  canRead(text: string): boolean;
}

export async function viewerFilter(
  deps: Pick<RiskRegisterDeps, 'projectIdsByKey' | 'browsableProjectIds'>,
  risks: readonly Pick<Risk, 'source' | 'initiativeKeys'>[],
  texts: readonly string[] = [],
): Promise<ViewerFilter> {
  const named = (risk: Pick<Risk, 'source' | 'initiativeKeys'>) =>
    risk.source === 'detected' ? (risk.initiativeKeys ?? []) : [];
  const inText = (text: string) => text.match(ISSUE_KEY) ?? [];
  const projects = [...new Set([...risks.flatMap(named), ...texts.flatMap(inText)].map(projectOf))].sort();
  let visible = new Set<string>();
  if (projects.length > 0) {
    const ids = await deps.projectIdsByKey(projects);
    const allowed = await deps.browsableProjectIds(Object.values(ids));
    visible = new Set(projects.filter((p) => ids[p] !== undefined && allowed.has(ids[p])));
  }
  const all = (keys: readonly string[]) => keys.every((key) => visible.has(projectOf(key)));
  return { canSee: (risk) => all(named(risk)), canRead: (text) => all(inText(text)) };
}
