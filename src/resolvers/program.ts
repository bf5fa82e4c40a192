import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { KvsProgramStore } from '../adapters/storage/kvs-program-store';
import { toProgramSummary } from '../services/load-program-initiatives';
import { defineResolver } from './define';

export function defineProgramResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'program/list', z.object({}).strict(), async () => {
    const programs = await new KvsProgramStore().list();
    return { programs: programs.map(toProgramSummary) };
  });
}
