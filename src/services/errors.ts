// Errors a use case raises on purpose; resolvers turn them into the envelope's errorType.

export class ProgramNotFoundError extends Error {
  constructor(readonly programId: string) {
    super(`No program with id "${programId}"`);
  }
}

export class NotAllowedError extends Error {}
