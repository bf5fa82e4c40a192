/** Where product requests (asUser/asApp requestJira, requestConfluence) go, and as whom. */
export interface SiteConnection {
  /** e.g. http://127.0.0.1:4000 (the emulator) or https://acme.atlassian.net */
  baseUrl: string;
  /** The Authorization header value that acts as this user (asUser). */
  userAuthorization(accountId: string): string;
  /** The Authorization header value for asApp. */
  appAuthorization(): string;
}

export interface EmulatorUser {
  accountId: string;
  email: string;
  apiToken: string;
}

const basic = (email: string, apiToken: string) =>
  `Basic ${Buffer.from(`${email}:${apiToken}`, 'utf8').toString('base64')}`;

/** The emulator's users sign in with Basic email:apiToken; the app with `Bearer <appToken>`. */
export function emulatorSite(baseUrl: string, users: EmulatorUser[], appToken: string): SiteConnection {
  const byAccount = new Map(users.map((user) => [user.accountId, user]));
  return {
    baseUrl,
    userAuthorization(accountId) {
      const user = byAccount.get(accountId);
      if (!user) throw new Error(`The emulator site has no user with accountId ${accountId}`);
      return basic(user.email, user.apiToken);
    },
    appAuthorization: () => `Bearer ${appToken}`,
  };
}

/**
 * A real Cloud site from ATLASSIAN_BASE_URL, ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN, or undefined when any
 * is missing. Limitation: an API token belongs to one account, so every asUser() call — whatever accountId
 * it names — and every asApp() call act as that one account, with its permissions. Per-user permission
 * differences and app-only permissions cannot be tried this way; use the emulator for those.
 */
export function realSiteFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConnection | undefined {
  const baseUrl = env.ATLASSIAN_BASE_URL;
  const email = env.ATLASSIAN_EMAIL;
  const apiToken = env.ATLASSIAN_API_TOKEN;
  if (!baseUrl || !email || !apiToken) return undefined;
  if (!URL.canParse(baseUrl)) throw new Error(`ATLASSIAN_BASE_URL is not a URL: ${baseUrl}`);
  const authorization = basic(email, apiToken);
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAuthorization: () => authorization,
    appAuthorization: () => authorization,
  };
}
