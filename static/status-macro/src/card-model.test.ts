import { formatAsOf, programLink } from './card-model';

describe('status card model', () => {
  it('shows the snapshot time in UTC, unambiguous for readers anywhere', () => {
    expect(formatAsOf('2026-11-25T09:05:00.000Z')).toBe('25 Nov 2026, 09:05 UTC');
  });

  it('links to the app’s Programs page in Jira from the module’s localId', () => {
    expect(
      programLink('ari:cloud:ecosystem::extension/app-1/env-2/static/status-macro', 'project = PAY'),
    ).toBe('/jira/apps/app-1/env-2');
  });

  it('falls back to the program’s epics in Jira search without a localId', () => {
    expect(programLink(undefined, 'project = PAY')).toBe('/issues/?jql=project%20%3D%20PAY');
  });
});
