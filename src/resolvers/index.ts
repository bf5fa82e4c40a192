import Resolver from '@forge/resolver';
import { defineProgramResolvers } from './program';
import { defineScopeResolvers } from './scope';
import { defineEpicPanelResolvers } from './epic-panel'; // epic panel
import { definePublishResolvers } from './publish'; // publishing
import { defineMacroResolvers } from './macro'; // status macro
import { definePlanResolvers } from './plan'; // quarterly planning
import { defineAdjustedPlanResolvers } from './adjusted-plan'; // adjusted plan
import { defineStatusResolvers } from './status'; // execution status
import { defineCompletionResolvers } from './completion'; // completion
import { defineRiskResolvers } from './risks'; // risk & problem register

/** One resolver for the app; each area registers its keys. */
export function buildResolver(): Resolver {
  const resolver = new Resolver();
  defineProgramResolvers(resolver);
  defineScopeResolvers(resolver);
  defineEpicPanelResolvers(resolver); // epic panel
  definePublishResolvers(resolver); // publishing
  defineMacroResolvers(resolver); // status macro
  definePlanResolvers(resolver); // quarterly planning
  defineAdjustedPlanResolvers(resolver); // adjusted plan
  defineStatusResolvers(resolver); // execution status
  defineCompletionResolvers(resolver); // completion
  defineRiskResolvers(resolver); // risk & problem register
  return resolver;
}
