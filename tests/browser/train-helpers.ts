/** What the training browser tests share: opening a preset with the Train drawer, and screenshots of one part. */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './chromium.ts';

/** Opens a gallery preset (Open, not Open and train) and makes sure the Train drawer is showing. */
export async function openPresetToTrain(page: Page, file: string): Promise<void> {
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery').waitFor();
  await page.locator(`[data-preset="${file}"]`).click();
  await page.getByTestId('preset-open').click();
  await page.getByTestId('gallery').waitFor({ state: 'detached' });
  if (!(await page.getByTestId('train-panel').isVisible())) await page.getByTestId('toggle-train').click();
  await page.getByTestId('train-panel').waitFor();
}

/**
 * A screenshot of the window, or of one part whole: the drawer scrolls, so
 * the window is made `tall` for the picture and put back to 1280×800.
 */
export async function screenshot(page: Page, name: string, part?: string | Locator, tall = 1800): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  if (!part) {
    await page.screenshot({ path });
    return;
  }
  await page.setViewportSize({ width: 1280, height: tall });
  try {
    const el = typeof part === 'string' ? page.getByTestId(part) : part;
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path });
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}
