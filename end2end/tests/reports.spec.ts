import path from 'node:path';
import { test, expect, gotoPage, newUser, signUp, waitForHydration, fieldError } from './fixtures';

test('reports: group a range, drill down, refuse a bad range, save and re-run', async ({ page }, testInfo) => {
  await signUp(page, newUser('Rhea'));
  await gotoPage(page, '/accounts');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill('Everyday');
  await form.getByLabel('Currency').selectOption('USD');
  await form.getByLabel('Opening balance').fill('0');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account added.' })).toBeVisible();
  for (const t of [
    { kind: 'income', date: '2026-01-05', amount: '2,000', category: 'Salary (income)', payee: 'Employer' },
    { kind: 'expense', date: '2026-01-20', amount: '84.20', category: 'Groceries (expense)', payee: 'Corner Market' },
    { kind: 'expense', date: '2026-02-03', amount: '15.80', category: 'Groceries (expense)', payee: 'Corner Market' },
  ]) {
    await gotoPage(page, '/transactions/new');
    await page.getByLabel('Kind').selectOption(t.kind);
    await page.getByLabel('Date').fill(t.date);
    await page.getByLabel('Amount', { exact: true }).fill(t.amount);
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Everyday (USD)' });
    await page.getByLabel('Category').selectOption({ label: t.category });
    await page.getByLabel('Payee or title').fill(t.payee);
    await page.getByRole('button', { name: 'Add transaction' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Transaction added.' })).toBeVisible();
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await waitForHydration(page);
  const report = page.getByRole('form', { name: 'Report' });
  await report.getByLabel('Report type').selectOption('month');
  await report.getByLabel('From').fill('2026-01-01');
  await report.getByLabel('To').fill('2026-02-28');
  await report.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/group=month&from=2026-01-01&to=2026-02-28/);
  await waitForHydration(page);
  const table = page.getByRole('table', { name: /Income and spending by month/ });
  await expect(table.getByRole('row').filter({ hasText: 'Jan 2026' })).toContainText('$2,000.00$84.20$1,915.80');
  await expect(table.getByRole('row').filter({ hasText: 'Feb 2026' })).toContainText('$0.00$15.80-$15.80');
  await expect(table.getByRole('row').filter({ hasText: 'Total' })).toContainText('$2,000.00$100.00$1,900.00');
  await expect(page.locator('figure svg')).toBeVisible();

  // Save it by name; it is listed with a link that re-runs it.
  const save = page.getByRole('region', { name: 'Save this report' });
  await save.getByLabel('Name').fill('Winter months');
  await save.getByRole('button', { name: 'Save report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Report saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saved reports' }).getByRole('link', { name: 'Winter months' }))
    .toHaveAttribute('href', '/reports?group=month&from=2026-01-01&to=2026-02-28');

  const project = testInfo.project.name;
  await page.screenshot({ path: path.join(__dirname, '..', 'screenshots', `${project}-report.png`), fullPage: true });

  // Drill down from February to its transactions.
  await waitForHydration(page);
  await page.getByRole('table', { name: /Income and spending by month/ }).getByRole('link', { name: 'Feb 2026' }).click();
  await expect(page).toHaveURL(/\/transactions\?from=2026-02-01&to=2026-02-28/);
  await expect(page.getByRole('row').filter({ hasText: 'Corner Market' })).toHaveCount(1);

  // A range that ends before it starts is refused in place.
  await gotoPage(page, '/reports?group=category&from=2026-03-01&to=2026-01-01');
  await expect(fieldError(page, 'to')).toHaveText('The end comes before the start.');

  // The debts summary: a report of records as they stand, not of a range.
  const again = page.getByRole('form', { name: 'Report' });
  await again.getByLabel('Report type').selectOption('debts');
  await again.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/group=debts/);
  await expect(page.getByRole('heading', { name: 'Debts summary', level: 2 })).toBeVisible();
  await expect(page.getByText('No debts recorded.')).toBeVisible();
});
