// The check's service worker: pages and files of the check from the network when there is one, else from the
// copies kept when they were last loaded, so that the check opens and works offline. It never keeps a
// request that carries answers (those are POSTs), only the pages and files the page asks it to keep.

// The few worker types used here, declared rather than taken from the webworker library, which cannot share
// one TypeScript program with the DOM's.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type WorkerEvents = {
  install: ExtendableEvent;
  activate: ExtendableEvent;
  message: ExtendableEvent & { data: unknown };
  fetch: ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
};
type ServiceWorkerScope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener<K extends keyof WorkerEvents>(type: K, listener: (event: WorkerEvents[K]) => void): void;
};
declare const self: ServiceWorkerScope;

const CACHE = 'offer-check-1';

function isCheckPath(url: URL): boolean {
  return (
    url.origin === self.location.origin && (url.pathname === '/check' || url.pathname.startsWith('/check/'))
  );
}

async function keep(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(CACHE);
  const wanted = urls.map((url) => new URL(url, self.location.origin)).filter(isCheckPath);
  await Promise.all(wanted.map((url) => cache.add(url.href).catch(() => undefined)));
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const urls = (event.data as { keep?: unknown } | null)?.keep;
  if (Array.isArray(urls))
    event.waitUntil(keep(urls.filter((url): url is string => typeof url === 'string')));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !isCheckPath(new URL(request.url))) return;
  event.respondWith(networkFirst(request));
});

export {};
