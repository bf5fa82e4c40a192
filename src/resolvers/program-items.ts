import type Resolver from '@forge/resolver';
import type { ResolverKey } from '../contract';
import type { ProgramItemKind } from '../ports/program-store';
import { agreeItem, deleteItem, saveItem, type SaveRequest } from '../services/program/program-items';
import { forViewer } from '../services/visibility';
import { browseCheckFor } from './browse-check';
import { defineResolver } from './define';
import { programDeps } from './program-deps';
import { agreeItemSchema, deleteItemSchema, ITEM_FIELDS, requestOf, saveItemSchema } from './program-schemas';

const ROUTES = {
  strategy: 'strategies',
  'strategic-initiative': 'strategic-initiatives',
  goal: 'goals',
  milestone: 'milestones',
  risk: 'risks',
} as const satisfies Record<ProgramItemKind, string>;

export function defineProgramItemResolvers(resolver: Resolver): void {
  for (const kind of Object.keys(ROUTES) as ProgramItemKind[]) {
    const route = ROUTES[kind];
    const saveKey = `program/${route}/save` as Extract<ResolverKey, `program/${typeof route}/save`>;
    const deleteKey = `program/${route}/delete` as Extract<ResolverKey, `program/${typeof route}/delete`>;
    defineResolver(
      resolver,
      saveKey,
      requestOf<typeof saveKey>(saveItemSchema(ITEM_FIELDS[kind])),
      async (request, context) => {
        const browse = browseCheckFor(context);
        return forViewer(
          browse,
          await saveItem(
            programDeps(),
            context.accountId,
            kind,
            request as unknown as SaveRequest<typeof kind>,
            browse,
          ),
        );
      },
    );
    defineResolver(resolver, deleteKey, deleteItemSchema, async (request, context) =>
      forViewer(browseCheckFor(context), await deleteItem(programDeps(), context.accountId, kind, request)),
    );
  }
  for (const kind of ['goal', 'milestone'] as const) {
    const key = `program/${ROUTES[kind]}/agree` as const;
    defineResolver(resolver, key, agreeItemSchema, async (request, context) =>
      forViewer(browseCheckFor(context), await agreeItem(programDeps(), context.accountId, kind, request)),
    );
  }
}
