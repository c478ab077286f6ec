// Registers the service worker that opens the app without a network (./worker.ts), in the built
// app only (the development server's modules are not content-hashed) and where the browser allows
// workers: HTTPS, or localhost. Once the page has loaded, so the worker's copies of the other
// screens do not compete with the page's own first files on a thin link.
if (import.meta.env.PROD && window.isSecureContext && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    // Without it the app works as before online: nothing for the user to act on.
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('The offline copy of the app is unavailable', error));
  });
}
