// What risk detection finds: one condition of the plan or of Jira that threatens the program, said so a TPM
// can read it, with a stable fingerprint so the register can tell "still there" from "new" and "cleared".

export type RiskRuleId =
  | 'dependency-cycle'
  | 'dependency-late'
  | 'dependency-unestimated'
  | 'dependency-unplanned'
  | 'team-over-capacity'
  | 'commitment-declined'
  | 'commitment-at-risk'
  | 'commitment-missing'
  | 'past-target-date'
  | 'scope-added-after-baseline'
  | 'no-okr';

export interface DetectedRisk {
  rule: RiskRuleId;
  /** Stable across runs while the same condition holds: rule + the subject's keys, e.g. `dependency-late:ID-4>PAY-12`. */
  fingerprint: string;
  /** Short, for lists: "PAY-12 waits for ID-4, planned to finish later". */
  title: string;
  /** The full reason, for the RAG and the register: "PAY-12 is blocked by ID-4, which is planned two sprints later". */
  reason: string;
  /** 1–5, as the register's manual risks. */
  probability: number;
  impact: number;
  /** Every issue the risk names, so a viewer who cannot browse one of them is not shown it. */
  initiativeKeys: string[];
  /** Program team ids concerned, when known. */
  teamIds: string[];
}
