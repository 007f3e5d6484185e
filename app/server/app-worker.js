// Service worker of the Guangzhou district targets explorer.
//
// go-app fills in {{.Version}} (a hash of the site's content) and
// {{.ResourcesToCache}}; the server fills in the app shell, the pages and
// the charts' embed pages and downloads. Install caches the app, the data
// and the pages before it succeeds; the embed pages and downloads follow
// once a page asks (see warm); activation, which only
// follows a complete install, removes older caches. The worker does not
// claim open pages: go-app reads a worker that activates under a page
// with a controller as an update, which a first visit is not. Navigations go to the
// network first and, offline, to the cached page or the app shell, which
// then renders the route itself; an embed address gets its cached embed
// page, which may be framed, and any other address a not-found page with
// status 404. Assets come from the cache.

const VERSION = "{{.Version}}";
const CACHE_PREFIX = "gz-targets-";
const CACHE = CACHE_PREFIX + VERSION;
const PRECACHE = {{.ResourcesToCache}};
const SHELL = "%SHELL%";
const PAGES = %PAGES%;
const NOT_FOUND_PAGE = "%NOT_FOUND_PAGE%";
const EMBEDS = "%EMBEDS%";
const NOT_FOUND_EMBEDS = %NOT_FOUND_EMBEDS%; // by language, with "" for any other
const NAVIGATION_TIMEOUT_MS = 4000;
// WARM lists the charts' embed pages and CSV downloads: cached after
// install, when a page asks, so that installing and updating stay quick.
const WARM = %WARM%;
const WARM_AT_ONCE = 16;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...new Set([...PRECACHE, ...PAGES])]);
    // Not-found pages answer 404, which addAll refuses; put keeps them.
    await Promise.all([NOT_FOUND_PAGE, ...Object.values(NOT_FOUND_EMBEDS)].map(async (url) => {
      await cache.put(url, await fetch(url, { cache: "no-cache" }));
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys
      .filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE)
      .map((key) => caches.delete(key)));
  })());
});

// A page posts "warm" once it has loaded (web/chart.js): the worker then
// caches what it has not yet of WARM, some at a time, and keeps running
// until it is done, or until a newer version installs: an old worker still
// at work would hold the new one back from activating.
self.addEventListener("message", (event) => {
  if (event.data === "warm") {
    event.waitUntil(warm());
  }
});

async function warm() {
  const cache = await caches.open(CACHE);
  const todo = [];
  for (const url of WARM) {
    if (!(await cache.match(url))) {
      todo.push(url);
    }
  }
  for (let i = 0; i < todo.length; i += WARM_AT_ONCE) {
    if (self.registration.installing || self.registration.waiting) {
      return;
    }
    await Promise.all(todo.slice(i, i + WARM_AT_ONCE).map((url) => cache.add(url).catch(() => {})));
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(fromCache(request));
});

// fromCache answers an asset from the cache, or else from the network.
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    const loose = await cache.match(request, { ignoreSearch: true });
    if (loose) {
      return loose;
    }
    throw err;
  }
}

// navigate fetches a page from the network and, when that fails or takes
// too long, answers from the cache.
async function navigate(request) {
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (err) {
    return offline(new URL(request.url).pathname);
  }
}

// offline answers a navigation from the cache: an embed page, a page or
// the app shell for a path, and otherwise a not-found page with status 404
// (for an embed address, the not-found embed page, which may be framed).
async function offline(path) {
  const cache = await caches.open(CACHE);
  if (path.startsWith(EMBEDS)) {
    const embed = await cache.match(path);
    if (embed) {
      return embed;
    }
    const lang = path.slice(EMBEDS.length).split("/")[0];
    return notFound(await cache.match(NOT_FOUND_EMBEDS[lang] || NOT_FOUND_EMBEDS[""], { ignoreVary: true }));
  }
  const page = pageKey(path);
  if (page) {
    return followed(await cache.match(page));
  }
  return notFound(await cache.match(NOT_FOUND_PAGE, { ignoreVary: true }));
}

// pageKey is the cached page for a path, or "" for none: the path without
// the trailing slash, index.html or .html that static file servers add.
function pageKey(path) {
  path = path.replace(/\/index\.html$/, "/").replace(/\.html$/, "");
  if (path !== SHELL && path.endsWith("/")) {
    path = path.slice(0, -1);
  }
  return PAGES.includes(path) ? path : "";
}

// notFound is a cached not-found page with status 404, whatever status it
// was stored with (a static host serves its 404 pages with 200).
function notFound(response) {
  if (!response) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(response.body, { status: 404, statusText: "Not Found", headers: response.headers });
}

// followed rebuilds a response cached after a redirect, which a browser
// refuses to use for a navigation.
function followed(response) {
  if (!response || !response.redirected) {
    return response;
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (err) => { clearTimeout(timer); reject(err); });
  });
}
