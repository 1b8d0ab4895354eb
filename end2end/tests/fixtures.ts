import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export { expect };

/** True in the `js` project, false in `nojs`. */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * Navigates to `path` and, when JavaScript runs, waits until the Leptos app has hydrated
 * (the root element then carries data-hydrated="true"). Returns the navigation response.
 */
export async function gotoPage(page: Page, path: string) {
  const response = await page.goto(path);
  await waitForHydration(page);
  return response;
}

/** Waits for hydration after a full page load; a no-op without JavaScript. */
export async function waitForHydration(page: Page) {
  if (jsEnabled(base.info())) {
    await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
  }
}

let counter = 0;
/** A unique user for this test (tests run in parallel against one server). */
export function newUser(firstName = 'Ada') {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return {
    firstName,
    email: `user-${Date.now()}-${process.pid}-${counter}-${random}@example.org`,
    password: `Florin-e2e-${random}-pass`,
  };
}
export type User = ReturnType<typeof newUser>;

/**
 * Collects console errors and uncaught page errors from every page it watches. A CSP
 * violation, a hydration mismatch or a wasm panic shows up here. Some messages are
 * expected in a given test (a 404 document, a server function refusing input) and can be
 * allowed by pattern.
 */
export class ConsoleWatch {
  readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  watch(page: Page) {
    // The hydration scripts are inline and run only under the page's nonce-bearing CSP;
    // a page served with the strict default policy would silently never hydrate.
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'document') return;
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
      if (response.status() >= 300 && response.status() < 400) return;
      const csp = response.headers()['content-security-policy'] ?? '(none)';
      if (!/script-src [^;]*'nonce-/.test(csp)) {
        this.errors.push(`csp: ${response.url()} (${response.status()}) came without a script nonce: ${csp}`);
      }
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      const url = msg.location()?.url ?? '';
      const line = url ? `${text} (at ${url})` : text;
      if (!this.allowed.some((re) => re.test(line))) this.errors.push(`console: ${line}`);
    });
    page.on('pageerror', (error) => {
      this.errors.push(`pageerror: ${error.message}`);
    });
  }

  allow(pattern: RegExp) {
    this.allowed.push(pattern);
  }

  /**
   * The test makes the server function at `/api/<endpoint>` refuse input on purpose (a
   * wrong password, a field error). The hydrated client receives the refusal as an HTTP
   * error status, which Chromium logs as "Failed to load resource". Only that exact
   * message, for that endpoint, is allowed; anything else still fails the test.
   */
  expectRefusals(...endpoints: string[]) {
    for (const endpoint of endpoints) {
      const url = escapeRegExp(`/api/${endpoint}`);
      this.allow(
        new RegExp(`^Failed to load resource: the server responded with a status of 4\\d\\d \\([^)]*\\) \\(at https?://[^/]+${url}\\)$`),
      );
    }
  }
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Fixtures = {
  consoleWatch: ConsoleWatch;
  /** Opens another, independent browser session (its own cookies), watched like `page`. */
  newSession: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  consoleWatch: [
    async ({ page }, use, testInfo) => {
      const watch = new ConsoleWatch();
      const js = jsEnabled(testInfo);
      if (js) watch.watch(page);
      await use(watch);
      if (js) {
        expect(watch.errors, 'console errors or uncaught page errors').toEqual([]);
      }
    },
    { auto: true },
  ],
  newSession: async ({ browser, consoleWatch }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    const js = jsEnabled(testInfo);
    await use(async () => {
      const context = await newContextLike(browser, testInfo);
      contexts.push(context);
      const page = await context.newPage();
      if (js) consoleWatch.watch(page);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

async function newContextLike(browser: Browser, testInfo: TestInfo) {
  const use = testInfo.project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    javaScriptEnabled: use.javaScriptEnabled,
  });
}

// ---------------------------------------------------------------------------------------
// Journeys' building blocks. Each works with and without JavaScript: hydrated forms call
// the server function and navigate client-side; plain forms post and are redirected.

export async function signUp(page: Page, user: User) {
  await gotoPage(page, '/sign-up');
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('First name (optional)').fill(user.firstName);
  await page.getByLabel('E-mail', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('status').filter({ hasText: 'Welcome to Florin! Your account is ready.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Hello, ${user.firstName}` })).toBeVisible();
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, user: User, password = user.password) {
  await gotoPage(page, '/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await fillSignIn(page, user.email, password);
  await expect(page.getByRole('status').filter({ hasText: 'You are signed in.' })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/sign-in');
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  await expectSignedOutNav(page);
}

export async function expectSignedInNav(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Profile' })).toBeVisible();
  await expect(nav.locator('.user')).toHaveText(name);
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function expectSignedOutNav(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Create account' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

/** The error message tied to a field through aria-describedby. */
export function fieldError(page: Page, fieldId: string) {
  return page.locator(`#field-${fieldId}-error`);
}
