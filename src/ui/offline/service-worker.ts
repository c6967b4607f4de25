/**
 * The service worker that keeps netloom working without a network. vite-plugin-pwa
 * (Workbox) generates it at build time with a precache of the whole app
 * (vite.config.ts); this registers it, in production builds only, so `npm run dev`
 * never answers from a cache.
 *
 * What the toolbar shows is derived from the registration itself (installing,
 * active, waiting), recomputed on every lifecycle event, never tracked by hand.
 */
import { Workbox } from 'workbox-window';
import { create } from 'zustand';

export type OfflineState =
  /** No service worker here (dev server, a browser without them): nothing to show. */
  | { kind: 'none' }
  /** First visit: the app, data and presets are being saved in this browser. */
  | { kind: 'saving' }
  /** Everything is saved: the app works with no network. */
  | { kind: 'ready' }
  /** A new version is saved and waits for the user's Reload. */
  | { kind: 'update' }
  /** Offline use is not available, and why. */
  | { kind: 'failed'; reason: 'insecure' | 'refused' | 'install'; detail?: string };

interface OfflineStore {
  state: OfflineState;
  /** Switches to the waiting version and reloads the page (the graph is autosaved). */
  reload: () => void;
}

export const useOffline = create<OfflineStore>(() => ({ state: { kind: 'none' }, reload: () => {} }));

/** A long-open classroom tab still hears about a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  const set = (state: OfflineState) => useOffline.setState({ state });
  // Browsers give service workers (and cross-origin isolation) only to https and localhost.
  if (!window.isSecureContext) return set({ kind: 'failed', reason: 'insecure' });
  if (!('serviceWorker' in navigator)) return;

  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  let reg: ServiceWorkerRegistration | undefined;
  const derive = () => {
    if (!reg) return;
    if (reg.waiting && reg.active) set({ kind: 'update' });
    else if (reg.active) set({ kind: 'ready' });
    else if (reg.installing || reg.waiting) set({ kind: 'saving' });
    // The first install went redundant: a precache download failed or storage refused it.
    else set({ kind: 'failed', reason: 'install' });
  };
  for (const type of ['installed', 'waiting', 'activated', 'controlling', 'redundant'] as const) wb.addEventListener(type, derive);

  useOffline.setState({
    reload: () => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    },
  });
  wb.register()
    .then((r) => {
      reg = r;
      r?.addEventListener('updatefound', derive);
      derive();
      setInterval(() => {
        if (navigator.onLine) void wb.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    })
    .catch((e: unknown) => set({ kind: 'failed', reason: 'refused', detail: e instanceof Error ? e.message : String(e) }));
}
