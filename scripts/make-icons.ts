/**
 * Draws the app's PNG icons (web manifest, home screen) from its SVGs with
 * the Chromium the browser tests use, so no image library is needed:
 * `npx tsx scripts/make-icons.ts`. The PNGs are committed; run this again
 * only when public/favicon.svg or public/icons/maskable.svg change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC = join(import.meta.dirname, '..', 'public');
const ICONS: { svg: string; size: number; out: string }[] = [
  { svg: 'favicon.svg', size: 192, out: 'icons/icon-192.png' },
  { svg: 'favicon.svg', size: 512, out: 'icons/icon-512.png' },
  // Full-bleed square with the motif inside the 80 % safe zone: launchers crop it to their own shape.
  { svg: 'icons/maskable.svg', size: 512, out: 'icons/maskable-512.png' },
  { svg: 'icons/maskable.svg', size: 180, out: 'icons/apple-touch-icon-180.png' },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const { svg, size, out } of ICONS) {
    const data = `data:image/svg+xml;base64,${readFileSync(join(PUBLIC, svg)).toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${data}" width="${size}" height="${size}" style="display:block">`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(PUBLIC, out), omitBackground: true });
    console.log(`${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
