import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration } from './fixtures';

test('budgets: plan a month, see the warning above the total, copy it to the next month', async ({ page, consoleWatch }) => {
  consoleWatch.expectRefusals('budgets/save'); // the form without a name
  await signUp(page, newUser('Ada'));

  await gotoPage(page, '/budgets');
  await expect(page.getByText('No budgets yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Add a budget' }).click();
  await expect(page.getByRole('heading', { name: 'Add a budget' })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel('First day').fill('2024-01-01');
  await page.getByLabel('Last day').fill('2024-01-31');
  await page.getByLabel('Total').fill('500');
  await page.getByRole('button', { name: 'Add budget' }).click();
  await expect(fieldError(page, 'name')).toHaveText('Enter a name.');
  await expect(page.getByLabel('Total')).toHaveValue('500');
  await page.getByLabel('Name').fill('January');
  await page.getByRole('button', { name: 'Add budget' }).click();
  await expect(page).toHaveURL(/\/budgets\/\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Budget added.' })).toBeVisible();
  await waitForHydration(page);

  const entry = page.getByRole('region', { name: 'Set an entry' });
  await entry.getByLabel('Category').selectOption({ label: 'Groceries' });
  await entry.getByLabel('Planned amount').fill('400');
  await entry.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry saved.' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByRole('note')).toHaveCount(0);
  await entry.getByLabel('Category').selectOption({ label: 'Food' });
  await entry.getByLabel('Planned amount').fill('150');
  await entry.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry saved.' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(
    'Warning: the entries add up to $550.00, $50.00 more than the total of $500.00.',
  );
  const table = page.getByRole('region', { name: 'Budget and actual spending' });
  await expect(table.getByRole('row').filter({ hasText: 'Groceries' })).toContainText('$400.00');

  await waitForHydration(page);
  await page.getByRole('button', { name: 'Copy budget' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Budget copied to the next period.' })).toBeVisible();
  await expect(page.getByText('2024-02-01 – 2024-02-29')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Food' })).toContainText('$150.00');
});
