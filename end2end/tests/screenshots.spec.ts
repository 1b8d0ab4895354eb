import path from 'node:path';
import { test, expect, gotoPage, newUser, signUp } from './fixtures';

test('screenshots of sign-up with errors and of the profile', async ({ page, consoleWatch }, testInfo) => {
  consoleWatch.expectRefusals('sign-up');
  const dir = path.join(__dirname, '..', 'screenshots');
  const project = testInfo.project.name;

  await gotoPage(page, '/sign-up');
  await page.getByLabel('First name (optional)').fill('Hedy');
  await page.getByLabel('E-mail', { exact: true }).fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#field-password-error')).toHaveText('Use at least 10 characters.');
  await expect(page.locator('#field-email-error')).toBeVisible();
  await page.screenshot({ path: path.join(dir, `${project}-sign-up-errors.png`), fullPage: true });

  const user = newUser('Hedy');
  await signUp(page, user);
  await gotoPage(page, '/profile');
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
  await page.screenshot({ path: path.join(dir, `${project}-profile.png`), fullPage: true });
});
