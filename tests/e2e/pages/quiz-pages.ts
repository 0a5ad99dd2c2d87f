import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../../../src/shared/pack/schema';
import { root } from '../support/hosts';

/** The built-in pack's questions for a session, as the test's answer key. */
export function answerKey(sessionId: string): Question[] {
  const file = join(root, 'packs/training-class/sessions', sessionId, 'session.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { quiz: { questions: Question[] } }).quiz.questions;
}

/**
 * Answers every one of `questions`, rightly or wrongly (English UI). The page must show exactly
 * these questions: a quiz screen that dropped or added one fails here.
 */
export async function answerAll(page: Page, questions: Question[], right: boolean) {
  await expect(page.locator('[data-testid^="question-"]')).toHaveCount(questions.length);
  for (const q of questions) {
    const card = page.getByTestId(`question-${q.id}`);
    await expect(card, `question ${q.id} is shown`).toBeVisible();
    const option = (id: string) => {
      const text = 'options' in q ? q.options.find((o) => o.id === id)!.text : id;
      return card.getByRole(q.type === 'multiple' ? 'checkbox' : 'radio', { name: text, exact: false });
    };
    if (q.type === 'single') {
      const wrong = q.options.find((o) => !q.answer.includes(o.id))!.id;
      await option(right ? q.answer[0]! : wrong).check();
    } else if (q.type === 'multiple') {
      for (const o of q.options) {
        const tick = right ? q.answer.includes(o.id) : !q.answer.includes(o.id);
        if (tick) await option(o.id).check();
        else await option(o.id).uncheck();
      }
    } else if (q.type === 'truefalse') {
      await card.getByRole('radio', { name: right === q.answer ? 'True' : 'False', exact: true }).check();
    } else {
      await card.getByRole('textbox').fill(right ? q.answer[0]! : 'no idea');
    }
  }
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible();
}

/** Submits a fully answered attempt: no "unanswered questions" confirmation may appear. */
export async function submit(page: Page) {
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit anyway' })).toHaveCount(0);
}
