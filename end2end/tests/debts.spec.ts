import { test, expect, gotoPage, newUser, signUp, fieldError, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

async function addAccount(page: Page, name: string, currency: string) {
  await gotoPage(page, '/accounts');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Currency').selectOption(currency);
  await form.getByLabel('Opening balance').fill('100,000');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account added.' })).toBeVisible();
}

/** A loan starting on 31 January next year: far enough ahead that no reminder falls due
 * while the test runs (the server's reminder job is live), and a month end to show that
 * due dates do not drift (31 Jan → 28/29 Feb → 31 Mar). */
function nextYearDates() {
  const y = new Date().getFullYear() + 1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return { start: `${y}-01-31`, first: `${y}-02-${leap ? '29' : '28'}`, second: `${y}-03-31` };
}

test('debts: add a loan, read its schedule, pay, refuse an over-payment, plan the payoff', async ({ page, consoleWatch }) => {
  consoleWatch.expectRefusals('debts/pay'); // the over-payment
  const dates = nextYearDates();
  await signUp(page, newUser('Ada'));
  await addAccount(page, 'Everyday', 'INR');

  // No debts yet; add the published home loan, leaving the instalment to be computed.
  await gotoPage(page, '/debts');
  await expect(page.getByText('No debts yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Add a debt' }).click();
  await expect(page.getByRole('heading', { name: 'Add a debt' })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel('Name', { exact: true }).fill('Home loan');
  await page.getByLabel('Kind').selectOption('home');
  await page.getByLabel('Lender (optional)').fill('City Bank');
  await page.getByLabel('Amount borrowed').fill('3,500,000');
  await page.getByLabel('Currency').selectOption('INR');
  await page.getByLabel('Annual interest rate (%)').fill('6.5');
  await page.getByLabel('Tenure (months)').fill('240');
  await page.getByLabel('Start date').fill(dates.start);
  await page.getByRole('button', { name: 'Add debt' }).click();

  // The debt's page: its schedule, exact to the paisa, 240 rows and the totals.
  await expect(page).toHaveURL(/\/debts\/\d+$/);
  const debtUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('status').filter({ hasText: 'Debt added.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Home loan', level: 1 })).toBeVisible();
  await waitForHydration(page);
  const schedule = page.getByRole('region', { name: 'Amortization schedule' });
  await expect(schedule.getByRole('row')).toHaveCount(242);
  const first = schedule.getByRole('row').nth(1);
  await expect(first.getByRole('cell')).toHaveText(['1', dates.first, '₹26,095.06', '₹18,958.33', '₹7,136.73', '₹3,492,863.27']);
  await expect(schedule.getByRole('row').last()).toContainText('₹6,262,814.19');
  await expect(schedule.getByRole('row').last()).toContainText('₹2,762,814.19');

  // Pay one instalment (the form offers it), recording the expense in the ledger too.
  const pay = page.getByRole('region', { name: 'Record a payment' });
  await expect(pay.getByLabel('Amount', { exact: true })).toHaveValue('26,095.06');
  await pay.getByLabel('Also record an expense in').selectOption({ label: 'Everyday (INR)' });
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment recorded.' })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByText('₹3,492,863.27 of ₹3,500,000.00 still owed')).toBeVisible();
  const payments = page.getByRole('region', { name: 'Payments', exact: true });
  await expect(payments.getByRole('row').filter({ hasText: '₹26,095.06' })).toContainText(/PAY-\d{8}-[A-Z0-9]{6}/);
  await expect(payments.getByRole('row').filter({ hasText: '₹26,095.06' })).toContainText('in the ledger');
  // The payment paid the month's interest first, as the schedule's first row said.
  await expect(payments.getByRole('row').filter({ hasText: '₹26,095.06' })).toContainText('₹18,958.33');
  await expect(payments.getByRole('row').filter({ hasText: '₹26,095.06' })).toContainText('₹7,136.73');
  await expect(page.getByText(`next payment of ₹26,095.06 due ${dates.second}`)).toBeVisible();

  // Over-pay: refused in place with the most that may be paid; the amount stays as typed.
  await pay.getByLabel('Amount', { exact: true }).fill('9,999,999');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(fieldError(page, 'amount')).toHaveText('You can pay at most ₹3,511,782.95.');
  await expect(pay.getByLabel('Amount', { exact: true })).toHaveValue('9,999,999');
  await expect(pay.getByLabel('Amount', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('₹3,492,863.27 of ₹3,500,000.00 still owed')).toBeVisible();

  // The list: statistics and this month's payment.
  await gotoPage(page, '/debts');
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByRole('row').filter({ hasText: 'INR' })).toContainText('₹3,500,000.00');
  await expect(summary.getByRole('row').filter({ hasText: 'INR' })).toContainText('₹26,095.06');
  await expect(page.getByRole('region', { name: 'Payments by month' }).getByRole('row').last()).toContainText('₹26,095.06');

  // The payoff planner: a plain GET form, three strategies, the chart and its figures.
  await page.getByRole('link', { name: 'Payoff planner' }).click();
  await expect(page.getByRole('heading', { name: 'Payoff planner' })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel('Extra each month').fill('10,000');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/extra=10%2C000/);
  await waitForHydration(page);
  const compare = page.getByRole('region', { name: 'Strategies compared' });
  for (const strategy of ['Avalanche', 'Snowball', 'Minimum payments only']) {
    await expect(compare.getByRole('row').filter({ hasText: strategy })).toHaveCount(1);
  }
  await expect(compare.getByRole('row').filter({ hasText: 'Minimum payments only' })).toContainText('₹2,');
  const figure = page.getByRole('figure');
  await expect(figure).toBeVisible();
  await expect(figure.getByRole('img')).toHaveAttribute('alt', /total balance over time/);
  await expect(figure.getByRole('img')).toHaveAttribute('src', /\/debts\/planner\/chart\.svg\?extra=10%2C000&currency=INR/);
  const src = (await figure.getByRole('img').getAttribute('src')) ?? '';
  const chart = await page.request.get(src);
  expect(chart.headers()['content-type']).toContain('image/svg+xml');
  expect(await chart.text()).toContain('Snowball');
  await expect(figure.locator('figcaption')).toContainText('Avalanche, Snowball, Minimum payments only');
  await page.getByText("The chart's figures as a table").click();
  const figures = page.getByRole('table', { name: 'Total balance now and every twelve months' });
  await expect(figures.getByRole('row').first()).toContainText('Avalanche');
  await expect(figures.getByRole('row').nth(1)).toContainText('Now');
  await expect(figures.getByRole('row').nth(1)).toContainText('₹3,492,863.27');

  // The payment left a notification: the badge, the centre, and marking it read.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /Notifications/ })).toContainText('1');
  await nav.getByRole('link', { name: /Notifications/ }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByText('₹26,095.06 paid towards Home loan (₹18,958.33 of it interest); ₹3,492,863.27 still owed.')).toBeVisible();
  await expect(page.getByText('1 unread notification.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as read: Payment recorded' }).click();
  await expect(page.getByText('Everything is read.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Mark as read/ })).toHaveCount(0);
  await expect(nav.locator('.unread-count')).toHaveCount(0);

  // Delete the debt, after a confirmation page; its payment goes with it, the ledger
  // expense stays.
  await gotoPage(page, debtUrl);
  await page.getByRole('link', { name: 'Delete debt' }).click();
  await expect(page.getByRole('heading', { name: 'Delete debt', level: 1 })).toBeVisible();
  await expect(page.getByText('Its payment is deleted with it.')).toBeVisible();
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Delete debt' }).click();
  await expect(page).toHaveURL(/\/debts$/);
  await expect(page.getByRole('status').filter({ hasText: 'Debt deleted.' })).toBeVisible();
  await expect(page.getByText('No debts yet.')).toBeVisible();
});
