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
    return contextPromise;
  }

  /** Tells the host page (the Jira frame stand-in) about things only the host can do, like navigation. */
  function tellHost(message) {
    if (window.parent && window.parent !== window)
      window.parent.postMessage(Object.assign({ source: 'forge-dev-bridge' }, message), location.origin);
  }

  var themeAttributes = {
    'data-theme': 'dark:dark light:light shape:shape spacing:spacing typography:typography',
    'data-color-mode': 'light',
  };

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
      Object.keys(themeAttributes).forEach(function (name) {
        document.documentElement.setAttribute(name, themeAttributes[name]);
      });
      return undefined;
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
})();
