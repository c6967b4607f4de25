import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prepareDataPlugin } from './scripts/vite-plugin-data.ts';

// Cross-origin isolation lets tfjs use wasm threads (SharedArrayBuffer) later on.
export const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// tfjs's threaded wasm starts its pthread workers from its own factory's source text
// (Function.prototype.toString): a compressing minifier inlines outer names into that
// function and the workers throw "e is not defined". Renaming alone keeps it whole.
export const minify = { compress: false, mangle: true } as const;

export default defineConfig({
  plugins: [
    react(),
    prepareDataPlugin(),
    // An installable offline app: the service worker precaches everything a lesson needs (README "Offline and hosting").
    VitePWA({
      // A new version waits until the user presses Reload (src/ui/offline/): never a reload under a running lesson.
      registerType: 'prompt',
      injectRegister: false,
      // The icons are in globPatterns with everything else (the manifest itself is added by the plugin).
      includeManifestIcons: false,
      manifest: {
        name: 'netloom',
        short_name: 'netloom',
        description: 'Build neural networks by wiring layers, see every tensor shape, train in the browser.',
        lang: 'en',
        display: 'standalone',
        theme_color: '#1f2a44',
        background_color: '#f6f7fb',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // All of it: app, code-split chunks (presets, Monaco, tfjs, the training worker), .wasm, fonts,
        // icons, MNIST bytes and the transfer-learning backbone. Source maps stay on the server.
        globPatterns: ['**/*.{html,js,css,wasm,ttf,svg,png,json,u8,bin}'],
        // The MNIST images are 7.8 MB and the Monaco chunk 3.3 MB; Workbox's 2 MiB default would drop them.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // The first install takes the open page at once, so the lesson works offline without a second visit.
        clientsClaim: true,
      },
    }),
  ],
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
  build: { target: 'es2022', sourcemap: true, rolldownOptions: { output: { minify } } },
  // The training worker is a module worker that loads tfjs and its wasm backend lazily (code-split).
  worker: { format: 'es', rolldownOptions: { output: { minify } } },
});
