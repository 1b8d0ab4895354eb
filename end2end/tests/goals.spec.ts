import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration } from './fixtures';

/** A target date a year and a half ahead, so the goal always has months left. */
function targetDate() {
  const y = new Date().getFullYear() + 2;
  return `${y}-06-30`;
}

test('goals: add a goal, contribute past half of it, read the 25 % and 50 % milestone notices', async ({ page, consoleWatch }) => {
  consoleWatch.expectRefusals('goals/contribute'); // the malformed amount
  await signUp(page, newUser('Ada'));

  // From the navigation to an empty list, then the form.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  await expect(page.getByText('No goals yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Add a goal' }).click();
  await expect(page.getByRole('heading', { name: 'Add a goal' })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel('Title').fill('Holiday in Japan');
  await page.getByLabel('Type').selectOption('travel');
  await page.getByLabel('Priority').selectOption('high');
  await page.getByLabel('Target amount').fill('2,000');
  await page.getByLabel('Currency').selectOption('USD');
  await page.getByLabel('Target date (optional)').fill(targetDate());
  await page.getByRole('button', { name: 'Add goal' }).click();

  // The goal's page: nothing saved yet, and what to put aside each month.
  await expect(page).toHaveURL(/\/goals\/\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Goal added.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Holiday in Japan', level: 1 })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '0');
  await expect(page.getByText(/a month until \d{4}-06-30/)).toBeVisible();

  // A malformed amount is refused in place and kept as typed.
  const form = page.getByRole('region', { name: 'Add a contribution' });
  await form.getByLabel("Amount (in the goal's currency)").fill('12.345');
  await form.getByRole('button', { name: 'Add contribution' }).click();
  await expect(fieldError(page, 'amount')).toHaveText('USD amounts have at most 2 decimals.');
  await expect(form.getByLabel("Amount (in the goal's currency)")).toHaveValue('12.345');

  // One contribution from nothing to 55 % crosses two milestones.
  await form.getByLabel("Amount (in the goal's currency)").fill('1,100');
  await form.getByLabel('Note (optional)').fill('Bonus');
  await form.getByRole('button', { name: 'Add contribution' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Contribution added\. 50\s%/ })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '55');
  await expect(page.getByText(/55\s% saved: \$1,100\.00 of \$2,000\.00/).first()).toBeVisible();
  const contributions = page.getByRole('region', { name: 'Contributions' });
  await expect(contributions.getByRole('row').filter({ hasText: 'Bonus' })).toContainText('$1,100.00');

  // Both milestones are in the notification centre, each once, linking to the goal.
  const goalUrl = new URL(page.url()).pathname;
  await gotoPage(page, '/notifications');
  await expect(page.getByRole('heading', { name: /Holiday in Japan: 25\s% saved/ })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /Holiday in Japan: 50\s% saved/ })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /75\s% saved/ })).toHaveCount(0);
  await expect(page.getByText('$1,100.00 of $2,000.00 saved towards Holiday in Japan.').first()).toBeVisible();
  await page.getByRole('link', { name: /Open Holiday in Japan: 50\s% saved/ }).click();
  await expect(page).toHaveURL(goalUrl);
  await expect(page.getByRole('heading', { name: 'Holiday in Japan', level: 1 })).toBeVisible();
});
