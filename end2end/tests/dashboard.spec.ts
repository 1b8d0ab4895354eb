import path from 'node:path';
import { test, expect, gotoPage, newUser, signUp, waitForHydration } from './fixtures';

/** Today as the date field wants it, so the figures land in this month's column. */
function today() {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the dashboard: getting started, then this month, charts with their tables, recent transactions', async ({ page }, testInfo) => {
  await signUp(page, newUser('Dana'));
  await gotoPage(page, '/');
  await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();

  // An account and two transactions through the ordinary forms.
  await gotoPage(page, '/accounts');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill('Everyday');
  await form.getByLabel('Currency').selectOption('USD');
  await form.getByLabel('Opening balance').fill('500');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account added.' })).toBeVisible();
  for (const t of [
    { kind: 'income', amount: '2,000', category: 'Salary (income)', payee: 'Employer' },
    { kind: 'expense', amount: '84.20', category: 'Groceries (expense)', payee: 'Corner Market' },
  ]) {
    await gotoPage(page, '/transactions/new');
    await page.getByLabel('Kind').selectOption(t.kind);
    await page.getByLabel('Date').fill(today());
    await page.getByLabel('Amount', { exact: true }).fill(t.amount);
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Everyday (USD)' });
    await page.getByLabel('Category').selectOption({ label: t.category });
    await page.getByLabel('Payee or title').fill(t.payee);
    await page.getByRole('button', { name: 'Add transaction' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Transaction added.' })).toBeVisible();
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: /^This month/ })).toBeVisible();
  await waitForHydration(page);
  const month = page.getByRole('region', { name: /^This month/ });
  await expect(month).toContainText('Income$2,000.00');
  await expect(month).toContainText('Spending$84.20');
  await expect(month).toContainText('Net$1,915.80');

  // Each chart is inline SVG with a caption and a table of the same figures.
  for (const name of ['Cash flow', 'Spending by category', 'Net worth']) {
    const card = page.getByRole('region', { name, exact: true });
    await expect(card.locator('figure svg')).toBeVisible();
    await expect(card.locator('figcaption')).not.toBeEmpty();
  }
  const categories = page.getByRole('region', { name: 'Spending by category', exact: true });
  await categories.getByText('Spending by category: the figures').click();
  await expect(categories.getByRole('row').filter({ hasText: 'Groceries' })).toContainText('$84.20');
  await expect(categories.getByRole('row').filter({ hasText: 'Groceries' })).toContainText('100 %');
  const worth = page.getByRole('region', { name: 'Net worth', exact: true });
  await worth.getByText('Net worth: the figures').click();
  await expect(worth.getByRole('row').nth(1)).toContainText('$2,415.80');

  const recent = page.getByRole('region', { name: 'Recent transactions' });
  await expect(recent.getByRole('row').filter({ hasText: 'Corner Market' })).toContainText('−$84.20');
  await expect(recent.getByRole('row').filter({ hasText: 'Employer' })).toContainText('+$2,000.00');

  const project = testInfo.project.name;
  await page.screenshot({ path: path.join(__dirname, '..', 'screenshots', `${project}-dashboard.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(__dirname, '..', 'screenshots', `${project}-dashboard-dark.png`), fullPage: true });
});
