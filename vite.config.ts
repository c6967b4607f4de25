import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { prepareDataPlugin } from './scripts/vite-plugin-data.ts';

// Cross-origin isolation lets tfjs use wasm threads (SharedArrayBuffer) later on.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), prepareDataPlugin()],
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
  build: { target: 'es2022', sourcemap: true },
  // The training worker is a module worker that loads tfjs and its wasm backend lazily (code-split).
  worker: { format: 'es' },
});
