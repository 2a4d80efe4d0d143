// WeCom Bridge serve-mode shim: defines window.go.main.App.* and window.runtime.*
// with the same contracts as the Wails v2 runtime, so the compiled frontend runs
// unchanged in a browser. Bound calls go to POST /api/rpc/<Method>; events come
// from GET /api/events (SSE). Served by backend/server, which fills in the
// bound method names below.
//
// Auth (docs/serve-api.md): the printed URL carries the token in the fragment
// (#token=…), which the server never sees. The shim moves it into
// sessionStorage, takes it out of the address bar, and sends it as
// Authorization: Bearer. The event stream and download links, which cannot
// send a header, use single-use tickets from POST /api/auth/ticket. Nothing
// is kept in a cookie: browsers send a host's cookies to every port of it.
(function () {
  'use strict';
  var methods = __METHODS__;
  var TOKEN_KEY = 'wecomBridge.serveToken';
  var memoryToken = '';

  function getToken() {
    try { return sessionStorage.getItem(TOKEN_KEY) || memoryToken; } catch (e) { return memoryToken; }
  }
  function setToken(t) {
    memoryToken = t;
    try { if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* memory only */ }
  }
  (function takeFragmentToken() {
    var m = /^#token=([^&]*)(?:&(.*))?$/.exec(location.hash);
    if (!m) return;
    try { setToken(decodeURIComponent(m[1])); } catch (e) { setToken(m[1]); }
    history.replaceState(history.state, '', location.pathname + location.search + (m[2] ? '#' + m[2] : ''));
  })();

  function authHeaders() {
    var t = getToken();
    return t ? { Authorization: 'Bearer ' + t } : {};
  }

  var zhSignedOut = '未登录：请打开 wecom-bridge serve 打印的网址，或在此输入访问令牌';
  var enSignedOut = 'Signed out: open the URL wecom-bridge serve printed, or enter the access token here';
  // Rejections carry the admin's message, {code, args, zh, en}, as every failed call does.
  var signedOut = { code: 'signed_out', args: {}, zh: zhSignedOut, en: enSignedOut };

  function post(path, body) {
    var headers = authHeaders();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method: 'POST', credentials: 'omit', cache: 'no-store', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  // errorMessage: the admin's message {code, args, zh, en} a failed request
  // carries, else its text.
  function errorMessage(resp, text) {
    var body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    var e = body && body.error;
    if (e && e.code && e.zh) return { code: e.code, args: e.args || {}, zh: e.zh, en: e.en || '', message: e.message || '' };
    return e && e.message ? e.message : (text || resp.statusText);
  }

  // unauthorized: the token is wrong or was rotated; sign this tab out.
  function unauthorized(resp) {
    if (resp.status !== 401) return false;
    setToken('');
    showSignIn('');
    return true;
  }

  function call(name, args) {
    if (!getToken()) { showSignIn(''); return Promise.reject(signedOut); }
    return post('/api/rpc/' + name, args).then(function (resp) {
      return resp.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!resp.ok) {
          if (unauthorized(resp)) throw signedOut;
          // Like the desktop window (Wails' ErrorFormatter), reject with the
          // admin's message {code, args, zh, en}; a body that is not one
          // rejects with its text.
          throw errorMessage(resp, text);
        }
        return body ? body.result : undefined;
      });
    });
  }

  // ticket gets a single-use stand-in for the token (30 s) for a URL.
  function ticket() {
    if (!getToken()) return Promise.reject(signedOut);
    return post('/api/auth/ticket').then(function (resp) {
      return resp.text().then(function (text) {
        if (!resp.ok) {
          if (unauthorized(resp)) throw signedOut;
          throw errorMessage(resp, text);
        }
        return JSON.parse(text).ticket;
      });
    });
  }
  function withTicket(url) {
    return ticket().then(function (t) { return url + (url.indexOf('?') === -1 ? '?' : '&') + 'ticket=' + encodeURIComponent(t); });
  }

  var app = {};
  methods.forEach(function (name) {
    app[name] = function () { return call(name, Array.prototype.slice.call(arguments)); };
  });
  window.go = window.go || {};
  window.go.main = window.go.main || {};
  window.go.main.App = app;

  // --- events: same semantics as Wails' runtime/events.js ---
  var listeners = {}; // name -> [{cb, left}]
  function on(name, cb, max) {
    listeners[name] = listeners[name] || [];
    var l = { cb: cb, left: max };
    listeners[name].push(l);
    return function () {
      var arr = listeners[name];
      if (!arr) return;
      var i = arr.indexOf(l);
      if (i !== -1) arr.splice(i, 1);
      if (arr.length === 0) delete listeners[name];
    };
  }
  function dispatch(name, data) {
    var arr = listeners[name];
    if (!arr) return;
    arr.slice().forEach(function (l) {
      try { l.cb.apply(null, data); } catch (e) { console.error(e); }
      if (l.left !== -1) {
        l.left -= 1;
        if (l.left <= 0) {
          var i = arr.indexOf(l);
          if (i !== -1) arr.splice(i, 1);
        }
      }
    });
    if (arr.length === 0) delete listeners[name];
  }
  function off(name) {
    var names = [name].concat(Array.prototype.slice.call(arguments, 1));
    names.forEach(function (n) { delete listeners[n]; });
  }

  var source = null;
  var retryMs = 1000;
  var retryTimer = null;
  function scheduleReconnect() {
    if (retryTimer || !getToken()) return;
    retryTimer = setTimeout(function () { retryTimer = null; connect(); }, retryMs);
    retryMs = Math.min(retryMs * 2, 30000);
  }
  function connect() {
    if (typeof EventSource === 'undefined' || source || !getToken()) return;
    ticket().then(function (t) {
      if (source) return;
      source = new EventSource('/api/events?ticket=' + encodeURIComponent(t));
      source.onopen = function () { retryMs = 1000; };
      source.onmessage = function (msg) {
        var ev;
        try { ev = JSON.parse(msg.data); } catch (e) { return; }
        dispatch(ev.name, ev.data === undefined ? [] : [ev.data]);
      };
      // A ticket is used once, so reconnect with a new one (not EventSource's own retry).
      source.onerror = function () {
        if (source) source.close();
        source = null;
        scheduleReconnect();
      };
    }, scheduleReconnect);
  }
  function disconnect() {
    if (source) source.close();
    source = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }
  connect();

  // --- sign in / sign out ---
  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (css) e.style.cssText = css;
    return e;
  }
  function showSignIn(reason) {
    disconnect();
    if (!document.body) {
      document.addEventListener('DOMContentLoaded', function () { showSignIn(reason); });
      return;
    }
    if (document.getElementById('wb-signin')) return;
    var box = el('div', '', 'position:fixed;inset:0;z-index:2147483647;background:#fff;overflow:auto;font-family:sans-serif');
    box.id = 'wb-signin';
    box.setAttribute('data-testid', 'serve-signin');
    var inner = el('div', '', 'max-width:40em;margin:4em auto;padding:0 1em');
    inner.appendChild(el('h1', '需要访问令牌 / Token required'));
    if (reason) {
      var r = el('p', reason, 'color:#b45309');
      r.setAttribute('data-testid', 'serve-signin-reason');
      inner.appendChild(r);
    }
    inner.appendChild(el('p', '请打开 wecom-bridge serve 启动时打印的网址（令牌在 # 之后），或输入数据目录中 serve.token 文件里的令牌。'));
    inner.appendChild(el('p', 'Open the URL wecom-bridge serve printed (the token follows the #), or enter the token from serve.token in the data directory.'));
    var form = el('form', '', 'display:flex;gap:.5em;margin-top:1em');
    var input = el('input', '', 'flex:1;padding:.4em');
    input.type = 'password';
    input.autocomplete = 'off';
    input.setAttribute('aria-label', '访问令牌 / Access token');
    input.setAttribute('data-testid', 'serve-signin-token');
    var button = el('button', '登录 / Sign in', 'padding:.4em 1em');
    button.type = 'submit';
    button.setAttribute('data-testid', 'serve-signin-submit');
    var err = el('p', '', 'color:#b91c1c');
    err.setAttribute('data-testid', 'serve-signin-error');
    form.appendChild(input);
    form.appendChild(button);
    inner.appendChild(form);
    inner.appendChild(err);
    box.appendChild(inner);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var t = input.value.trim();
      if (!t) return;
      setToken(t);
      post('/api/auth/ticket').then(function (resp) {
        if (resp.ok) { location.reload(); return; }
        setToken('');
        return resp.text().then(function (text) {
          var m = errorMessage(resp, text);
          // The sign-in page speaks both languages; so does a message from the server.
          err.textContent = resp.status === 401 ? '令牌不对 / Wrong token' : (typeof m === 'string' ? m : m.zh + ' / ' + m.en);
        });
      }, function (e2) { setToken(''); err.textContent = String(e2); });
    });
    document.body.appendChild(box);
    input.focus();
  }
  if (!getToken()) showSignIn('');

  // Serve-only actions for the UI (frontend/src/api/serve.ts).
  window.__wecomBridgeServe = {
    authHeaders: authHeaders,
    withTicket: withTicket,
    signOut: function () { setToken(''); showSignIn(''); },
    // rotate: a new token replaces this one for every browser; serve prints
    // the new URL and writes the token file. Rejects with the error text.
    rotate: function () {
      return post('/api/auth/rotate', {}).then(function (resp) {
        return resp.text().then(function (text) {
          if (!resp.ok) {
            if (unauthorized(resp)) throw signedOut;
            throw errorMessage(resp, text);
          }
          setToken('');
          showSignIn('令牌已更换，所有浏览器已退出。新的网址已打印在 serve 的输出中，新令牌在 serve.token。 / ' +
            'The token was rotated and every browser signed out. serve printed the new URL; the new token is in serve.token.');
        });
      });
    },
  };

  function noop() {}
  window.runtime = {
    EventsOnMultiple: on,
    EventsOn: function (name, cb) { return on(name, cb, -1); },
    EventsOnce: function (name, cb) { return on(name, cb, 1); },
    EventsOff: off,
    EventsOffAll: function () { listeners = {}; },
    EventsEmit: function (name) { dispatch(name, Array.prototype.slice.call(arguments, 1)); },
    LogPrint: function (m) { console.log(m); }, LogTrace: function (m) { console.debug(m); },
    LogDebug: function (m) { console.debug(m); }, LogInfo: function (m) { console.info(m); },
    LogWarning: function (m) { console.warn(m); }, LogError: function (m) { console.error(m); },
    LogFatal: function (m) { console.error(m); },
    BrowserOpenURL: function (url) { window.open(url, '_blank', 'noopener'); },
    ClipboardSetText: function (text) {
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return false; });
      }
      var ta = document.createElement('textarea');
      ta.value = text; document.body.appendChild(ta); ta.select();
      var ok = false; try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      return Promise.resolve(ok);
    },
    ClipboardGetText: function () { return navigator.clipboard ? navigator.clipboard.readText() : Promise.resolve(''); },
    Environment: function () { return Promise.resolve({ buildType: 'production', platform: 'web', arch: '' }); },
    WindowSetTitle: function (t) { document.title = t; },
    WindowReload: function () { location.reload(); }, WindowReloadApp: function () { location.reload(); },
    Quit: noop, Hide: noop, Show: noop, WindowShow: noop, WindowHide: noop,
    WindowMaximise: noop, WindowUnmaximise: noop, WindowToggleMaximise: noop, WindowMinimise: noop,
    WindowUnminimise: noop, WindowFullscreen: noop, WindowUnfullscreen: noop, WindowCenter: noop,
    WindowSetSize: noop, WindowSetMinSize: noop, WindowSetMaxSize: noop, WindowSetPosition: noop,
    WindowSetAlwaysOnTop: noop, WindowSetSystemDefaultTheme: noop, WindowSetLightTheme: noop, WindowSetDarkTheme: noop,
    WindowSetBackgroundColour: noop,
    WindowIsMaximised: function () { return Promise.resolve(false); },
    WindowIsMinimised: function () { return Promise.resolve(false); },
    WindowIsNormal: function () { return Promise.resolve(true); },
    WindowIsFullscreen: function () { return Promise.resolve(false); },
    WindowGetSize: function () { return Promise.resolve({ w: window.innerWidth, h: window.innerHeight }); },
    WindowGetPosition: function () { return Promise.resolve({ x: 0, y: 0 }); },
    ScreenGetAll: function () { return Promise.resolve([]); },
  };
  window.__wecomBridgeServeMode = true;
})();
