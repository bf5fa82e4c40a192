/** A calendar quarter as the TPM writes it: `2027-Q1` (January to March 2027). */
export type QuarterId = string;

export interface Quarter {
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: 1 | 2 | 3 | 4;
}

/**
 * One sprint of a quarter plan. Dates are ISO calendar dates (`2027-01-04`); `end` is the sprint's last
 * day, inclusive. `index` is the sprint's 0-based position in the quarter, the number the scheduler uses.
 */
export interface Sprint {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly index: number;
  /** Where the sprint comes from: a team's Jira board, or generated from a length and a first start. */
  readonly source: 'board' | 'generated';
  /** The Jira sprint id, for a sprint taken from a board. */
  readonly boardSprintId?: number;
  /** True when a board sprint ran over a quarter boundary and its dates were cut to the quarter. */
  readonly clipped?: boolean;
}

export interface GenerateSprintsInput {
  readonly quarter: QuarterId;
  /** Sprint length in days. Default 14. */
  readonly lengthDays?: number;
  /** ISO date of the first sprint's first day. Default: the quarter's first Monday. */
  readonly firstStart?: string;
}

/** A sprint as `/rest/agile/1.0/board/{id}/sprint` returns it; future sprints often have no dates. */
export interface BoardSprint {
  readonly id: number;
  readonly name: string;
  readonly state: 'future' | 'active' | 'closed' | (string & {});
  /** ISO date or date-time. */
  readonly startDate?: string;
  readonly endDate?: string;
}

export interface SprintsFromBoardInput {
  readonly quarter: QuarterId;
  readonly boardSprints: readonly BoardSprint[];
  /**
   * Cadence for dateless future sprints when the board's dated sprints do not show one. Default 14.
   * With dated sprints, the cadence is the length of the last dated sprint.
   */
  readonly lengthDays?: number;
}
