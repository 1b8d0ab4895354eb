import { test, expect, gotoPage, jsEnabled, newUser, signUp, signOut, fieldError, expectSignedOutNav } from './fixtures';
import type { Page } from '@playwright/test';

function noteOnce(type: string, description: string) {
  const annotations = test.info().annotations;
  if (!annotations.some((a) => a.type === type && a.description === description)) {
    annotations.push({ type, description });
  }
}

async function submitSignUp(page: Page, firstName: string, email: string, password: string) {
  await page.getByLabel('First name (optional)').fill(firstName);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function expectKept(page: Page, firstName: string, email: string) {
  await expect(page).toHaveURL('/sign-up');
  await expect(page.getByLabel('First name (optional)')).toHaveValue(firstName);
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(email);
  if (jsEnabled(test.info())) {
    // Hydrated, the form is not re-rendered after a refusal, so the password typed stays
    // in the field (reported as a discrepancy with the no-JavaScript behaviour, which
    // never sends a password back). Not asserted here.
    noteOnce('discrepancy', 'js: the password field keeps the typed password after a refused sign-up');
  } else {
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  }
  await expect(page.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
}

test.describe('sign-up validation', () => {
  test('short and common passwords, then a duplicate e-mail', async ({ page, consoleWatch }) => {
    consoleWatch.expectRefusals('sign-up');
    const user = newUser('Edsger');

    await gotoPage(page, '/sign-up');
    await submitSignUp(page, user.firstName, user.email, 'short');
    await expect(fieldError(page, 'password')).toHaveText('Use at least 10 characters.');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectKept(page, user.firstName, user.email);
    await expect(fieldError(page, 'email')).toHaveCount(0);

    await gotoPage(page, '/sign-up');
    await submitSignUp(page, user.firstName, user.email, 'password123');
    await expect(fieldError(page, 'password')).toHaveText(
      'That password is too common; choose one that is harder to guess.',
    );
    await expectKept(page, user.firstName, user.email);

    // Nothing was created: the same address can still sign up.
    await signUp(page, user);
    await signOut(page);

    await gotoPage(page, '/sign-up');
    await submitSignUp(page, 'Someone', user.email, 'another-long-passphrase');
    await expect(fieldError(page, 'email')).toHaveText('An account with that e-mail address already exists.');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectKept(page, 'Someone', user.email);
    await expectSignedOutNav(page);
  });
});
