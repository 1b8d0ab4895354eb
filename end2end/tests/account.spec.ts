import {
  test,
  expect,
  gotoPage,
  newUser,
  signUp,
  signIn,
  signOut,
  fillSignIn,
  expectSignedInNav,
  expectSignedOutNav,
  fieldError,
} from './fixtures';

test.describe('account journeys', () => {
  test('sign up, sign out, sign in and edit the profile', async ({ page, consoleWatch }) => {
    consoleWatch.expectRefusals('profile/update'); // the invalid phone
    const user = newUser('Ada');

    // Sign up: lands on the home page, signed in, with a personal organisation.
    await signUp(page, user);
    await expectSignedInNav(page, 'Ada');
    const personal = page.getByRole('row').filter({ hasText: 'Personal' });
    await expect(personal).toHaveCount(1);
    await expect(personal.getByRole('cell')).toHaveText(['Personal', 'personal', 'owner', '1']);

    // Sign out, then back in.
    await signOut(page);
    await signIn(page, user);
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Hello, Ada' })).toBeVisible();
    await expectSignedInNav(page, 'Ada');

    // Profile: the header link leads there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await expect(page).toHaveURL('/profile');
    await expect(page.getByRole('heading', { name: 'Profile and settings' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Ada');
    await expect(page.getByLabel('Base currency')).toHaveValue('USD');

    // An invalid phone is refused; everything else typed stays as typed.
    await page.getByLabel('First name', { exact: true }).fill('Grace');
    await page.getByLabel('Last name', { exact: true }).fill('Hopper');
    await page.getByLabel('Phone').fill('abc');
    await page.getByLabel('Base currency').selectOption('EUR');
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const phoneMessage = 'Enter a phone number of 5 to 20 digits, like +44 20 7946 0958.';
    await expect(fieldError(page, 'phone')).toHaveText(phoneMessage);
    await expect(page.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Phone')).toHaveAccessibleDescription(phoneMessage);
    await expect(page).toHaveURL('/profile');
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Grace');
    await expect(page.getByLabel('Last name', { exact: true })).toHaveValue('Hopper');
    await expect(page.getByLabel('Phone')).toHaveValue('abc');
    await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Paris');
    await expect(page.getByText('Profile saved.')).toHaveCount(0);

    // A valid phone saves.
    await page.getByLabel('Phone').fill('+33 1 23 45 67 89');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved.')).toBeVisible();
    await expect(fieldError(page, 'phone')).toHaveCount(0);

    // After a reload the values come from the database, and the header uses the new name.
    await gotoPage(page, '/profile');
    await expect(page.getByRole('heading', { name: 'Profile and settings' })).toBeVisible();
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Grace');
    await expect(page.getByLabel('Last name', { exact: true })).toHaveValue('Hopper');
    await expect(page.getByLabel('Phone')).toHaveValue('+33 1 23 45 67 89');
    await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
    await expect(page.getByLabel('Base currency').locator('option:checked')).toHaveText('EUR — Euro');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Paris');
    await expectSignedInNav(page, 'Grace');
    // The one-time message does not come back on reload.
    await expect(page.getByText('Profile saved.')).toHaveCount(0);
  });

  test('a protected page sends anonymous visitors to sign in and back', async ({ page }) => {
    const user = newUser('Alan');
    await signUp(page, user);
    await signOut(page);

    // A real HTTP redirect, with or without JavaScript.
    const response = await gotoPage(page, '/profile');
    const redirect = response?.request().redirectedFrom();
    expect(redirect?.url()).toMatch(/\/profile$/);
    expect((await redirect?.response())?.status()).toBe(302);
    await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)profile$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectSignedOutNav(page);

    await fillSignIn(page, user.email, user.password);
    await expect(page).toHaveURL('/profile');
    await expect(page.getByRole('status').filter({ hasText: 'You are signed in.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Profile and settings' })).toBeVisible();
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Alan');
    await expectSignedInNav(page, 'Alan');
  });

  test('changing the password ends every other session', async ({ page, newSession, consoleWatch }) => {
    consoleWatch.expectRefusals('profile/password', 'sign-in'); // wrong current / old password
    const user = newUser('Barbara');
    const newPassword = `${user.password}-renewed`;

    // Session A signs up; session B (another browser context) signs in as the same user.
    await signUp(page, user);
    const other = await newSession();
    await signIn(other, user);
    await gotoPage(other, '/profile');
    await expect(other.getByRole('heading', { name: 'Your details' })).toBeVisible();

    // A: a wrong current password is refused.
    await gotoPage(page, '/profile');
    await page.getByLabel('Current password').fill('not-my-password-at-all');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(fieldError(page, 'current_password')).toHaveText('That is not your current password.');
    await expect(page.getByText('Password changed.', { exact: false })).toHaveCount(0);

    // A: the right one changes it.
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Password changed. Every other session has been signed out.')).toBeVisible();
    await expect(fieldError(page, 'current_password')).toHaveCount(0);

    // B is signed out: the protected page sends it to sign in.
    await gotoPage(other, '/profile');
    await expect(other).toHaveURL(/\/sign-in\?next=(%2F|\/)profile$/);
    await expectSignedOutNav(other);

    // A is still signed in.
    await gotoPage(page, '/profile');
    await expect(page).toHaveURL('/profile');
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
    await expectSignedInNav(page, 'Barbara');

    // The old password no longer works; the new one does.
    await gotoPage(other, '/sign-in');
    await fillSignIn(other, user.email, user.password);
    await expect(other.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');
    await signIn(other, user, newPassword);
    await expectSignedInNav(other, 'Barbara');
  });
});
