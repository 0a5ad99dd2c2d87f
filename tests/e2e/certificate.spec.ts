import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackToFile } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import type { Certificate } from '../../src/shared/contract/certificate';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { nav, ProfilesPage } from './pages/app-pages';
import { enterVenue } from './pages/venue-pages';
import { callApp } from './support/app-call';
import { expect, test } from './support/fixtures';
import { root } from './support/hosts';

/**
 * The 学时 ledger, the charts and the certificate (结业证书) with a pack that grants credit: the
 * built-in course re-published with credit rules (s1 2 学时, s2 1.5, s3 1, s4-s6 none) and a
 * course rule (s1-s3 and at least 4 学时). Sessions complete by reading to the end. The
 * certificate is printed to PDF by Chromium and read back with pdftotext, in both languages.
 */
let work: string;
let packFile: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'study-e2e-credit-'));
  const folder = join(work, 'pack');
  cpSync(join(root, 'packs', 'training-class'), folder, { recursive: true });
  const file = join(folder, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  m.id = 'credit-class';
  m.publisher = { name: 'Credit test publisher 学时测试' };
  const hours: Record<string, number> = { s1: 2, s2: 1.5, s3: 1 };
  for (const s of m.sessions) {
    s.completion = { keyPoints: false, quiz: false };
    if (hours[s.id]) s.credit = { kind: 'fixed', hours: hours[s.id] };
  }
  m.course = { sessions: ['s1', 's2', 's3'], minimumCredit: 4 };
  writeFileSync(file, JSON.stringify(m, null, 2));
  packFile = join(work, 'credit.studypack');
  await buildPackToFile(folder, generateKeyPair().privateKeyPem, packFile);
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const words = {
  'zh-CN': {
    name: '王小明',
    unit: '省委组织部',
    venue: '武汉分会场',
    library: /学习包/,
    progress: /我的进度/,
    choose: '选择 .studypack 文件',
    trust: /信任此发布方并导入/,
    activate: '学习此学习包',
    ledger: '学时台账',
    notYet: /完成课程要求的全部专题后/,
    open: '查看并打印结业证书',
    title: '结业证书',
    print: '打印 / 另存为 PDF',
    pdf: [
      '结业证书',
      '王小明',
      '省委组织部',
      '证书编号',
      '校验码',
      '共计 4.5 学时',
      '分会场（盖章）',
      '负责人（签字）',
    ],
    rule: '固定 2 学时',
    noCredit: '本专题不计学时',
  },
  en: {
    name: 'Wang Xiaoming',
    unit: 'Organization Department',
    venue: 'Wuhan venue',
    library: /Study packs/,
    progress: /My progress/,
    choose: 'Choose a .studypack file',
    trust: /trust this publisher and import/,
    activate: 'Study this pack',
    ledger: 'Credit hours (学时) ledger',
    notYet: /Once every session the course requires is complete/,
    open: 'View and print the certificate',
    title: 'Certificate of Completion',
    print: 'Print / Save as PDF',
    pdf: [
      'Certificate of Completion',
      'Wang Xiaoming',
      'Organization Department',
      'Certificate no.',
      'Verification code',
      '4.5 credit hours',
      'Venue (seal)',
      'Responsible person (signature)',
      'Hubei special training class',
    ],
    rule: 'Fixed 2 credit hours',
    noCredit: 'This session grants no credit hours',
  },
} as const;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

interface PackQuestion {
  id: string;
  type: 'single' | 'multiple' | 'truefalse' | 'fill';
  answer: string[] | boolean;
}

/** The right response to a question, from the pack's own answer key. */
const right = (q: PackQuestion) =>
  q.type === 'single'
    ? { type: 'single', option: (q.answer as string[])[0] }
    : q.type === 'multiple'
      ? { type: 'multiple', options: q.answer }
      : q.type === 'truefalse'
        ? { type: 'truefalse', value: q.answer }
        : { type: 'fill', text: (q.answer as string[])[0] };

/** Key points and the quiz first: this pack completes a session on reading, which comes last. */
async function completeHonestly(page: Page, sessionId: string) {
  const detail = await callApp<{ keyPoints: { id: string }[] }>(page, 'session.get', { sessionId });
  for (const kp of detail.keyPoints)
    await callApp(page, 'keypoint.mark', { sessionId, keyPointId: kp.id, reviewed: true });
  const key = JSON.parse(readFileSync(join(work, 'pack', 'sessions', sessionId, 'session.json'), 'utf8')) as {
    quiz: { questions: PackQuestion[] };
  };
  const byId = new Map(key.quiz.questions.map((q) => [q.id, q]));
  const attempt = await callApp<{ attemptId: number; questions: { id: string }[] }>(page, 'quiz.start', { sessionId });
  for (const q of attempt.questions)
    await callApp(page, 'quiz.answer', {
      attemptId: attempt.attemptId,
      questionId: q.id,
      response: right(byId.get(q.id)!),
    });
  await callApp(page, 'quiz.submit', { attemptId: attempt.attemptId });
  await callApp(page, 'reading.save', { sessionId, position: 1, reachedEnd: true });
}

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(locale, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 720 } });

    test(`ledger, charts and a printed certificate in ${locale}`, async ({ app }, info) => {
      test.skip(info.project.metadata.host === 'electron', 'page.pdf is a Chromium-headless feature');
      const page = app.page;
      const w = words[locale];
      await new ProfilesPage(page).create(w.name, w.unit, { venue: w.venue });
      await nav(page, w.library);
      await app.chooseFiles([packFile], () => page.getByRole('button', { name: w.choose }).click());
      await page.getByRole('button', { name: w.trust }).click();
      const card = page.locator('li.card', { hasText: 'credit-class' }).or(page.locator('li.card').last());
      await card.getByRole('button', { name: w.activate }).click();

      // Two of the three sessions the course needs: minutes and credit, but no certificate yet.
      await callApp(page, 'reading.save', { sessionId: 's1', position: 1, reachedEnd: true, secondsDelta: 1500 });
      await callApp(page, 'reading.save', { sessionId: 's2', position: 1, reachedEnd: true, secondsDelta: 1200 });
      await callApp(page, 'reading.save', { sessionId: 's4', position: 0.4, secondsDelta: 420 });
      await nav(page, w.progress);
      await expect(page.getByRole('heading', { name: w.ledger })).toBeVisible();
      await expect(page.getByTestId('ledger-total-credit')).toHaveText('3.5');
      await expect(page.getByText(w.notYet)).toBeVisible();
      expect(await callApp(page, 'certificate.get', { language: locale })).toBeNull();

      await callApp(page, 'reading.save', { sessionId: 's3', position: 1, reachedEnd: true, secondsDelta: 600 });
      await page.reload();
      await expect(page.getByTestId('ledger-total-credit')).toHaveText('4.5');
      const ledger = page.locator('.ledger-table');
      await expect(ledger.locator('tbody tr').first()).toContainText(w.rule);
      await expect(ledger.locator('tbody tr').nth(3)).toContainText(w.noCredit);
      await expect(ledger.locator('tbody tr').first().locator('td').first()).toHaveText('25');
      // The charts arrive in their own chunk; each has a text alternative with the same numbers.
      await expect(page.locator('.bar-chart canvas')).toHaveCount(2);
      const perDay = page.locator('figure.chart').first().locator('table');
      await expect(perDay.locator('tbody tr').last().locator('td')).toHaveText('62');
      await page.getByRole('heading', { name: w.ledger }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`ledger-${locale}.png`) });
      await page.locator('.study-charts').scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`charts-${locale}.png`) });
      expect(await seriousViolations(page), 'my progress').toEqual([]);

      const cert = await callApp<Certificate>(page, 'certificate.get', { language: locale });
      expect(cert.credit).toEqual({ hours: 4.5, grants: true });
      await page.getByRole('link', { name: w.open }).click();
      await expect(page.getByRole('heading', { name: w.title, level: 1 })).toBeVisible();
      await page.screenshot({ path: info.outputPath(`certificate-screen-${locale}.png`), fullPage: true });
      expect(await seriousViolations(page), 'certificate').toEqual([]);

      // The button prints through the host: in the browser that is window.print().
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: w.print }).click();
      await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

      await page.emulateMedia({ media: 'print' });
      const pdf = info.outputPath(`certificate-${locale}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const pdfInfo = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(pdfInfo).toMatch(/^Pages:\s+1$/m);
      expect(pdfInfo).toMatch(/A4/);
      // Lines joined: an English sentence wraps wherever the page width says.
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const words of [...w.pdf, cert.number, cert.verificationCode, cert.course.title])
        expect(text, words).toContain(words);
      // Nothing of the app around it: no navigation, no buttons.
      expect(text).not.toContain(w.print);
      expect(text).not.toMatch(locale === 'en' ? /My progress/ : /我的进度/);
      execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdf, info.outputPath(`certificate-${locale}`)]);
    });
  });
}

test('the built-in pack grants no credit hours, and the ledger says so and still counts minutes', async ({ app }) => {
  const page = app.page;
  await new ProfilesPage(page).create('赵六', '省财政厅');
  await callApp(page, 'reading.save', { sessionId: 's1', position: 0.5, secondsDelta: 300 });
  await nav(page, /我的进度/);
  await expect(page.getByTestId('ledger-no-credit')).toHaveText('本学习包不计学时，下表只记录各专题的学习时长。');
  await expect(page.getByTestId('ledger-total')).toHaveText('共学习 5 分钟。');
  await expect(page.locator('.ledger-table thead')).not.toContainText('学时');
  await expect(page.getByText(/完成课程要求的全部专题后/)).toBeVisible();
});

test('the venue finds a certificate number among the imported records and checks its code', async ({ app }, info) => {
  const page = app.page;
  await new ProfilesPage(page).create('王小明', '省委组织部', { venue: '武汉分会场' });
  await nav(page, /学习包/);
  await app.chooseFiles([packFile], () => page.getByRole('button', { name: '选择 .studypack 文件' }).click());
  await page.getByRole('button', { name: /信任此发布方并导入/ }).click();
  await page.locator('li.card').last().getByRole('button', { name: '学习此学习包' }).click();
  // The whole format-1 rule (read, key points, quiz passed), so the venue's re-derivation agrees
  // whichever rules it applies; no study time: a venue refuses more than the profile's age allows.
  for (const sessionId of ['s1', 's2', 's3']) await completeHonestly(page, sessionId);
  const cert = await callApp<Certificate>(page, 'certificate.get', { language: 'zh-CN' });
  const file = await callApp<{ content: string }>(page, 'records.export', { format: 'json' });
  const recordFile = info.outputPath('wang.json');
  writeFileSync(recordFile, file.content);

  await enterVenue(page, app.origin);
  await page.getByLabel('本次汇总的学习包').selectOption('credit-class');
  await page.getByLabel(/选择记录文件/).setInputFiles([recordFile]);
  await page.getByRole('button', { name: /校验文件/ }).click();
  await expect(page.locator('.venue-table tbody tr')).toHaveCount(1);
  const check = page.locator('.certificate-check');
  await check.getByLabel('证书编号').fill(cert.number.toLowerCase());
  await check.getByLabel(/校验码/).fill(cert.verificationCode);
  await check.getByRole('button', { name: '核对' }).click();
  const result = page.getByTestId('certificate-check-result');
  await expect(result).toContainText(`编号 ${cert.number} 属于`);
  await expect(result).toContainText('王小明');
  await expect(result).toContainText('4.5 学时');
  await expect(result).toContainText('已达到');
  await expect(page.getByTestId('certificate-code-result')).toHaveText(/^一致/);
  await check.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('venue-certificate-check.png') });

  await check.getByLabel(/校验码/).fill('AAAAA-AAAAA');
  await check.getByRole('button', { name: '核对' }).click();
  await expect(page.getByTestId('certificate-code-result')).toHaveText(/^不一致/);
  await check.getByLabel('证书编号').fill('12345678-0009');
  await check.getByRole('button', { name: '核对' }).click();
  await expect(result).toContainText('没有找到编号 12345678-0009');
  await check.getByLabel('证书编号').fill('hello');
  await expect(check.getByText(/证书编号的格式是/)).toBeVisible();
});
