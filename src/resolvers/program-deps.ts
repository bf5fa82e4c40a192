import { randomUUID } from 'node:crypto';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import type { ProgramDeps } from '../services/program/deps';

export function programDeps(): ProgramDeps {
  return {
    programs: new KvsProgramStore(),
    now: () => new Date().toISOString(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
  };
}
