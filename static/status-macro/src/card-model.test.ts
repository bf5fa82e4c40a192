import type { ErrorType, ResolverError } from '../../../src/contract';
import { explainMacroError, formatAsOf, programLink } from './card-model';

const failure = (errorType: ErrorType, path?: string) => {
  const error: ResolverError = { errorType, message: 'from the resolver', ...(path ? { path } : {}) };
  return { errorType, errors: [error] };
};

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

describe('a failed macro call, explained', () => {
  it('asks to pick a program, with no Try again, when the macro has none configured', () => {
    expect(explainMacroError(failure('VALIDATION', 'config.programId'))).toMatchObject({
      title: 'Pick a program',
      appearance: 'information',
      canRetry: false,
    });
  });

  it('does not mistake any other refused payload for a missing program', () => {
    expect(explainMacroError(failure('VALIDATION', 'programId')).title).not.toBe('Pick a program');
  });

  it.each<[ErrorType, boolean]>([
    ['UPSTREAM', true],
    ['RATE_LIMITED', true],
    ['INTERNAL', true],
    ['NOT_FOUND', false],
    ['FORBIDDEN', false],
    ['UNAUTHENTICATED', false],
  ])('after %s offers Try again: %s, and says what to do', (errorType, canRetry) => {
    const explained = explainMacroError(failure(errorType));
    expect(explained.canRetry).toBe(canRetry);
    expect(explained.advice).toMatch(/\w/);
  });

  it('tells the reader of a deleted program to pick another in the macro', () => {
    expect(explainMacroError(failure('NOT_FOUND')).advice).toMatch(/pick another program/);
  });
});
