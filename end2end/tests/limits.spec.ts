import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

async function addAccount(page: Page, name: string, currency: string) {
  await gotoPage(page, '/accounts');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Currency').selectOption(currency);
  await form.getByLabel('Opening balance').fill('1,000');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account added.' })).toBeVisible();
}

async function addExpense(page: Page, date: string, amount: string, payee: string) {
  await gotoPage(page, '/transactions/new');
  await page.getByLabel('Kind').selectOption('expense');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Everyday (USD)' });
  await page.getByLabel('Category').selectOption({ label: 'Groceries (expense)' });
  await page.getByLabel('Payee or title').fill(payee);
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await expect(page).toHaveURL('/transactions');
  await expect(page.getByRole('status').filter({ hasText: 'Transaction added.' })).toBeVisible();
}

test('limits: set a limit, spend past its threshold, get exactly one alert', async ({ page, consoleWatch }) => {
  consoleWatch.expectRefusals('limits/save'); // the form without a category
  await signUp(page, newUser('Ada'));
  await addAccount(page, 'Everyday', 'USD');
  // The user's time zone is UTC until they change it; this is today there.
  const today = new Date().toISOString().slice(0, 10);

  await gotoPage(page, '/limits');
  await expect(page.getByText('No limits yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Add a limit' }).click();
  await expect(page.getByRole('heading', { name: 'Add a limit' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByLabel('Alert at (% of the limit)')).toHaveValue('80');
  await page.getByLabel('Monthly limit').fill('100');
  await page.getByRole('button', { name: 'Add limit' }).click();
  await expect(fieldError(page, 'category_id')).toHaveText('Choose an expense category.');
  await expect(page.getByLabel('Monthly limit')).toHaveValue('100');
  await page.getByLabel('Expense category').selectOption({ label: 'Groceries' });
  await page.getByRole('button', { name: 'Add limit' }).click();
  await expect(page).toHaveURL('/limits');
  await expect(page.getByRole('status').filter({ hasText: 'Limit added.' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Groceries' });
  await expect(row).toContainText('$100.00');
  await expect(row).toContainText('0 %');

  await addExpense(page, today, '85', 'Market');
  await addExpense(page, today, '5', 'Bakery');

  await gotoPage(page, '/limits');
  const bar = page.getByRole('progressbar', { name: 'Groceries of the USD limit spent' });
  await expect(bar).toHaveAttribute('aria-valuenow', '90');
  await expect(row).toContainText('90 % · alert threshold reached');
  await expect(row).toContainText('$10.00');

  await gotoPage(page, '/notifications');
  // One notice: 85 % crossed the threshold, 90 % did not cross it again.
  await expect(page.getByRole('heading', { level: 2, name: /^Groceries:/ })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: /Groceries: 80 % of the monthly limit reached/ })).toBeVisible();
  await expect(page.getByText('$85.00 spent of $100.00')).toBeVisible();
});
