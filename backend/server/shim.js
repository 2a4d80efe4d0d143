// WeCom Bridge serve-mode shim: defines window.go.main.App.* and window.runtime.*
// with the same contracts as the Wails v2 runtime, so the compiled frontend runs
// unchanged in a browser. Bound calls go to POST /api/rpc/<Method>; events come
// from GET /api/events (SSE). Served by backend/server, which fills in the
// bound method names below.
(function () {
  'use strict';
  var methods = __METHODS__;

  function call(name, args) {
    return fetch('/api/rpc/' + name, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    }).then(function (resp) {
      return resp.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!resp.ok) {
          // Wails rejects with the error text; keep that contract.
          var msg = body && body.error && body.error.message ? body.error.message : (text || resp.statusText);
          throw msg;
        }
        return body ? body.result : undefined;
      });
    });
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
  function connect() {
    if (typeof EventSource === 'undefined') return;
    source = new EventSource('/api/events');
    source.onmessage = function (msg) {
      var ev;
      try { ev = JSON.parse(msg.data); } catch (e) { return; }
      dispatch(ev.name, ev.data === undefined ? [] : [ev.data]);
    };
  }
  connect();

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
