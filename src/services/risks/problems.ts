// A risk that happened becomes a problem with an owner and a resolution. Owners, and the leads of the teams a
// risk concerns, record and update it; every write names the version the editor read.
import type { RecordProblem, RegisterRisk, UpdateProblem } from '../../contract';
import { LIMITS } from '../../domain/initiation/schemas';
import type { ProgramRecord } from '../../domain/program/program';
import { recordProblem, updateProblem, type ProblemDecision } from '../../domain/risks/problem';
import type { Risk } from '../../domain/risks/risk';
import { ItemNotFoundError, StaleVersionError, type Versioned } from '../../ports/program-store';
import { authorize, isClosed, rolesOf } from '../access';
import { NotAllowedError, ProgramClosedError, ProgramRuleError } from '../errors';
import { restoreHiddenKeys } from '../visibility';
import { canManageProblem, viewerFilter } from './access';
import type { RiskRegisterDeps } from './deps';
import { registerRow } from './risk-register';

type ProblemDeps = Pick<
  RiskRegisterDeps,
  'programs' | 'accountId' | 'now' | 'projectIdsByKey' | 'browsableProjectIds'
>;

const PATHS: Record<Extract<ProblemDecision, { ok: false }>['refusal']['kind'], string> = {
  'already-a-problem': 'riskId',
  'not-a-problem': 'riskId',
  'resolved-before-it-happened': 'resolvedAt',
};

async function riskToChange(
  deps: ProblemDeps,
  request: { programId: string; riskId: string; expectedVersion: number },
): Promise<{ program: ProgramRecord; risk: Versioned<Risk> }> {
  const program = await authorize(deps.programs, request.programId, deps.accountId, 'read');
  const risk = await deps.programs.getItem(program.id, 'risk', request.riskId);
  // A risk the caller may not see is, for them, not there.
  if (!risk || !(await viewerFilter(deps, [risk])).canSee(risk))
    throw new ItemNotFoundError('risk', request.riskId);
  if (!canManageProblem(program, deps.accountId, risk)) {
    if (isClosed(program)) throw new ProgramClosedError(program);
    throw new NotAllowedError(
      'Only the program’s owners and the leads of the teams this risk concerns can do this.',
    );
  }
  if (risk.version !== request.expectedVersion)
    throw new StaleVersionError(`This risk`, request.expectedVersion, risk.version);
  return { program, risk };
}

function requireInvolved(program: ProgramRecord, accountId: string, path: string): void {
  const known =
    rolesOf(program, accountId).length > 0 || program.people.some((p) => p.accountId === accountId);
  if (!known) throw new ProgramRuleError('The owner must be someone named in the program.', path);
}

async function save(
  deps: ProblemDeps,
  program: ProgramRecord,
  before: Versioned<Risk>,
  decision: ProblemDecision,
): Promise<{ risk: RegisterRisk }> {
  if (!decision.ok) throw new ProgramRuleError(decision.refusal.message, PATHS[decision.refusal.kind]);
  const saved = await deps.programs.updateItem(program.id, 'risk', decision.risk, before.version);
  return { risk: registerRow(program, deps.accountId, saved) };
}

export async function recordRiskProblem(
  deps: ProblemDeps,
  request: RecordProblem,
): Promise<{ risk: RegisterRisk }> {
  const { program, risk } = await riskToChange(deps, request);
  requireInvolved(program, request.ownerAccountId, 'ownerAccountId');
  const { version: _version, ...current } = risk;
  const decision = recordProblem(
    current,
    { description: request.description, ownerAccountId: request.ownerAccountId },
    deps.now(),
    deps.accountId ?? '',
  );
  return save(deps, program, risk, decision);
}

/**
 * The resolution as its editor means it: they were shown the stored one without the issues they cannot browse
 * (`deps` asks Jira as them), which are put back; refused if that makes it too long.
 */
async function resolutionKept(deps: ProblemDeps, stored: string, edited: string): Promise<string> {
  const resolution = await restoreHiddenKeys(deps, stored, edited);
  if (resolution.length > LIMITS.longText)
    throw new ProgramRuleError(
      `Kept with the issues you cannot see, the resolution is longer than ${LIMITS.longText} characters.`,
      'resolution',
    );
  return resolution;
}

export async function updateRiskProblem(
  deps: ProblemDeps,
  request: UpdateProblem,
): Promise<{ risk: RegisterRisk }> {
  const { program, risk } = await riskToChange(deps, request);
  if (request.ownerAccountId !== undefined)
    requireInvolved(program, request.ownerAccountId, 'ownerAccountId');
  const { version: _version, ...current } = risk;
  const resolution = current.problem
    ? await resolutionKept(deps, current.problem.resolution, request.resolution)
    : request.resolution;
  const decision = updateProblem(
    current,
    {
      resolution,
      resolvedAt: request.resolvedAt,
      ...(request.ownerAccountId !== undefined ? { ownerAccountId: request.ownerAccountId } : {}),
    },
    deps.now(),
    deps.accountId ?? '',
  );
  return save(deps, program, risk, decision);
}
