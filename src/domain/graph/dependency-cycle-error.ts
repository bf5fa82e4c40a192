/** Dependencies that go round in a circle: no order of work satisfies them. Carries the cycle itself. */
export class DependencyCycleError extends Error {
  override readonly name = 'DependencyCycleError';
  /** Initiative keys around the cycle, the first repeated at the end: ['PAY-1', 'ID-4', 'PAY-1']. */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[], options?: { cause?: unknown }) {
    super(`These initiatives depend on each other in a cycle: ${cycle.join(' → ')}`, options);
    this.cycle = cycle;
  }
}
