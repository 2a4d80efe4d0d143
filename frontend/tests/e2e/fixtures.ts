import { test as base, expect, type Page } from '@playwright/test'

export const token = () => process.env.E2E_TOKEN as string

// login opens the URL serve prints: the token in the fragment, which the
// page moves into sessionStorage (no cookie) and out of the address bar.
export async function login(page: Page) {
  await page.goto('/#token=' + token())
  await expect(page.getByTestId('nav-settings')).toBeVisible()
}

// baseURL comes from global-setup (the server picks a random port), so it is
// read when each test starts, not when the config is loaded.
export const test = base.extend({
  baseURL: async ({}, use) => { await use(process.env.E2E_BASE_URL) },
})
export { expect }
