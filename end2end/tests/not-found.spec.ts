import { test, expect, gotoPage } from './fixtures';

test('an unknown address answers 404 with a helpful page', async ({ page, consoleWatch }) => {
  // Chromium logs the 404 status of the document itself as a console error.
  consoleWatch.allow(/Failed to load resource: the server responded with a status of 404 .*\/no-such-page/);
  const response = await gotoPage(page, '/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Florin');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { name: 'Your money, on your server.' })).toBeVisible();
});
