import type { StrategicInitiative, Strategy } from '../domain/funnel/funnel';
import type { Goal } from '../domain/goals/goal';
import type { Milestone } from '../domain/milestones/milestone';
import type { NewProgram, ProgramRecord } from '../domain/program/program';
import type { Risk } from '../domain/risks/risk';

/** The artifacts of a program kept one per stored value, each with its own version. */
export interface ProgramItemTypes {
  strategy: Strategy;
  'strategic-initiative': StrategicInitiative;
  goal: Goal;
  milestone: Milestone;
  risk: Risk;
}
export type ProgramItemKind = keyof ProgramItemTypes;
export const PROGRAM_ITEM_KINDS: readonly ProgramItemKind[] = [
  'strategy',
  'strategic-initiative',
  'goal',
  'milestone',
  'risk',
];

/** A stored item with the version a later write must name. */
export type Versioned<T> = T & { version: number };

export type ProgramItems = { [K in ProgramItemKind]: Versioned<ProgramItemTypes[K]>[] };

export interface ProgramStore {
  get(programId: string): Promise<ProgramRecord | undefined>;
  /** Every program, archived ones included, by name. */
  list(): Promise<ProgramRecord[]>;
  /** Creates the program at version 1; fails with ProgramExistsError when the id is taken. */
  create(program: NewProgram): Promise<ProgramRecord>;
  /** Replaces the program if it is still at `expectedVersion` (else StaleVersionError); returns it at +1. */
  update(program: ProgramRecord, expectedVersion: number): Promise<ProgramRecord>;
  items(programId: string): Promise<ProgramItems>;
  getItem<K extends ProgramItemKind>(
    programId: string,
    kind: K,
    id: string,
  ): Promise<Versioned<ProgramItemTypes[K]> | undefined>;
  /** Adds an item at version 1; fails with ItemExistsError when the id is taken. */
  createItem<K extends ProgramItemKind>(
    programId: string,
    kind: K,
    item: ProgramItemTypes[K],
  ): Promise<Versioned<ProgramItemTypes[K]>>;
  updateItem<K extends ProgramItemKind>(
    programId: string,
    kind: K,
    item: ProgramItemTypes[K],
    expectedVersion: number,
  ): Promise<Versioned<ProgramItemTypes[K]>>;
  deleteItem(programId: string, kind: ProgramItemKind, id: string, expectedVersion: number): Promise<void>;
}

export class ProgramExistsError extends Error {
  constructor(readonly programId: string) {
    super(`A program with id "${programId}" already exists`);
  }
}

/** Someone else wrote since the caller read: the write was refused and nothing changed. */
export class StaleVersionError extends Error {
  constructor(
    readonly what: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super(
      currentVersion === null
        ? `${what} no longer exists.`
        : `${what} was changed by someone else (version ${currentVersion}, you edited ${expectedVersion}).`,
    );
  }
}

export class ItemNotFoundError extends Error {
  constructor(
    readonly kind: ProgramItemKind,
    readonly id: string,
  ) {
    super(`No ${kind} with id "${id}" in this program`);
  }
}
