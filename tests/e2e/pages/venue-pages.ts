import { expect, type Page } from '@playwright/test';

/**
 * Venue mode is a setting of the computer (Settings, venue mode; here through its call); the venue
 * then enters from the start screen, after the participant has switched away.
 */
export async function enterVenue(page: Page, origin: string) {
  const reply = await page.evaluate(async (url) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true }),
    });
    return (await r.json()) as { ok: boolean };
  }, `${origin}/api/venueMode.set`);
  expect(reply.ok).toBe(true);
  await page.reload();
  const venue = page.getByRole('button', { name: /Venue administration|分会场管理/ });
  const signOut = page.getByRole('button', { name: /Switch participant|切换/ });
  await expect(venue.or(signOut)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await venue.click();
}
