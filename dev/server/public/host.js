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

  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== 'forge-dev-bridge') return;
    var message = event.data;
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
