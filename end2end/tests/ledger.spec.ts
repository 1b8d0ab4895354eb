import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

async function addAccount(page: Page, name: string, currency: string, opening: string) {
  await gotoPage(page, '/accounts');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Currency').selectOption(currency);
  await form.getByLabel('Opening balance').fill(opening);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account added.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);
}

async function fillTransaction(
  page: Page,
  t: { kind: string; date: string; amount: string; account: string; category?: string; payee: string; tags?: string },
) {
  await page.getByLabel('Kind').selectOption(t.kind);
  await page.getByLabel('Date').fill(t.date);
  await page.getByLabel('Amount', { exact: true }).fill(t.amount);
  await page.getByLabel('Account', { exact: true }).selectOption({ label: t.account });
  if (t.category) await page.getByLabel('Category').selectOption({ label: t.category });
  await page.getByLabel('Payee or title').fill(t.payee);
  if (t.tags) await page.getByLabel('Tags').fill(t.tags);
}

test('the ledger: accounts, transactions, filters, edit, delete, CSV out and back in', async ({ page, consoleWatch }, testInfo) => {
  consoleWatch.expectRefusals('transactions/save'); // the malformed amount
  await signUp(page, newUser('Ada'));
  await addAccount(page, 'Everyday', 'USD', '1,000.00');
  await expect(page.getByRole('row').filter({ hasText: 'Everyday' })).toContainText('$1,000.00');

  // Income.
  await gotoPage(page, '/transactions/new');
  await fillTransaction(page, {
    kind: 'income', date: '2026-11-02', amount: '2,500', account: 'Everyday (USD)', category: 'Salary (income)', payee: 'Employer',
  });
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await expect(page).toHaveURL('/transactions');
  await expect(page.getByRole('status').filter({ hasText: 'Transaction added.' })).toBeVisible();

  // An expense typed with too many decimals is refused in place, the rest kept as typed.
  await gotoPage(page, '/transactions/new');
  await fillTransaction(page, {
    kind: 'expense', date: '2026-11-03', amount: '12.345', account: 'Everyday (USD)', category: 'Groceries (expense)',
    payee: 'Corner Market', tags: 'food',
  });
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await expect(fieldError(page, 'amount')).toHaveText('USD amounts have at most 2 decimals.');
  await expect(page.getByLabel('Payee or title')).toHaveValue('Corner Market');
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('12.345');
  await page.getByLabel('Amount', { exact: true }).fill('45.10');
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await expect(page).toHaveURL('/transactions');
  await expect(page.getByRole('status').filter({ hasText: 'Transaction added.' })).toBeVisible();
  const list = page.getByRole('table').filter({ hasText: 'Payee' }).last();
  await expect(list.getByRole('row').filter({ hasText: 'Corner Market' })).toContainText('-$45.10');
  await expect(list.getByRole('row').filter({ hasText: 'Employer' })).toContainText('+$2,500.00');

  // Filter by kind: the URL carries the filter, the list and totals follow it.
  await page.getByLabel('Kind').selectOption('expense');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=expense/);
  await waitForHydration(page);
  await expect(list.getByRole('row').filter({ hasText: 'Corner Market' })).toHaveCount(1);
  await expect(list.getByRole('row').filter({ hasText: 'Employer' })).toHaveCount(0);
  await page.screenshot({ path: `screenshots/${testInfo.project.name}-transactions-filtered.png`, fullPage: true });

  // Edit the expense.
  await list.getByRole('row').filter({ hasText: 'Corner Market' }).getByRole('link', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit transaction' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('45.10');
  await page.getByLabel('Amount', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Transaction saved.' })).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'Corner Market' })).toContainText('-$50.00');

  // The balance derives from the opening balance and both transactions.
  await gotoPage(page, '/accounts');
  await expect(page.getByRole('row').filter({ hasText: 'Everyday' })).toContainText('$3,450.00');

  // Export CSV.
  await gotoPage(page, '/transactions');
  const exportLink = page.getByRole('link', { name: 'Export these as CSV' });
  await expect(exportLink).toHaveAttribute('href', '/transactions/export.csv?');
  const exported = await page.request.get((await exportLink.getAttribute('href')) ?? '');
  expect(exported.headers()['content-disposition']).toContain('attachment');
  const csv = await exported.text();
  expect(csv).toContain('2026-11-03,expense,-50.00,USD,Everyday');
  expect(csv).toContain('2026-11-02,income,2500.00,USD,Everyday');

  // Import it back into a new account: upload, preview, commit.
  await addAccount(page, 'Copy', 'USD', '0');
  await gotoPage(page, '/import');
  await page.getByLabel('Into account').selectOption({ label: 'Copy (USD)' });
  await page.getByLabel('CSV file').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('heading', { name: 'Review the import' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByText('2 rows — 2 new, 0 already in the account, 0 with errors')).toBeVisible();
  await page.screenshot({ path: `screenshots/${testInfo.project.name}-import-preview.png`, fullPage: true });
  await page.getByRole('button', { name: 'Import 2 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 transactions.' })).toBeVisible();
  await expect(page).toHaveURL(/\/transactions\?account=\d+/);
  await expect(list.getByRole('row').filter({ hasText: 'Corner Market' })).toContainText('-$50.00');
  await gotoPage(page, '/accounts');
  await expect(page.getByRole('row').filter({ hasText: 'Copy' })).toContainText('$2,450.00');

  // Delete one, with a confirmation page.
  await gotoPage(page, '/transactions');
  await list.getByRole('row').filter({ hasText: 'Employer' }).first().getByRole('link', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Delete transaction' })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Delete transaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Transaction deleted.' })).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'Employer' })).toHaveCount(1);
});
