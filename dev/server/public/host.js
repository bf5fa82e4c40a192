/* The Jira frame stand-in: switches the acting user and shows what the app asked the host to do. */
/* global document, window, location, setTimeout, clearTimeout, URLSearchParams */
(function startHostPage() {
  'use strict';

  var form = document.getElementById('user-switcher');
  var select = document.getElementById('acting-user');
  var submit = document.getElementById('acting-user-submit');
  if (form && select) {
    if (submit) submit.hidden = true;
    select.addEventListener('change', function () {
      form.submit();
    });
  }

  var toast = document.getElementById('host-toast');
  var hideTimer;
  function say(text) {
    if (!toast) return;
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      toast.hidden = true;
    }, 5000);
  }

  function describe(target) {
    if (typeof target === 'string') return target;
    if (target && target.target === 'issue') return 'issue ' + target.issueKey;
    return JSON.stringify(target);
  }

  var frame = document.getElementById('forge-app');
  function tellApp(message) {
    if (frame && frame.contentWindow)
      frame.contentWindow.postMessage(Object.assign({ source: 'forge-dev-host' }, message), location.origin);
  }

  // Jira's global page URL is <base><app path>; the app's history moves the part after the base.
  var base = document.body.getAttribute('data-global-page-base');
  function appPathOf(pathname) {
    if (!base || pathname.indexOf(base) !== 0) return '/';
    return pathname.slice(base.length) || '/';
  }
  function moveHistory(message) {
    if (!base) return;
    if (message.action === 'go' && typeof message.delta === 'number') {
      window.history.go(message.delta);
      return;
    }
    if (typeof message.path !== 'string' || message.path.charAt(0) !== '/') return;
    var url = new URL(message.path, location.origin);
    var target = (url.pathname === '/' ? base : base + url.pathname) + location.search;
    if (message.action === 'push') window.history.pushState({ appPath: url.pathname }, '', target);
    else window.history.replaceState({ appPath: url.pathname }, '', target);
  }
  window.addEventListener('popstate', function () {
    tellApp({ type: 'history-pop', path: appPathOf(location.pathname) });
  });

  // The appearance switch: re-theme the host and tell the app, which follows when it enabled theming.
  var themeSelect = document.getElementById('host-theme');
  if (themeSelect) {
    themeSelect.addEventListener('change', function () {
      var mode = themeSelect.value === 'dark' ? 'dark' : 'light';
      document.documentElement.setAttribute('data-color-mode', mode);
      var query = new URLSearchParams(location.search);
      if (mode === 'dark') query.set('theme', 'dark');
      else query.delete('theme');
      var search = query.toString();
      window.history.replaceState(window.history.state, '', location.pathname + (search ? '?' + search : ''));
      tellApp({ type: 'theme', colorMode: mode });
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== 'forge-dev-bridge') return;
    var message = event.data;
    if (message.type === 'history') {
      moveHistory(message);
      return;
    }
    if (message.type === 'submit') {
      // Status macro settings saved: show the page with the macro configured for that program.
      var config = message.payload && message.payload.config;
      var as = new URLSearchParams(location.search).get('as') || '';
      if (config && typeof config.programId === 'string')
        location.href =
          '/wiki/page?program=' + encodeURIComponent(config.programId) + '&as=' + encodeURIComponent(as);
      return;
    }
    if (message.type === 'navigate' || message.type === 'open') {
      var site = document.body.getAttribute('data-site-url') || '';
      var target =
        message.location && message.location.target === 'issue'
          ? site + '/browse/' + message.location.issueKey
          : describe(message.location);
      say(
        'The app asked Jira to open ' +
          describe(message.location) +
          ' (' +
          target +
          '). Jira pages are not emulated in the local demo.',
      );
    } else if (message.type === 'title' && typeof message.title === 'string') {
      document.title = message.title + ' - Jira (local demo)';
    }
  });
})();
