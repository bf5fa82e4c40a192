// A team's commitments as key results it can paste into its own OKRs.
import type { Sprint } from '../calendar/types';
import { compareIssueKeys } from '../scope/issue-key';
import type { Commitment, TeamKeyResult, TeamOkrLink, TeamOkrs } from './types';

export interface OkrTeam {
  readonly id: string;
  readonly name: string;
}

export interface OkrDependency {
  readonly from: string;
  readonly to: string;
  readonly fromTeamId: string | null;
  readonly toTeamId: string | null;
  readonly commitment: Commitment;
}

export interface TeamOkrInput {
  readonly teams: readonly OkrTeam[];
  readonly dependencies: readonly OkrDependency[];
  readonly okrLinks: readonly TeamOkrLink[];
  readonly summaryOf: (key: string) => string | null;
  /** The sprint the scheduled `from` ends in, when it is placed. */
  readonly endSprintOf: (key: string) => Sprint | null;
}

function keyResultText(
  dep: OkrDependency,
  input: TeamOkrInput,
  teamName: (id: string | null) => string,
): string {
  const summary = input.summaryOf(dep.from);
  const what = summary ? `${dep.from} “${summary}”` : dep.from;
  const end = input.endSprintOf(dep.from);
  const when = end ? ` by the end of ${end.name} (${end.end})` : ' this quarter';
  const prefix = dep.commitment.status === 'at-risk' ? '[at risk] ' : '';
  return `${prefix}Deliver ${what} to ${teamName(dep.toTeamId)} for ${dep.to}${when}`;
}

/** Per team (in the teams' order): committed and at-risk commitments as key results; the rest flagged. */
export function renderTeamOkrs(input: TeamOkrInput): TeamOkrs[] {
  const names = new Map(input.teams.map((t) => [t.id, t.name]));
  const teamName = (id: string | null) => (id === null ? 'another team' : (names.get(id) ?? 'another team'));
  const byKey = (a: OkrDependency, b: OkrDependency) =>
    compareIssueKeys(a.from, b.from) || compareIssueKeys(a.to, b.to);
  return input.teams.map((team) => {
    const owned = input.dependencies.filter((d) => d.fromTeamId === team.id).sort(byKey);
    const asResult = (d: OkrDependency): TeamKeyResult => ({
      from: d.from,
      to: d.to,
      status: d.commitment.status,
      text: keyResultText(d, input, teamName),
    });
    const keyResults = owned
      .filter((d) => d.commitment.status === 'committed' || d.commitment.status === 'at-risk')
      .map(asResult);
    const uncommitted = owned
      .filter((d) => d.commitment.status === 'proposed' || d.commitment.status === 'declined')
      .map(asResult);
    return {
      teamId: team.id,
      teamName: team.name,
      okrUrl: input.okrLinks.find((l) => l.teamId === team.id)?.url ?? null,
      keyResults,
      copyText: keyResults.map((k) => `- ${k.text}`).join('\n'),
      uncommitted,
    };
  });
}
