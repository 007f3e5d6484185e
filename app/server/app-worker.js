// Service worker of the Guangzhou district targets explorer.
//
// go-app fills in {{.Version}} (a hash of the site's content) and
// {{.ResourcesToCache}}; the server fills in the app shell and the pages.
// Install caches everything before it succeeds; activation, which only
// follows a complete install, removes older caches. The worker does not
// claim open pages: go-app reads a worker that activates under a page
// with a controller as an update, which a first visit is not. Navigations go to the
// network first and, offline, to the cached page or the app shell, which
// then renders the route itself. Assets come from the cache.

const VERSION = "{{.Version}}";
const CACHE_PREFIX = "gz-targets-";
const CACHE = CACHE_PREFIX + VERSION;
const PRECACHE = {{.ResourcesToCache}};
const SHELL = "%SHELL%";
const PAGES = %PAGES%;
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...new Set([...PRECACHE, ...PAGES])]);
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
// too long, answers with the cached page for the path or the app shell.
async function navigate(request) {
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const page = await cache.match(pageKey(request.url));
    return followed(page || await cache.match(SHELL));
  }
}

// pageKey is the cached page for a URL: its path without the query and the
// trailing slash that static file servers add.
function pageKey(href) {
  let path = new URL(href).pathname;
  if (path !== SHELL && path.endsWith("/")) {
    path = path.slice(0, -1);
  }
  return PAGES.includes(path) ? path : SHELL;
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
