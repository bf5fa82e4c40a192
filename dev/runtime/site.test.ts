import { emulatorSite, realSiteFromEnv } from './site';

const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

describe('emulatorSite', () => {
  const site = emulatorSite(
    'http://127.0.0.1:4000',
    [
      { accountId: 'acc-tpm', email: 'tpm@example.com', apiToken: 't1' },
      { accountId: 'acc-lead', email: 'lead@example.com', apiToken: 't2' },
    ],
    'app-token',
  );

  it('signs each user in with their own email and API token', () => {
    expect(site.userAuthorization('acc-tpm')).toBe(basic('tpm@example.com', 't1'));
    expect(site.userAuthorization('acc-lead')).toBe(basic('lead@example.com', 't2'));
  });

  it('signs the app in with its bearer token', () => {
    expect(site.appAuthorization()).toBe('Bearer app-token');
  });

  it('refuses a user it does not know rather than acting as someone else', () => {
    expect(() => site.userAuthorization('acc-stranger')).toThrow(/acc-stranger/);
  });
});

describe('realSiteFromEnv', () => {
  const env = {
    ATLASSIAN_BASE_URL: 'https://acme.atlassian.net/',
    ATLASSIAN_EMAIL: 'me@acme.com',
    ATLASSIAN_API_TOKEN: 'token',
  };

  it('is absent unless base URL, email and token are all set', () => {
    expect(realSiteFromEnv({})).toBeUndefined();
    expect(realSiteFromEnv({ ...env, ATLASSIAN_API_TOKEN: '' })).toBeUndefined();
  });

  it('acts as the one token owner for every user and for the app', () => {
    const site = realSiteFromEnv(env);

    expect(site?.baseUrl).toBe('https://acme.atlassian.net');
    expect(site?.userAuthorization('acc-anyone')).toBe(basic('me@acme.com', 'token'));
    expect(site?.appAuthorization()).toBe(basic('me@acme.com', 'token'));
  });

  it('rejects a base URL that is not a URL', () => {
    expect(() => realSiteFromEnv({ ...env, ATLASSIAN_BASE_URL: 'acme.atlassian.net' })).toThrow(/not a URL/);
  });
});
