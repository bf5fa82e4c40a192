import Resolver from '@forge/resolver';
import { defineProgramResolvers } from './program';
import { defineScopeResolvers } from './scope';

/** One resolver for the app; each area registers its keys. */
export function buildResolver(): Resolver {
  const resolver = new Resolver();
  defineProgramResolvers(resolver);
  defineScopeResolvers(resolver);
  return resolver;
}
