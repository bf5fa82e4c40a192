import Resolver from '@forge/resolver';
import { defineProgramResolvers } from './program';
import { defineScopeResolvers } from './scope';
import { defineEpicPanelResolvers } from './epic-panel'; // epic panel
import { defineMacroResolvers } from './macro'; // status macro

/** One resolver for the app; each area registers its keys. */
export function buildResolver(): Resolver {
  const resolver = new Resolver();
  defineProgramResolvers(resolver);
  defineScopeResolvers(resolver);
  defineEpicPanelResolvers(resolver); // epic panel
  defineMacroResolvers(resolver); // status macro
  return resolver;
}
