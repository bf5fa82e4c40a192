// Confluence status macro (`macro` module): a program status card from the program's latest snapshot,
// filtered to what the viewer may browse. The program comes from the macro's config (Forge context), not the payload.
import type { ProgramStage } from '../domain/program/program';
import type { StatusCard } from '../domain/snapshot/snapshot';

export type { StatusCard, CardProject, ProgressCounts, Rag, SnapshotRisk } from '../domain/snapshot/snapshot';

/** What the macro shows: the card, or a polite refusal for viewers with no role in the program. */
export type MacroStatus =
  | {
      access: 'granted';
      card: StatusCard;
      scopeJql: string;
      /** The viewer owns the program, so may rebuild the snapshot now (`macro/snapshot/refresh`). */
      canRefresh: boolean;
    }
  | { access: 'none'; message: string };

export interface MacroProgramOption {
  id: string;
  name: string;
  stage: ProgramStage;
}

export interface SnapshotRefresh {
  programId: string;
  builtAt: string;
  initiatives: number;
}

export interface MacroContract {
  /** The card for the program in the macro's config (`context.extension.config.programId`). */
  'macro/status': { request: Record<string, never>; response: MacroStatus };
  /** Programs the configuring user may read: the choices of the macro's config. */
  'macro/programs': { request: Record<string, never>; response: { programs: MacroProgramOption[] } };
  /** Rebuilds the program's snapshot now (owners only). */
  'macro/snapshot/refresh': { request: { programId: string }; response: SnapshotRefresh };
}
