import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { authorize } from '../services/access';
import {
  createProgram,
  deleteTeam,
  moveProgramStage,
  saveTeam,
  updateParties,
  updateProgram,
} from '../services/program/program-admin';
import { listPrograms, loadOverview } from '../services/program/overview';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver } from './define';
import { defineProgramItemResolvers } from './program-items';
import { defineProgramLookupResolvers } from './program-lookups';
import { programDeps } from './program-deps';
import {
  createProgramSchema,
  deleteTeamSchema,
  moveStageSchema,
  programRefSchema,
  requestOf,
  saveTeamSchema,
  updatePartiesSchema,
  updateProgramSchema,
} from './program-schemas';

export function defineProgramResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'program/list', z.object({}).strict(), async (_request, context) => ({
    programs: await listPrograms(programDeps().programs, context.accountId),
  }));

  defineResolver(
    resolver,
    'program/create',
    requestOf<'program/create'>(createProgramSchema),
    (request, context) => createProgram(programDeps(), context.accountId, request, undefined),
  );

  defineResolver(resolver, 'program/get', programRefSchema, async (request, context) => {
    const deps = programDeps();
    const program = await authorize(deps.programs, request.programId, context.accountId, 'read');
    return forViewer(browseCheckFor(context), await loadOverview(deps.programs, program, context.accountId));
  });

  defineResolver(
    resolver,
    'program/update',
    requestOf<'program/update'>(updateProgramSchema),
    async (request, context) => {
      const browse = browseCheckFor(context);
      return forViewer(browse, await updateProgram(programDeps(), context.accountId, request, browse));
    },
  );

  defineResolver(
    resolver,
    'program/parties/update',
    requestOf<'program/parties/update'>(updatePartiesSchema),
    async (request, context) =>
      forViewer(browseCheckFor(context), await updateParties(programDeps(), context.accountId, request)),
  );

  defineResolver(
    resolver,
    'program/teams/save',
    requestOf<'program/teams/save'>(saveTeamSchema),
    async (request, context) =>
      forViewer(browseCheckFor(context), await saveTeam(programDeps(), context.accountId, request)),
  );

  defineResolver(resolver, 'program/teams/delete', deleteTeamSchema, async (request, context) =>
    forViewer(browseCheckFor(context), await deleteTeam(programDeps(), context.accountId, request)),
  );

  defineResolver(
    resolver,
    'program/stage/move',
    requestOf<'program/stage/move'>(moveStageSchema),
    async (request, context) =>
      forViewer(browseCheckFor(context), await moveProgramStage(programDeps(), context.accountId, request)),
  );

  defineProgramItemResolvers(resolver);
  defineProgramLookupResolvers(resolver);
}
