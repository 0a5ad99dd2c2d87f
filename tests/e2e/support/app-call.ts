import type { Page } from '@playwright/test';
import type { Reply } from '../../../src/shared/errors';

/**
 * A contract call made from inside the page, through the same transport the renderer uses (the
 * preload bridge in Electron, HTTP to the browser host otherwise): lets a test wait for what the
 * app has saved instead of sleeping.
 */
export async function callApp<T>(page: Page, name: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([n, i]) => {
      const bridge = (
        window as unknown as Record<string, { invoke(n: string, i: unknown): Promise<unknown> } | undefined>
      ).studyBridge;
      if (bridge) return bridge.invoke(n, i);
      const res = await fetch(`/api/${encodeURIComponent(n)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [name, input] as const,
  );
  const r = reply as Reply<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
