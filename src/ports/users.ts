import type { Person } from '../domain/program/program';

/** Jira users, as the viewer may see them: the party picker's source. */
export interface UserDirectory {
  search(query: string): Promise<Person[]>;
}
