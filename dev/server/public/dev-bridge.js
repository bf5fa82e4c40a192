/*
 * Local stand-in for the Forge host's Custom UI bridge (dev server only, never deployed).
 * @forge/bridge calls globalThis.__bridge.callBridge(command, payload) and awaits the answer; this file
 * answers those commands the way the Forge host would, routing `invoke` to the real resolvers in-process.
 * It must load as a classic script before the app's module script: @forge/bridge reads __bridge at import.
 */
/* global window, document, fetch, location, URLSearchParams */
(function installDevBridge() {
  'use strict';

  var query = new URLSearchParams(location.search);
  var actingAs = query.get('as') || '';
  // Set on the epic panel: the issue whose view hosts it (the host supplies its context, as Forge does).
  var issueKey = query.get('issue') || '';
  // Set on the status macro: the program its config names (Confluence keeps the config, not the app).
  var macroProgram = query.get('program') || '';
  // The host's colour mode (?theme=dark on the host page); the host tells the frame when it changes.
  var colorMode = query.get('theme') === 'dark' ? 'dark' : 'light';
  var themingEnabled = false;
  var contextPromise;

  function readJson(response, what) {
    if (response.ok) return response.json();
    return response.text().then(function (text) {
      throw new Error(what + ' failed: HTTP ' + response.status + ' ' + text);
    });
  }

  function getContext() {
    if (!contextPromise) {
      var url = '/__dev/context?as=' + encodeURIComponent(actingAs);
      if (issueKey) url += '&issue=' + encodeURIComponent(issueKey);
      if (macroProgram) url += '&program=' + encodeURIComponent(macroProgram);
      contextPromise = fetch(url).then(function (response) {
        return readJson(response, 'Reading the Forge context');
      });
    }
    return contextPromise.then(function (context) {
      return Object.assign({}, context, {
        theme: Object.assign({}, context.theme, { colorMode: colorMode }),
      });
    });
  }

  /** Tells the host page (the Jira frame stand-in) about things only the host can do, like navigation. */
  function tellHost(message) {
    if (window.parent && window.parent !== window)
      window.parent.postMessage(Object.assign({ source: 'forge-dev-bridge' }, message), location.origin);
  }

  // The attributes @atlaskit/tokens' setGlobalTheme puts on <html>; the CSS of every theme is already loaded.
  function applyTheme() {
    document.documentElement.setAttribute(
      'data-theme',
      'dark:dark light:light shape:shape spacing:spacing typography:typography',
    );
    document.documentElement.setAttribute('data-color-mode', colorMode);
  }

  /*
   * The global page's history, as the Forge host gives it to view.createHistory(): history v4's API over the
   * host page's URL. The app's path lives after Jira's global-page URL, so pushing changes the host's address
   * bar and the browser's back and forward buttons move the app.
   */
  var historyListeners = [];
  var historyKeys = 0;
  function toLocation(path, state) {
    var raw =
      typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || '');
    var url = new URL(raw, 'http://app.invalid/');
    return {
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      state: state,
      key: String(historyKeys++),
    };
  }
  function hrefOf(location) {
    return location.pathname + location.search + location.hash;
  }
  var hostHistory = {
    length: 1,
    action: 'POP',
    location: toLocation(query.get('path') || '/'),
    listen: function (listener) {
      historyListeners.push(listener);
      return function unlisten() {
        historyListeners = historyListeners.filter(function (other) {
          return other !== listener;
        });
      };
    },
    push: function (path, state) {
      move('PUSH', toLocation(path, state));
    },
    replace: function (path, state) {
      move('REPLACE', toLocation(path, state));
    },
    go: function (delta) {
      tellHost({ type: 'history', action: 'go', delta: delta });
    },
    goBack: function () {
      hostHistory.go(-1);
    },
    goForward: function () {
      hostHistory.go(1);
    },
    back: function () {
      hostHistory.go(-1);
    },
    forward: function () {
      hostHistory.go(1);
    },
    block: function () {
      return function unblock() {};
    },
    createHref: function (location) {
      return typeof location === 'string' ? location : hrefOf(toLocation(location));
    },
  };
  function notifyHistory(action) {
    hostHistory.action = action;
    historyListeners.slice().forEach(function (listener) {
      listener(hostHistory.location, action);
    });
  }
  function move(action, location) {
    hostHistory.location = location;
    if (action === 'PUSH') hostHistory.length += 1;
    tellHost({ type: 'history', action: action === 'PUSH' ? 'push' : 'replace', path: hrefOf(location) });
    notifyHistory(action);
  }

  // What the host page says: its back/forward moved the app's path, or its colour mode changed.
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.origin !== location.origin || !message || message.source !== 'forge-dev-host') return;
    if (message.type === 'history-pop' && typeof message.path === 'string') {
      hostHistory.location = toLocation(message.path);
      notifyHistory('POP');
    } else if (message.type === 'theme' && (message.colorMode === 'light' || message.colorMode === 'dark')) {
      colorMode = message.colorMode;
      if (themingEnabled) applyTheme();
    }
  });

  var handlers = {
    // Resolves to the resolver's return value, as the Forge host does when invoke() passes no metadata.
    invoke: function (payload) {
      return fetch('/__dev/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          Object.assign(
            { key: payload.functionKey, payload: payload.payload || {}, accountId: actingAs },
            issueKey ? { issueKey: issueKey } : {},
            macroProgram ? { macroProgram: macroProgram } : {},
          ),
        ),
      }).then(function (response) {
        return readJson(response, 'Resolver "' + payload.functionKey + '"');
      });
    },
    getContext: getContext,
    // The Forge host loads the design-token themes and marks <html> with the active theme.
    enableTheming: function () {
      if (!document.querySelector('link[data-dev-theme]')) {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/__dev/theme.css';
        link.setAttribute('data-dev-theme', '');
        document.head.appendChild(link);
      }
      themingEnabled = true;
      applyTheme();
      return undefined;
    },
    createHistory: function () {
      return hostHistory;
    },
    navigate: function (location) {
      tellHost({ type: 'navigate', location: location });
      return undefined;
    },
    open: function (location) {
      tellHost({ type: 'open', location: location });
      return undefined;
    },
    // The macro's settings save their config; the Confluence stand-in re-renders the macro with it.
    submit: function (payload) {
      tellHost({ type: 'submit', payload: payload });
      return undefined;
    },
    changeWindowTitle: function (title) {
      tellHost({ type: 'title', title: title });
      return undefined;
    },
    reload: function () {
      location.reload();
      return undefined;
    },
    emitReadyEvent: function () {
      return undefined;
    },
    resize: function () {
      return undefined;
    },
  };

  window.__bridge = {
    callBridge: function callBridge(command, payload) {
      var handler = handlers[command];
      if (!handler) {
        console.warn('[dev bridge] "' + command + '" is not emulated locally; answering undefined.');
        return Promise.resolve(undefined);
      }
      return Promise.resolve().then(function () {
        return handler(payload);
      });
    },
  };

  // The Forge host has the module's context before the app asks for it: read it now, while the app's code
  // loads, not on the app's first getContext() (a failure still reaches that caller).
  getContext().catch(function () {});
})();
