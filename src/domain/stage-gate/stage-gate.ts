import { completionGateMissing, type CompletionRecordsForGate } from '../completion/readiness';
import type { Goal } from '../goals/goal';
import type { Milestone } from '../milestones/milestone';
import { PROGRAM_STAGES, type ProgramRecord, type ProgramStage, type StageChange } from '../program/program';
import type { Risk } from '../risks/risk';
import type { StrategicInitiative, Strategy } from '../funnel/funnel';

/** What the gate looks at when the program leaves a stage. */
export interface InitiationArtifacts {
  program: ProgramRecord;
  strategies: readonly Strategy[];
  strategicInitiatives: readonly StrategicInitiative[];
  goals: readonly Goal[];
  milestones: readonly Milestone[];
  risks: readonly Risk[];
  /** What the completion gate reads; absent reads as nothing recorded yet. */
  completion?: CompletionRecordsForGate;
}

const NO_COMPLETION_RECORDS: CompletionRecordsForGate = { assessments: [], lessons: [], handover: null };

export function nextStage(stage: ProgramStage): ProgramStage | null {
  return PROGRAM_STAGES[PROGRAM_STAGES.indexOf(stage) + 1] ?? null;
}

/** The artifacts a stage must have before the program leaves it, said as the TPM would. */
export function missingArtifacts(stage: ProgramStage, a: InitiationArtifacts): string[] {
  // Closing needs every goal assessed, a lesson learned and the handover accepted or waived.
  if (stage === 'completion') return completionGateMissing(a.goals, a.completion ?? NO_COMPLETION_RECORDS);
  if (stage !== 'initiation') return [];
  const missing: string[] = [];
  const p = a.program;
  if (!p.description.trim()) missing.push('A high-level description');
  if (!p.expectedBenefits.trim()) missing.push('The expected benefits');
  if (!p.resourcesNeeded.trim() && p.teams.length === 0) missing.push('The resources needed');
  if (a.strategies.length === 0) missing.push('At least one strategy with its OKR');
  if (!a.strategicInitiatives.some((i) => i.strategyIds.length > 0))
    missing.push('A strategic initiative serving a strategy');
  if (a.goals.length === 0) missing.push('At least one goal');
  const unagreedGoals = a.goals.filter((g) => !g.agreement);
  if (unagreedGoals.length > 0) missing.push(`Agreement on ${unagreedGoals.length} goal(s)`);
  if (!p.sponsor) missing.push('A sponsor');
  if (p.teams.length === 0) missing.push('At least one team');
  if (a.milestones.length === 0) missing.push('At least one milestone');
  const unagreedMilestones = a.milestones.filter((m) => !m.agreement);
  if (unagreedMilestones.length > 0) missing.push(`Agreement on ${unagreedMilestones.length} milestone(s)`);
  if (a.risks.length === 0) missing.push('A risk assessment (at least one risk)');
  return missing;
}

export class StageGateError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
  ) {
    super(message);
  }
}

/**
 * Moves the program one stage on (or back, for corrections). Moving on with artifacts missing needs
 * an override reason, which is kept in the stage history with what was missing.
 */
export function moveStage(
  artifacts: InitiationArtifacts,
  to: ProgramStage,
  overrideReason: string | null,
  at: string,
  by: string,
): ProgramRecord {
  const program = artifacts.program;
  const from = program.stage;
  const fromIndex = PROGRAM_STAGES.indexOf(from);
  const toIndex = PROGRAM_STAGES.indexOf(to);
  if (toIndex === fromIndex) throw new StageGateError(`The program is already in ${to}.`, []);
  if (toIndex > fromIndex + 1)
    throw new StageGateError(
      `The program moves one stage at a time: ${from} → ${nextStage(from) ?? from}.`,
      [],
    );
  const missing = toIndex > fromIndex ? missingArtifacts(from, artifacts) : [];
  const reason = overrideReason?.trim() ?? '';
  if (missing.length > 0 && !reason)
    throw new StageGateError(
      `Leaving ${from} needs: ${missing.join('; ')}. Add them, or give a reason to override the gate.`,
      missing,
    );
  const change: StageChange = {
    from,
    to,
    at,
    by,
    override: missing.length > 0 ? { reason, missing } : null,
  };
  return { ...program, stage: to, stageHistory: [...program.stageHistory, change] };
}
