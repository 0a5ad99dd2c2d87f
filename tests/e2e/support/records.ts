import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch } from '../../../src/core/api/dispatch';
import { loadBuiltin } from '../../../src/core/builtin';
import { Core } from '../../../src/core/core';
import { canonicalJson } from '../../../src/core/records/canonical';
import { installationIdFor } from '../../../src/core/records/identity';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { packQuestions } from '../../../src/core/quiz/questions';
import type { StudyRecord } from '../../../src/shared/contract/records';
import type { Question } from '../../../src/shared/pack/schema';
import { root } from './hosts';

const right = (q: Question) =>
  q.type === 'single'
    ? { type: 'single', option: q.answer[0] }
    : q.type === 'multiple'
      ? { type: 'multiple', options: q.answer }
      : q.type === 'truefalse'
        ? { type: 'truefalse', value: q.answer }
        : { type: 'fill', text: q.answer[0] };

/**
 * Record files as a venue receives them: one participant really studies (through the core's own
 * calls, on the app's built-in pack) and exports; the record is then signed again on other
 * "laptops" under other names, as other honest participants' files. One file is edited by hand.
 */
export async function venueFiles(count: number): Promise<{ dir: string; files: string[]; roster: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'venue-files-'));
  const core = await Core.open({
    dataDir: join(dir, 'laptop'),
    appName: 'Study Companion',
    appVersion: 'e2e',
    builtin: loadBuiltin(join(root, 'resources')),
  });
  const dispatch = createDispatch(core, () => {});
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  try {
    await call('profiles.create', { name: '张三', unit: '省委组织部' });
    const questions = packQuestions(core.db, core.library.resolve());
    for (const sessionId of ['s1', 's2']) {
      await call('reading.save', { sessionId, position: 1, reachedEnd: true });
      const detail: { keyPoints: { id: string }[] } = await call('session.get', { sessionId });
      for (const kp of detail.keyPoints) await call('keypoint.mark', { sessionId, keyPointId: kp.id, reviewed: true });
      const attempt: { attemptId: number; questions: { id: string }[] } = await call('quiz.start', { sessionId });
      for (const q of attempt.questions) {
        const response = sessionId === 's1' ? right(questions.get(q.id)!.question) : { type: 'fill', text: '?' };
        if (response.type === 'fill' && questions.get(q.id)!.question.type !== 'fill') continue;
        await call('quiz.answer', { attemptId: attempt.attemptId, questionId: q.id, response });
      }
      await call('quiz.submit', { attemptId: attempt.attemptId });
    }
    const file: { content: string } = await call('records.export', { format: 'json' });
    const base = (JSON.parse(file.content) as { record: StudyRecord }).record;
    const units = ['省委组织部', '省财政厅', '省教育厅', '省民政厅', '武汉市江岸区人民政府办公室'];
    const surnames = ['王', '李', '赵', '钱', '孙', '周', '吴', '郑', '欧阳', '司马'];
    const people = Array.from({ length: count }, (_, i) => ({
      name: `${surnames[i % surnames.length]}${'明华伟芳娜静'[i % 6]}${i}`,
      unit: units[i % units.length]!,
    }));
    const files = people.map((p, i) => {
      const keys = generateKeyPair();
      const record: StudyRecord = {
        ...base,
        installation: { id: installationIdFor(keys.publicKey), publicKey: keys.publicKey },
        participant: { ...base.participant, name: p.name, unit: p.unit, venue: '武汉分会场' },
      };
      const path = join(dir, `record-${i}.json`);
      writeFileSync(path, signedRecordText(signRecord(record, keys.privateKeyPem)));
      return path;
    });
    // A participant "passes" session 2 by editing the file: the signature no longer holds.
    const forged = JSON.parse(file.content) as { record: StudyRecord };
    forged.record.sessions[1]!.quiz.passed = true;
    const forgedPath = join(dir, 'record-edited.json');
    writeFileSync(forgedPath, canonicalJson(forged));
    // The roster as Excel on Chinese Windows saves it: GBK, with two people who did not hand in.
    const rosterLines = [
      '姓名,工作单位',
      ...people.map((p) => `${p.name},${p.unit}`),
      '陈静,省财政厅',
      '林伟,省教育厅',
    ];
    const roster = join(dir, '名册.csv');
    writeFileSync(roster, iconv.encode(rosterLines.join('\r\n') + '\r\n', 'gbk'));
    return { dir, files: [...files, forgedPath], roster };
  } finally {
    core.close();
  }
}
