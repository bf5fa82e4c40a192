// Errors a use case raises on purpose; resolvers turn them into the envelope's errorType.
import { closedAtOf } from '../domain/program/program';

export class ProgramNotFoundError extends Error {
  constructor(readonly programId: string) {
    super(`No program with id "${programId}"`);
  }
}

export class NotAllowedError extends Error {}

/** A change asked of a closed program: it is read-only until an owner reopens it. */
export class ProgramClosedError extends Error {
  readonly programId: string;
  /** When it was closed (its last stage change), if the history says. */
  readonly closedAt: string | null;

  constructor(program: { id: string; name: string; stageHistory: readonly { to: string; at: string }[] }) {
    const closedAt = closedAtOf({ ...program, stage: 'closed' });
    super(
      `“${program.name}” was closed${closedAt ? ` on ${closedAt.slice(0, 10)}` : ''}: it is read-only. An owner can reopen it from the Completion tab.`,
    );
    this.programId = program.id;
    this.closedAt = closedAt;
  }
}

/** The program's scope JQL was refused by Jira; the message is Jira's. */
export class ScopeJqlError extends Error {
  constructor(
    readonly jql: string,
    readonly reasons: string[],
  ) {
    super(`The program's scope JQL is not valid: ${reasons.join('; ') || jql}`);
  }
}

/** A request that breaks a rule of the program's data (a limit, a reference); `path` names the field. */
export class ProgramRuleError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
