import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration, jsEnabled } from './fixtures';

const READ_ONLY = 'This cycle is completed and can no longer be changed.';

test('cycles: templates, a cycle generated from them, activated, completed, then a change is refused', async ({
  page,
  consoleWatch,
}, testInfo) => {
  // The cycle form with a length above 45 days, and the save from a stale page.
  consoleWatch.expectRefusals('cycles/save');
  await signUp(page, newUser('Ada'));

  await gotoPage(page, '/cycles');
  await expect(page.getByText('No cycles yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Expense templates' }).click();
  await expect(page.getByRole('heading', { name: 'Expense templates' })).toBeVisible();

  for (const t of [
    { name: 'Rent', amount: '1200', category: 'Rent', frequency: 'Monthly' },
    { name: 'Groceries', amount: '100', category: 'Groceries', frequency: 'Weekly' },
  ]) {
    await page.getByRole('link', { name: 'Add a template' }).click();
    await expect(page.getByRole('heading', { name: 'Add an expense template' })).toBeVisible();
    await waitForHydration(page);
    await page.getByLabel('Name', { exact: true }).fill(t.name);
    await page.getByLabel('Amount', { exact: true }).fill(t.amount);
    await page.getByLabel('Category').selectOption({ label: t.category });
    await page.getByLabel('Frequency').selectOption({ label: t.frequency });
    await page.getByLabel('First date').fill('2028-01-31');
    await page.getByRole('button', { name: 'Add template' }).click();
    await expect(page).toHaveURL(/\/templates$/);
    await expect(page.getByRole('status').filter({ hasText: 'Template added.' })).toBeVisible();
    await waitForHydration(page);
  }
  const templates = page.getByRole('region', { name: 'Your templates' });
  await expect(templates.getByRole('row').filter({ hasText: 'Rent' })).toContainText('Monthly on day 31 from 2028-01-31');
  await expect(templates.getByRole('row').filter({ hasText: 'Groceries' })).toContainText('Weekly from 2028-01-31');

  await gotoPage(page, '/cycles');
  await page.getByRole('link', { name: 'Add a cycle' }).click();
  await expect(page.getByRole('heading', { name: 'Add a cycle' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByLabel('Length in days')).toHaveValue('42');
  await expect(page.getByLabel('Generate expected expenses from the active templates')).toBeChecked();
  await page.getByLabel('Name', { exact: true }).fill('Winter');
  await page.getByLabel('First day').fill('2028-01-31');
  await page.getByLabel('Length in days').fill('46');
  await page.getByLabel('Expected income').fill('4000');
  await page.getByRole('button', { name: 'Add cycle' }).click();
  await expect(fieldError(page, 'length_days')).toHaveText('A cycle lasts at most 45 days.');
  await expect(page.getByLabel('Expected income')).toHaveValue('4000');
  await page.getByLabel('Length in days').fill('42');
  await page.getByRole('button', { name: 'Add cycle' }).click();
  await expect(page).toHaveURL(/\/cycles\/\d+$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'Cycle added with 8 expected expenses from 2 templates.' }),
  ).toBeVisible();
  await expect(page.getByText('2028-01-31 – 2028-03-12 (42 days)')).toBeVisible();
  const cycleUrl = page.url();

  const expenses = page.getByRole('region', { name: 'Expected expenses' });
  await expect(expenses.getByRole('row').filter({ hasText: '2028-02-29' })).toContainText('Rent');
  await expect(expenses.getByRole('row').filter({ hasText: 'Groceries' })).toHaveCount(6);
  const actuals = page.getByRole('region', { name: 'Expected and actual spending' });
  await expect(actuals.getByRole('row').filter({ hasText: 'Rent' })).toContainText('$2,400.00');
  await expect(actuals.getByRole('row').filter({ hasText: 'Groceries' })).toContainText('$600.00');
  await expect(actuals.getByRole('row').filter({ hasText: 'Total' })).toContainText('$3,000.00');
  await expect(page.getByRole('region', { name: 'Cycle at a glance' })).toContainText('Planned to be left$1,000.00');

  await waitForHydration(page);
  await page.getByRole('button', { name: 'Activate cycle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cycle activated.' })).toBeVisible();
  await waitForHydration(page);

  // An edit page opened while the cycle is still active, in another tab.
  const stale = await page.context().newPage();
  if (jsEnabled(testInfo)) consoleWatch.watch(stale);
  await gotoPage(stale, `${cycleUrl}/edit`);
  await expect(stale.getByLabel('Name', { exact: true })).toHaveValue('Winter');

  await page.getByRole('button', { name: 'Complete cycle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cycle completed.' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(READ_ONLY);
  await expect(page.getByRole('button', { name: 'Complete cycle' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit cycle' })).toHaveCount(0);

  await stale.getByLabel('Name', { exact: true }).fill('Rewritten');
  await stale.getByLabel('Expected income').fill('1');
  await stale.getByRole('button', { name: 'Save cycle' }).click();
  await expect(stale.getByRole('alert').filter({ hasText: READ_ONLY })).toBeVisible();
  await stale.close();

  await gotoPage(page, cycleUrl);
  await expect(page.getByRole('heading', { name: 'Winter' })).toBeVisible();
  await expect(page.getByText('expected income $4,000.00')).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
});
