import { test, expect, gotoPage, jsEnabled, newUser, signUp, signOut, fillSignIn, expectSignedOutNav } from './fixtures';

const GENERIC = 'That e-mail and password do not match an account.';

test.describe('sign-in failures', () => {
  test('a wrong password or unknown e-mail gets one generic message', async ({ page, consoleWatch }) => {
    consoleWatch.expectRefusals('sign-in');
    const user = newUser('Claude');
    await signUp(page, user);
    await signOut(page);

    // Wrong password: generic message, e-mail kept, password emptied.
    await fillSignIn(page, user.email, 'definitely-not-it-42');
    await expect(page.getByRole('alert')).toHaveText(GENERIC);
    await expect(page).toHaveURL('/sign-in');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(user.email);
    if (!jsEnabled(test.info())) {
      // The page was rendered anew from the server, which never sends a password back.
      await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    }
    await expectSignedOutNav(page);

    // Unknown e-mail: the very same message.
    const stranger = newUser('Nobody');
    await gotoPage(page, '/sign-in');
    await fillSignIn(page, stranger.email, stranger.password);
    await expect(page.getByRole('alert')).toHaveText(GENERIC);
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(stranger.email);
    await expectSignedOutNav(page);
  });

  test('five wrong passwords make this browser wait, even with the right one', async ({ page, consoleWatch }) => {
    consoleWatch.expectRefusals('sign-in');
    const user = newUser('Dorothy');
    await signUp(page, user);
    await signOut(page);

    const locked = /Too many failed attempts\. Try again in 1[45] minutes\./;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await gotoPage(page, '/sign-in');
      await fillSignIn(page, user.email, `wrong-password-${attempt}`);
      await expect(page.getByRole('alert')).toHaveText(attempt < 5 ? GENERIC : locked);
    }

    // The correct password is refused while this browser waits.
    await gotoPage(page, '/sign-in');
    await fillSignIn(page, user.email, user.password);
    await expect(page.getByRole('alert')).toHaveText(locked);
    await expect(page).toHaveURL('/sign-in');
    await expectSignedOutNav(page);

    // The home page still treats the visitor as anonymous.
    await gotoPage(page, '/');
    await expect(page.getByRole('heading', { name: 'Your money, on your server.' })).toBeVisible();
  });
});
