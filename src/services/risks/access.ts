// Who may act on a risk, and which risks a viewer may see. Detection runs as the app and may name issues a
// viewer cannot browse: such a risk is hidden from them (asked of Jira as the viewer).
import type { ProgramRecord } from '../../domain/program/program';
import type { Risk } from '../../domain/risks/risk';
import { allows } from '../access';
import { keyVisibility } from '../visibility';
import type { RiskRegisterDeps } from './deps';

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
  const visibility = await keyVisibility(deps, [...risks.flatMap(named), ...texts].join(' '));
  return {
    canSee: (risk) => named(risk).every(visibility.canBrowse),
    canRead: visibility.canRead,
  };
}
