/** The Confluence page stand-in that hosts the status macro (or its settings). Static HTML: scripts are separate files. */
import { escapeHtml, themeSwitch, type ColorMode, type HostPageUser } from './host-page';

export interface WikiPageModel {
  users: readonly HostPageUser[];
  actingAs: HostPageUser;
  /** The program the macro's config names; empty for a macro not configured yet. */
  programId: string;
  /** `page`: the page with the macro; `macro-config`: the macro's settings panel. */
  view: 'page' | 'macro-config';
  /** Confluence's colour mode; the macro follows it once it enables theming. */
  colorMode?: ColorMode;
}

export function renderWikiPage(model: WikiPageModel): string {
  const as = encodeURIComponent(model.actingAs.email);
  const program = encodeURIComponent(model.programId);
  const colorMode = model.colorMode ?? 'light';
  const theme = colorMode === 'dark' ? '&theme=dark' : '';
  const options = model.users
    .map((user) => {
      const selected = user.accountId === model.actingAs.accountId ? ' selected' : '';
      return `<option value="${escapeHtml(user.email)}"${selected}>${escapeHtml(user.displayName)} (${escapeHtml(user.email)})</option>`;
    })
    .join('\n          ');
  const src =
    model.view === 'page'
      ? `/status-macro/index.html?program=${program}&as=${as}${theme}`
      : `/status-macro/config/index.html?program=${program}&as=${as}${theme}`;
  const title = model.view === 'page' ? 'Program status' : 'Program status — macro settings';
  return `<!doctype html>
<html lang="en" data-color-mode="${colorMode}" data-theme="dark:dark light:light shape:shape spacing:spacing typography:typography">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} - Confluence (local demo)</title>
    <link rel="stylesheet" href="/__dev/theme.css" />
    <link rel="stylesheet" href="/__dev/host.css" />
    <script src="/__dev/host.js" defer></script>
  </head>
  <body data-site-url="">
    <header class="top-nav">
      <a class="product" href="/wiki/page?program=${escapeHtml(program)}&amp;as=${escapeHtml(as)}"><span>Confluence</span></a>
      <div class="spacer"></div>
      <form id="user-switcher" class="user-switcher" method="get" action="/wiki/${model.view}">
        <input type="hidden" name="program" value="${escapeHtml(model.programId)}" />
        <label for="acting-user">Acting as</label>
        <select id="acting-user" name="as">
          ${options}
        </select>
        ${themeSwitch(colorMode)}
        <button id="acting-user-submit" type="submit">Switch</button>
      </form>
    </header>
    <main class="issue-view">
      <h1 class="issue-summary">${title}</h1>
      <p>A Confluence page with the Program status macro${model.view === 'page' ? ` (<a id="edit-macro" href="/wiki/macro-config?program=${escapeHtml(program)}&amp;as=${escapeHtml(as)}">edit the macro</a>)` : ''}.</p>
      <iframe class="panel-frame" id="forge-app" title="${title}" src="${escapeHtml(src)}"
        sandbox="allow-downloads allow-forms allow-modals allow-popups allow-same-origin allow-scripts"></iframe>
    </main>
    <div id="host-toast" class="host-toast" role="status" hidden></div>
  </body>
</html>
`;
}
