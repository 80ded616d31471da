// The head signs in to the dashboard: OpenID Connect, authorization code with PKCE (S256), in the page itself.
// A small hand-written public client: no library, no external resources. The tokens live in sessionStorage (this
// tab only). Used by dashboard.js through window.DashboardAuth: start() before the first call of the API, fetch()
// for every call.
(function () {
  'use strict';

  const TOKENS = 'outreach.dashboard.tokens';
  const PENDING = 'outreach.dashboard.pending';
  const SIGNED_OUT = 'outreach.dashboard.signed-out';
  const RETRIED = 'outreach.dashboard.signed-in-again';
  const NEVER = new Promise(() => {});

  let config = null;
  let provider = null;
  let refreshing = null;
  let refreshTimer = null;
  let leaving = false;

  // ---------- small helpers ----------

  function base64url(bytes) {
    let text = '';
    bytes.forEach(b => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(size) {
    return base64url(crypto.getRandomValues(new Uint8Array(size)));
  }

  async function challengeOf(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64url(new Uint8Array(digest));
  }

  /** The claims of a JWT, read without checking its signature (the page got it straight from the provider). */
  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return {};
    }
  }

  function read(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    if (value === null || value === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  }

  /** The page's own address without query and hash: where the provider sends the head back. */
  function pageUrl() {
    return location.origin + location.pathname;
  }

  function show(id, visible) {
    const node = document.getElementById(id);
    if (node) node.hidden = !visible;
    return node;
  }

  class SignInError extends Error {
  }

  // ---------- tokens ----------

  /** Tokens as kept: the access token's exp and iat in milliseconds, so that validity is a comparison. */
  function keep(response, previous) {
    const access = claims(response.access_token);
    const now = Date.now();
    const expires = access.exp ? access.exp * 1000 : now + (response.expires_in || 60) * 1000;
    const issued = access.iat ? access.iat * 1000 : now;
    const tokens = {
      access: response.access_token,
      refresh: response.refresh_token || (previous && previous.refresh) || null,
      id: response.id_token || (previous && previous.id) || null,
      expires, issued
    };
    write(TOKENS, tokens);
    schedule(tokens);
    return tokens;
  }

  /** Lifetime-relative margins: a five-minute token is renewed a minute early, a short one a third early. */
  function lifetime(tokens) {
    return Math.max(1000, tokens.expires - tokens.issued);
  }

  function usable(tokens) {
    return !!tokens && !!tokens.access && Date.now() < tokens.expires - Math.min(10000, lifetime(tokens) / 6);
  }

  function schedule(tokens) {
    clearTimeout(refreshTimer);
    if (!tokens.refresh) return;
    const at = tokens.expires - Math.min(60000, lifetime(tokens) / 3);
    refreshTimer = setTimeout(() => refresh(tokens.access).catch(() => {}), Math.max(0, at - Date.now()));
  }

  async function tokenRequest(params) {
    let response;
    try {
      response = await fetch(provider.token_endpoint, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
        body: new URLSearchParams(Object.assign({client_id: config.clientId}, params))
      });
    } catch (e) {
      throw new SignInError('сервер входа недоступен');
    }
    let body = {};
    try {
      body = await response.json();
    } catch (ignored) {
      // not JSON
    }
    if (!response.ok || !body.access_token) {
      throw new SignInError(body.error_description || body.error || `сервер входа ответил кодом ${response.status}`);
    }
    return body;
  }

  /**
   * A new access token by the refresh token; one request at a time. stale is the access token that failed or is
   * about to expire: when another call has renewed it meanwhile, the renewed one is used. False when it can't.
   */
  function refresh(stale) {
    const tokens = read(TOKENS);
    if (tokens && tokens.access !== stale && usable(tokens)) return Promise.resolve(true);
    if (!tokens || !tokens.refresh) return Promise.resolve(false);
    if (!refreshing) {
      refreshing = tokenRequest({grant_type: 'refresh_token', refresh_token: tokens.refresh})
        .then(response => {
          keep(response, tokens);
          return true;
        }, () => {
          write(TOKENS, Object.assign({}, tokens, {refresh: null}));
          return false;
        })
        .finally(() => { refreshing = null; });
    }
    return refreshing;
  }

  /** An access token to send; signs in (leaves the page) when none can be had. */
  async function accessToken() {
    let tokens = read(TOKENS);
    if (usable(tokens)) return tokens.access;
    if (await refresh(tokens && tokens.access)) {
      tokens = read(TOKENS);
      if (usable(tokens)) return tokens.access;
    }
    return signIn();
  }

  // ---------- the flow ----------

  async function discover() {
    let response;
    try {
      response = await fetch(config.issuer.replace(/\/+$/, '') + '/.well-known/openid-configuration',
        {headers: {Accept: 'application/json'}});
    } catch (e) {
      throw new SignInError('сервер входа недоступен');
    }
    if (!response.ok) throw new SignInError(`сервер входа ответил кодом ${response.status}`);
    const found = await response.json();
    if (String(found.issuer).replace(/\/+$/, '') !== config.issuer.replace(/\/+$/, '')) {
      throw new SignInError('сервер входа назвался другим издателем: ' + found.issuer);
    }
    return found;
  }

  /** Leaves for the provider's sign-in; the chosen period comes back through sessionStorage, keyed by state. */
  async function signIn() {
    leaving = true; // the calls still under way wait for nothing: the page is leaving
    const verifier = random(48);
    const state = random(24);
    const nonce = random(24);
    write(PENDING, {state, verifier, nonce, back: location.search + location.hash});
    write(SIGNED_OUT, null);
    const params = new URLSearchParams({
      response_type: 'code', client_id: config.clientId, redirect_uri: pageUrl(), scope: 'openid',
      state, nonce, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256'
    });
    location.assign(provider.authorization_endpoint + (provider.authorization_endpoint.includes('?') ? '&' : '?')
      + params);
    return NEVER;
  }

  /** Back from the provider: the code for tokens, the address as it was before (the period kept). */
  async function finishSignIn(params) {
    const pending = read(PENDING);
    write(PENDING, null);
    const back = pending ? pending.back : '';
    history.replaceState(null, '', location.pathname + back);
    if (params.get('error')) {
      throw new SignInError(params.get('error_description') || params.get('error'));
    }
    if (!pending || pending.state !== params.get('state')) {
      return false; // not our answer (an old tab, a bookmarked address): sign in afresh
    }
    const response = await tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: pageUrl(),
      code_verifier: pending.verifier
    });
    const nonce = response.id_token ? claims(response.id_token).nonce : undefined;
    if (nonce !== undefined && nonce !== pending.nonce) throw new SignInError('ответ сервера входа не к этому входу');
    keep(response, null);
    return true;
  }

  function signOut() {
    const tokens = read(TOKENS);
    clearTimeout(refreshTimer);
    write(TOKENS, null);
    write(RETRIED, null);
    write(SIGNED_OUT, true);
    if (!provider || !provider.end_session_endpoint) {
      location.replace(pageUrl());
      return;
    }
    const params = new URLSearchParams({post_logout_redirect_uri: pageUrl(), client_id: config.clientId});
    if (tokens && tokens.id) params.set('id_token_hint', tokens.id);
    location.assign(provider.end_session_endpoint + (provider.end_session_endpoint.includes('?') ? '&' : '?')
      + params);
  }

  function showPerson() {
    const tokens = read(TOKENS) || {};
    const person = Object.assign({}, claims(tokens.access), tokens.id ? claims(tokens.id) : {});
    const name = person.name || person.preferred_username || 'без имени';
    document.getElementById('account-name').textContent = name;
    show('account', true);
    return name;
  }

  function showSignedOut() {
    show('signed-out', true);
    const button = document.getElementById('sign-in');
    button.addEventListener('click', () => {
      button.disabled = true;
      signIn();
    });
    button.focus();
  }

  /**
   * Before the page's first call of the API. Resolves to {enabled, name} when the page may load its reports; to
   * {stopped: true} when it must not (signed out, or sign-in failed: the page says so); never when it leaves for the
   * provider.
   */
  async function start() {
    try {
      let response;
      try {
        response = await fetch('dashboard/config.json', {headers: {Accept: 'application/json'}});
      } catch (e) {
        throw new SignInError('сервис отчётов недоступен');
      }
      if (!response.ok) throw new SignInError(`настройки входа не получены (код ${response.status})`);
      config = await response.json();
      if (!config.enabled) return {enabled: false};
      document.getElementById('sign-out').addEventListener('click', signOut);
      provider = await discover();
      const params = new URLSearchParams(location.search);
      if (params.has('code') || params.has('error')) {
        await finishSignIn(params);
      } else if (read(SIGNED_OUT)) {
        showSignedOut();
        return {stopped: true};
      }
      const tokens = read(TOKENS);
      if (usable(tokens)) {
        schedule(tokens);
      } else if (!(await refresh(tokens && tokens.access))) {
        return signIn();
      }
      return {enabled: true, name: showPerson()};
    } catch (e) {
      const box = show('sign-in-error', true);
      box.replaceChildren(document.createTextNode('Не удалось войти: ' + (e instanceof SignInError ? e.message : e)
        + '. '));
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'secondary';
      again.textContent = 'Войти снова';
      again.addEventListener('click', () => {
        write(SIGNED_OUT, null);
        location.replace(pageUrl() + location.search);
      });
      box.append(again);
      return {stopped: true};
    }
  }

  /**
   * fetch with the head's access token. A 401 renews the token once by the refresh token, then signs in again once
   * (the flag lives until an answer succeeds, so a provider and a service that disagree can't loop the page).
   */
  async function authorizedFetch(url, init) {
    if (!config || !config.enabled) return fetch(url, init);
    const send = token => {
      const headers = new Headers((init && init.headers) || {});
      headers.set('Authorization', 'Bearer ' + token);
      return fetch(url, Object.assign({}, init, {headers}));
    };
    let token = await accessToken();
    let response = await send(token);
    if (response.status === 401 && await refresh(token)) {
      token = read(TOKENS).access;
      response = await send(token);
    }
    if (leaving) return NEVER;
    if (response.status !== 401) {
      if (response.ok) write(RETRIED, null);
      return response;
    }
    if (read(RETRIED)) return response;
    write(RETRIED, true);
    write(TOKENS, null);
    return signIn();
  }

  window.DashboardAuth = {start, fetch: authorizedFetch};
})();
