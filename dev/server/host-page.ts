/** The Jira global-page frame stand-in that hosts the app's iframe. Static HTML: scripts are separate files. */

export interface HostPageUser {
  accountId: string;
  email: string;
  displayName: string;
}

/** An issue whose view hosts the epic panel (the jira:issuePanel stand-in). */
export interface HostPageIssue {
  key: string;
  id: string;
  type: string;
  summary: string;
}

export type ColorMode = 'light' | 'dark';

/** Where Jira serves a Forge global page; the app's own path follows it (`…/programs/<id>/<tab>`). */
export const GLOBAL_PAGE_BASE = '/jira/apps/local-app/local-env';

/** The host URL of an app path, as Jira shows it once the app pushes that path onto its history. */
export function globalPageUrl(appPath: string): string {
  const path = appPath.startsWith('/') ? appPath : `/${appPath}`;
  return path === '/' ? GLOBAL_PAGE_BASE : `${GLOBAL_PAGE_BASE}${path}`;
}

/** The host's colour mode from `?theme=`: dark when asked for, light otherwise (Jira's default). */
export function colorModeOf(theme: unknown): ColorMode {
  return theme === 'dark' ? 'dark' : 'light';
}

export interface HostPageModel {
  users: readonly HostPageUser[];
  actingAs: HostPageUser;
  siteUrl: string;
  siteLabel: string;
  /** Render an issue view with the epic panel instead of the global page. */
  issue?: HostPageIssue;
  /** The app's path inside the global page (`/` when the URL names none); the app's history starts there. */
  appPath?: string;
  /** The host's colour mode; an app that enabled theming follows it. */
  colorMode?: ColorMode;
}

/** The host's theme switch, as Jira's appearance menu: changing it re-themes the host and every themed app. */
export function themeSwitch(colorMode: ColorMode): string {
  const option = (mode: ColorMode, label: string) =>
    `<option value="${mode}"${mode === colorMode ? ' selected' : ''}>${label}</option>`;
  return `<label for="host-theme">Theme</label>
        <select id="host-theme" name="theme">${option('light', 'Light')}${option('dark', 'Dark')}</select>`;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function initials(displayName: string): string {
  const letters = displayName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return (letters[0] ?? '') + (letters.length > 1 ? (letters[letters.length - 1] ?? '') : '');
}

const jiraMark = `<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <rect width="24" height="24" rx="6" fill="#1868DB"/>
  <path d="M7 7h10v2.2h-3.9v5.3a3.6 3.6 0 0 1-6.1 2.6l1.5-1.6a1.4 1.4 0 0 0 2.4-1V9.2H7z" fill="#fff"/>
</svg>`;

export function renderHostPage(model: HostPageModel): string {
  const options = model.users
    .map((user) => {
      const selected = user.accountId === model.actingAs.accountId ? ' selected' : '';
      return `<option value="${escapeHtml(user.email)}"${selected}>${escapeHtml(user.displayName)} (${escapeHtml(user.email)})</option>`;
    })
    .join('\n            ');
  const as = encodeURIComponent(model.actingAs.email);
  const issue = model.issue;
  const colorMode = model.colorMode ?? 'light';
  const appPath = model.appPath ?? '/';
  const theme = colorMode === 'dark' ? '&theme=dark' : '';
  const appSrc = issue
    ? `/epic-panel/index.html?issue=${encodeURIComponent(issue.key)}&as=${as}${theme}`
    : `/app/index.html?as=${as}&path=${encodeURIComponent(appPath)}${theme}`;
  // Another user may not take part in the program on screen: switching opens the global page's start.
  const switchAction = issue ? `/issue/${encodeURIComponent(issue.key)}` : GLOBAL_PAGE_BASE;
  const frame = issue
    ? `<main class="issue-view">
      <p class="issue-crumb">${escapeHtml(issue.type)} · <span id="issue-key">${escapeHtml(issue.key)}</span></p>
      <h1 class="issue-summary">${escapeHtml(issue.summary)}</h1>
      <h2 class="issue-panel-title">Programs</h2>
      <iframe class="panel-frame" id="forge-app" title="Programs epic panel" src="${escapeHtml(appSrc)}"
        sandbox="allow-downloads allow-forms allow-modals allow-popups allow-same-origin allow-scripts"></iframe>
    </main>`
    : `<iframe class="app-frame" id="forge-app" title="Programs app" src="${escapeHtml(appSrc)}"
      sandbox="allow-downloads allow-forms allow-modals allow-popups allow-same-origin allow-scripts"></iframe>`;
  return `<!doctype html>
<html lang="en" data-color-mode="${colorMode}" data-theme="dark:dark light:light shape:shape spacing:spacing typography:typography">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${issue ? `${escapeHtml(issue.key)} - ` : 'Programs - '}Jira (local demo)</title>
    <link rel="stylesheet" href="/__dev/theme.css" />
    <link rel="stylesheet" href="/__dev/host.css" />
    <script src="/__dev/host.js" defer></script>
  </head>
  <body data-site-url="${escapeHtml(model.siteUrl)}"${issue ? '' : ` data-global-page-base="${GLOBAL_PAGE_BASE}"`}>
    <header class="top-nav">
      <div class="app-switcher" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span></div>
      <a class="product" href="${GLOBAL_PAGE_BASE}?as=${encodeURIComponent(model.actingAs.email)}${theme}">${jiraMark}<span>Jira</span></a>
      <nav aria-label="Jira">
        <ul class="primary-nav">
          <li><a href="#your-work">Your work</a></li>
          <li><a href="#projects">Projects</a></li>
          <li><a href="#filters">Filters</a></li>
          <li><a href="#dashboards">Dashboards</a></li>
          <li><a href="${GLOBAL_PAGE_BASE}?as=${encodeURIComponent(model.actingAs.email)}${theme}" aria-current="page">Apps</a></li>
        </ul>
      </nav>
      <div class="spacer"></div>
      <div class="search" aria-hidden="true">Search</div>
      <form id="user-switcher" class="user-switcher" method="get" action="${escapeHtml(switchAction)}">
        <label for="acting-user">Acting as</label>
        <select id="acting-user" name="as">
            ${options}
        </select>
        ${themeSwitch(colorMode)}
        <button id="acting-user-submit" type="submit">Switch</button>
        <span class="avatar" aria-hidden="true" title="${escapeHtml(model.actingAs.displayName)}">${escapeHtml(initials(model.actingAs.displayName))}</span>
      </form>
    </header>
    <p class="demo-banner">Local demo: the app below runs its real resolvers in-process against ${escapeHtml(model.siteLabel)}, as ${escapeHtml(model.actingAs.displayName)}.</p>
    ${frame}
    <div id="host-toast" class="host-toast" role="status" hidden></div>
  </body>
</html>
`;
}
