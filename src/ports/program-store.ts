import type { Handover, ImprovementAction, Lesson, SuccessAssessment } from '../domain/completion/types';
import type { StrategicInitiative, Strategy } from '../domain/funnel/funnel';
import type { Goal } from '../domain/goals/goal';
import type { Milestone } from '../domain/milestones/milestone';
import type { NewProgram, ProgramRecord } from '../domain/program/program';
import type { Risk } from '../domain/risks/risk';
import type { ProgressSnapshot } from '../domain/execution/burnup';

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

/** The Completion records, kept like the initiation items: one stored value each, with its version. */
export interface CompletionItemTypes {
  assessment: SuccessAssessment;
  lesson: Lesson;
  'improvement-action': ImprovementAction;
  /** At most one, id `handover`. */
  handover: Handover;
}
export type CompletionItemKind = keyof CompletionItemTypes;
export const COMPLETION_ITEM_KINDS: readonly CompletionItemKind[] = [
  'assessment',
  'lesson',
  'improvement-action',
  'handover',
];

/** Every kind of item the store keeps. */
export interface StoredItemTypes extends ProgramItemTypes, CompletionItemTypes {}
export type StoredItemKind = keyof StoredItemTypes;
export const STORED_ITEM_KINDS: readonly StoredItemKind[] = [...PROGRAM_ITEM_KINDS, ...COMPLETION_ITEM_KINDS];

/** A stored item with the version a later write must name. */
export type Versioned<T> = T & { version: number };

export type ProgramItems = { [K in StoredItemKind]: Versioned<StoredItemTypes[K]>[] };

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
  getItem<K extends CompletionItemKind>(
    programId: string,
    kind: K,
    id: string,
  ): Promise<Versioned<CompletionItemTypes[K]> | undefined>;
  /** Adds an item at version 1; fails with ItemExistsError when the id is taken. */
  createItem<K extends ProgramItemKind>(
    programId: string,
    kind: K,
    item: ProgramItemTypes[K],
  ): Promise<Versioned<ProgramItemTypes[K]>>;
  createItem<K extends CompletionItemKind>(
    programId: string,
    kind: K,
    item: CompletionItemTypes[K],
  ): Promise<Versioned<CompletionItemTypes[K]>>;
  updateItem<K extends ProgramItemKind>(
    programId: string,
    kind: K,
    item: ProgramItemTypes[K],
    expectedVersion: number,
  ): Promise<Versioned<ProgramItemTypes[K]>>;
  updateItem<K extends CompletionItemKind>(
    programId: string,
    kind: K,
    item: CompletionItemTypes[K],
    expectedVersion: number,
  ): Promise<Versioned<CompletionItemTypes[K]>>;
  deleteItem(programId: string, kind: StoredItemKind, id: string, expectedVersion: number): Promise<void>;
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
    readonly kind: StoredItemKind,
    readonly id: string,
  ) {
    super(`No ${kind} with id "${id}" in this program`);
  }
}

/** The daily progress history behind the burn-up: one snapshot per program and day, kept for a bounded time. */
export interface ProgressHistoryStore {
  /** Stores the day's snapshot unless one is stored for that program and day already (then nothing changes). */
  record(snapshot: ProgressSnapshot): Promise<'written' | 'exists'>;
  /** Every snapshot of the program, oldest first. */
  list(programId: string): Promise<ProgressSnapshot[]>;
  /** Drops the program's snapshots dated before `date`; answers how many. */
  dropBefore(programId: string, date: string): Promise<number>;
}
