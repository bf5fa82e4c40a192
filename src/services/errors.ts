// Errors a use case raises on purpose; resolvers turn them into the envelope's errorType.

export class ProgramNotFoundError extends Error {
  constructor(readonly programId: string) {
    super(`No program with id "${programId}"`);
  }
}

export class NotAllowedError extends Error {}

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
