import Resolver from '@forge/resolver';
import { defineProgramResolvers } from './program';

export function buildResolver(): Resolver {
  const resolver = new Resolver();
  defineProgramResolvers(resolver);
  return resolver;
}
