import { formatRoute, parseRoute, PROGRAM_TABS, type AppRoute } from './routes';

describe('program view routes', () => {
  it.each([
    ['/', { view: 'list' }],
    ['', { view: 'list' }],
    ['/programs/abc-123', { view: 'program', programId: 'abc-123', tab: 'overview' }],
    ['/programs/abc-123/', { view: 'program', programId: 'abc-123', tab: 'overview' }],
    ['/programs/abc-123/plan', { view: 'program', programId: 'abc-123', tab: 'plan' }],
    ['/programs/abc-123/completion', { view: 'program', programId: 'abc-123', tab: 'completion' }],
  ] satisfies Array<[string, AppRoute]>)('reads %j as the place it names', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each([
    '/programs',
    '/programs/abc/roadmap',
    '/programs/abc/plan/extra',
    '/settings',
    '/programs/%E0%A4%A',
  ])('falls back to the program list for %j, which names nothing the page shows', (path) => {
    expect(parseRoute(path)).toEqual({ view: 'list' });
  });

  it('writes every tab of a program as a path that reads back as the same place', () => {
    for (const tab of PROGRAM_TABS) {
      const route: AppRoute = { view: 'program', programId: 'prog/with space', tab };
      const path = formatRoute(route);
      expect(path).toMatch(new RegExp(`^/programs/prog%2Fwith%20space/${tab}$`));
      expect(parseRoute(path)).toEqual(route);
    }
  });

  it('writes the list as the root path', () => {
    expect(formatRoute({ view: 'list' })).toBe('/');
  });
});
