import { reviseAgreeable, type Agreeable } from '../agreement/agreement';

export type MilestoneStatus = 'planned' | 'on-track' | 'at-risk' | 'done' | 'missed';
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  'planned',
  'on-track',
  'at-risk',
  'done',
  'missed',
];

/** What stakeholders agree to: the name, the date and the initiatives it delivers. */
export interface MilestoneTerms {
  name: string;
  /** ISO date. */
  targetDate: string;
  /** Epic keys the milestone delivers. */
  initiativeKeys: string[];
}

export interface Milestone extends MilestoneTerms, Agreeable<MilestoneTerms> {
  id: string;
  /** Progress, not a term: changing it keeps the agreement. */
  status: MilestoneStatus;
}

const milestoneTerms = (m: MilestoneTerms): MilestoneTerms => ({
  name: m.name,
  targetDate: m.targetDate,
  initiativeKeys: [...m.initiativeKeys],
});

export function newMilestone(id: string, terms: MilestoneTerms, status: MilestoneStatus): Milestone {
  return { id, ...milestoneTerms(terms), status, agreement: null, history: [] };
}

export function reviseMilestone(
  milestone: Milestone,
  terms: MilestoneTerms,
  status: MilestoneStatus,
  at: string,
  by: string,
): Milestone {
  return { ...reviseAgreeable(milestone, milestoneTerms, milestoneTerms(terms), at, by), status };
}

/** Milestones in timeline order: by target date, then name. */
export function timeline(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort(
    (a, b) => a.targetDate.localeCompare(b.targetDate) || a.name.localeCompare(b.name),
  );
}
