import { describe, expect, it } from 'vitest';
import type { PackIssue } from '../../../src/core/packs/issues';
import { readJson, type LocatedFile } from '../../../src/core/packs/located';
import {
  loadTranslations,
  translationIssues,
  translationPaths,
  type LoadedTranslation,
  type TranslationReaders,
} from '../../../src/core/packs/translations';
import type { PackSession } from '../../../src/core/packs/types';
import type { Manifest } from '../../../src/shared/pack/schema';

/**
 * The translation rules, directly on a small pack in memory (docs/testing.md, mutation testing):
 * each refusal with its rule and exact place, and the cases next to each one that are accepted.
 */

// The fixtures are plain JSON edited freely by each test; typing each path would only restate the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const SOURCE = 'First sentence here. Second one here.\n\nThird in paragraph two.';
const ZH = 'translations["zh-CN"]';

function fixture(): Json {
  const sessions = [
    { id: 's1', title: 'One', material: 'sessions/s1/material.md', content: 'sessions/s1/session.json' },
    { id: 's2', title: 'Two', material: 'sessions/s2/material.md', content: 'sessions/s2/session.json' },
  ];
  return {
    manifest: {
      format: 2,
      language: 'en',
      sessions,
      translations: {
        'zh-CN': {
          title: '译',
          content: 'translations/zh-CN.json',
          material: { s1: 'translations/zh-CN/s1.md', s2: 'translations/zh-CN/s2.md' },
          sourceText: 'translations/zh-CN/source.json',
        },
      },
    },
    material: { s1: '# One\n\nText one.\n\n## Part\n\nMore.', s2: 'Only text.' },
    content: {
      s1: {
        keyPoints: [{ id: 'k1' }, { id: 'k2' }],
        quiz: {
          questions: [
            { id: 'q1', type: 'single', options: [{ id: 'a' }, { id: 'b' }] },
            { id: 'q2', type: 'multiple', options: [{ id: 'a' }, { id: 'c' }] },
            { id: 'q3', type: 'fill' },
            { id: 'q4', type: 'truefalse' },
          ],
        },
      },
      s2: { keyPoints: [], quiz: { questions: [] } },
    },
    sourceText: SOURCE,
    zh: {
      content: {
        sessions: {
          s1: {
            title: '一',
            keyPoints: {
              k1: { text: '要点', source: '第一句话就在这里出现。' },
              k2: { text: '要点二', source: '第三句话在第二段' },
            },
            questions: {
              q1: { prompt: '问', explanation: '答', source: '第二句话也在这里出现。', options: { a: '甲', b: '乙' } },
              q2: { prompt: '问', explanation: '答', source: '第二句话也在这里出现。', options: { a: '甲', c: '丙' } },
              q3: { prompt: '问', explanation: '答', source: '第二句话也在这里出现。', answer: ['每天', '天天'] },
              q4: { prompt: '问', explanation: '答', source: '第二句话也在这里出现。' },
            },
          },
          s2: { title: '二', keyPoints: {}, questions: {} },
        },
      },
      material: { s1: '# 一\n\n文本一。\n\n## 部分\n\n更多。', s2: '只有文本。' },
      aligned: {
        language: 'zh-CN',
        kind: 'reference-translation',
        notice: '参考译文',
        sentences: [
          { id: 'x1', paragraph: 1, original: 'First sentence here.', translation: '第一句话就在这里出现。' },
          { id: 'x2', paragraph: 1, original: 'Second one here.', translation: '第二句话也在这里出现。' },
          { id: 'x3', paragraph: 2, original: 'Third in paragraph two.', translation: '第三句话在第二段 café。' },
        ],
      },
    },
  };
}

function located(entry: string, value: unknown): LocatedFile {
  const r = readJson(entry, Buffer.from(JSON.stringify(value, null, 2)));
  if (!r.ok) throw new Error(r.issue.message);
  return r.value;
}

/** translationIssues of the fixture after `edit`, as `entry rule path`. */
function issuesOf(edit: (f: Json) => void = () => {}, opts: { noSourceFile?: boolean } = {}): string[] {
  return rawIssues(edit, opts).map(brief);
}

function rawIssues(edit: (f: Json) => void, opts: { noSourceFile?: boolean } = {}): PackIssue[] {
  const f = fixture();
  edit(f);
  const manifestFile = located('manifest.json', f.manifest);
  const sessions: PackSession[] = f.manifest.sessions.map((meta: Json) => ({
    meta,
    material: f.material[meta.id],
    content: f.content[meta.id],
  }));
  const loaded: LoadedTranslation[] = Object.entries(f.manifest.translations ?? {}).map(([language, meta]: Json) => ({
    translation: {
      language,
      meta,
      content: f.zh.content,
      material: f.zh.material,
      sourceText: f.zh.aligned,
    },
    contentFile: located(meta.content, f.zh.content),
    sourceFile: opts.noSourceFile || !f.zh.aligned ? null : located('translations/zh-CN/source.json', f.zh.aligned),
  }));
  return translationIssues(f.manifest as Manifest, manifestFile, sessions, f.sourceText, loaded);
}
const brief = (i: PackIssue) => `${i.entry} ${i.rule} ${i.path ?? ''}`.trim();

describe('translationIssues', () => {
  it('accepts a complete translation', () => {
    expect(issuesOf()).toEqual([]);
  });

  it('refuses translations in a format-1 manifest, and a translation in the pack language', () => {
    expect(issuesOf((f) => (f.manifest.format = 1))).toEqual(['manifest.json format translations']);
    expect(
      issuesOf((f) => {
        f.manifest.language = 'zh-CN';
      }),
    ).toEqual([`manifest.json translation-language ${ZH}`]);
  });

  it('refuses a session missing from or added to the material list and the content file', () => {
    expect(
      issuesOf((f) => {
        delete f.manifest.translations['zh-CN'].material.s2;
        f.manifest.translations['zh-CN'].material.s9 = 'x.md';
        delete f.zh.content.sessions.s2;
        f.zh.content.sessions.s8 = { title: 'x', keyPoints: {}, questions: {} };
      }),
    ).toEqual([
      `manifest.json translation-missing ${ZH}.material`,
      `manifest.json translation-unknown ${ZH}.material.s9`,
      'translations/zh-CN.json translation-missing sessions',
      'translations/zh-CN.json translation-unknown sessions.s8',
    ]);
  });

  it('refuses a missing or unknown key point, question or option, each where it belongs', () => {
    expect(
      issuesOf((f) => {
        const s1 = f.zh.content.sessions.s1;
        delete s1.keyPoints.k2;
        s1.keyPoints.k9 = { text: 'x', source: '第一句话就在这里出现。' };
        delete s1.questions.q4;
        s1.questions.q9 = { prompt: 'p', explanation: 'e', source: '第一句话就在这里出现。' };
        delete s1.questions.q1.options.b;
        s1.questions.q2.options.z = '?';
      }),
    ).toEqual([
      'translations/zh-CN.json translation-missing sessions.s1.keyPoints',
      'translations/zh-CN.json translation-unknown sessions.s1.keyPoints.k9',
      'translations/zh-CN.json translation-missing sessions.s1.questions',
      'translations/zh-CN.json translation-unknown sessions.s1.questions.q9',
      'translations/zh-CN.json translation-missing sessions.s1.questions.q1.options',
      'translations/zh-CN.json translation-unknown sessions.s1.questions.q2.options.z',
    ]);
  });

  it('refuses options on a true/false or fill question, and a question with no options at all', () => {
    expect(
      issuesOf((f) => {
        const q = f.zh.content.sessions.s1.questions;
        q.q3.options = { a: '甲' };
        q.q4.options = { a: '甲' };
        delete q.q1.options;
      }),
    ).toEqual([
      'translations/zh-CN.json translation-missing sessions.s1.questions.q1.options',
      'translations/zh-CN.json translation-missing sessions.s1.questions.q1.options',
      'translations/zh-CN.json translation-unknown sessions.s1.questions.q3.options',
      'translations/zh-CN.json translation-unknown sessions.s1.questions.q4.options',
    ]);
  });

  it('needs accepted answers for a fill question, distinct once normalised, and none for another kind', () => {
    const fill = (answer: unknown) => issuesOf((f) => (f.zh.content.sessions.s1.questions.q3.answer = answer));
    expect(fill(undefined)).toEqual(['translations/zh-CN.json translation-missing sessions.s1.questions.q3']);
    expect(fill(['每天', ' 每天 ', '!', '天天'])).toEqual([
      'translations/zh-CN.json answer sessions.s1.questions.q3.answer[1]',
      'translations/zh-CN.json answer sessions.s1.questions.q3.answer[2]',
    ]);
    expect(fill(['Daily', 'DAILY.'])).toEqual(['translations/zh-CN.json answer sessions.s1.questions.q3.answer[1]']);
    expect(fill(['每天'])).toEqual([]);
    expect(issuesOf((f) => (f.zh.content.sessions.s1.questions.q1.answer = ['a']))).toEqual([
      'translations/zh-CN.json translation-unknown sessions.s1.questions.q1.answer',
    ]);
  });

  it('checks quotes against the translated source: word for word, spacing and Unicode form aside', () => {
    const quote = (k1: string, q1 = '第二句话也在这里出现。') =>
      issuesOf((f) => {
        f.zh.content.sessions.s1.keyPoints.k1.source = k1;
        f.zh.content.sessions.s1.questions.q1.source = q1;
      });
    expect(quote('第一句话就在那里出现。', '第二句话也在那里出现。')).toEqual([
      'translations/zh-CN.json source-quote sessions.s1.keyPoints.k1.source',
      'translations/zh-CN.json source-quote sessions.s1.questions.q1.source',
    ]);
    expect(quote('  第一句话就在这里出现。\n')).toEqual([]);
    expect(quote('第二句话也在这里出现。\n第三句话')).toEqual([]); // a paragraph break is a space
    expect(quote('第二句话也在这里出现。 \t 第三句话')).toEqual([]);
    expect(quote('第三句话在第二段 cafe\u0301')).toEqual([]);
    // Spacing is collapsed, not removed: words run together are not the source's words.
    expect(quote('第三句话在第二段café')).toEqual([
      'translations/zh-CN.json source-quote sessions.s1.keyPoints.k1.source',
    ]);
    // Without an aligned source text every quote is taken as it is.
    expect(
      issuesOf((f) => {
        f.sourceText = null;
        delete f.manifest.translations['zh-CN'].sourceText;
        f.zh.aligned = null;
        f.zh.content.sessions.s1.keyPoints.k1.source = 'anything at all';
      }),
    ).toEqual([]);
  });

  it('needs an aligned source text when the pack has one, unless it was declared (and failed to load)', () => {
    const without = (f: Json) => {
      delete f.manifest.translations['zh-CN'].sourceText;
      f.zh.aligned = null;
    };
    expect(issuesOf(without)).toEqual([`manifest.json translation-missing ${ZH}`]);
    expect(issuesOf((f) => (f.zh.aligned = null))).toEqual([]);
    expect(issuesOf((f) => (f.zh.aligned = null), { noSourceFile: true })).toEqual([]);
    expect(
      issuesOf((f) => {
        without(f);
        f.sourceText = null;
      }),
    ).toEqual([]);
    // A translation that carries an aligned text for a pack without source text: nothing to align with.
    expect(issuesOf((f) => (f.sourceText = null))).toEqual([]);
    // Loaded text but no located file (cannot happen from loadTranslations): no alignment is checked.
    expect(issuesOf((f) => (f.zh.aligned.sentences[0].original = 'Nope.'), { noSourceFile: true })).toEqual([]);
  });

  it('refuses translated material whose headings do not pair with the original, and skips missing material', () => {
    const material = (s1: string) => issuesOf((f) => (f.zh.material.s1 = s1));
    expect(material('# 一\n\n文本一。\n\n更多。')).toEqual(['translations/zh-CN/s1.md translation-blocks']);
    expect(material('## 一\n\n文本一。\n\n## 部分\n\n更多。')).toEqual(['translations/zh-CN/s1.md translation-blocks']);
    expect(material('# 一\n\n文本一。\n\n## 部分\n\n第 # 2 段。')).toEqual([]);
    expect(material('# 一\n\n文本一 #二。\n\n## 部分\n\n更多。')).toEqual([]);
    // Only a line that starts with # is a heading, in the original as in the translation.
    expect(issuesOf((f) => (f.material.s1 = '# One\n\nText # one.\n\n## Part\n\nMore.'))).toEqual([]);
    expect(
      issuesOf((f) => {
        delete f.zh.material.s2;
        delete f.zh.content.sessions.s2;
      }),
    ).toEqual(['translations/zh-CN.json translation-missing sessions']);
    const unlisted = issuesOf((f) => {
      delete f.manifest.translations['zh-CN'].material.s1;
    });
    expect(unlisted).toEqual([`manifest.json translation-missing ${ZH}.material`]);
    const noEntry = fixture();
    expect(noEntry.manifest.translations['zh-CN'].material.s1).toBeDefined();
  });
});

describe('alignment of the translated source', () => {
  const aligned = (edit: (sentences: Json[]) => void, source = SOURCE) =>
    issuesOf((f) => {
      edit(f.zh.aligned.sentences);
      f.sourceText = source;
    });
  const at = (i: number, key: string) => `translations/zh-CN/source.json ${key} sentences[${i}]`;

  it('accepts sentences that are the source in order, with any spacing between them', () => {
    expect(aligned(() => {}, 'First sentence here.   Second one here.\n\n\n  Third in paragraph two.  \n')).toEqual([]);
  });

  it('refuses a sentence id used twice, at the second', () => {
    expect(aligned((s) => (s[2].id = 'x1'))).toEqual([`${at(2, 'duplicate-id')}.id`]);
  });

  it('refuses a sentence that is not the next passage, and one that leaves text out', () => {
    // A sentence that is not found leaves the position where it was, so the next one is refused too.
    expect(aligned((s) => (s[1].original = 'Second one there.'))).toEqual([
      `${at(1, 'aligned-source')}.original`,
      `${at(2, 'aligned-source')}.original`,
    ]);
    expect(aligned(() => {}, SOURCE.replace('Second', 'Left out. Second'))).toEqual([
      `${at(1, 'aligned-source')}.original`,
      `${at(2, 'aligned-source')}.original`,
    ]);
    // The first sentence found is in paragraph 1 (x1 is), however many were refused before it.
    expect(aligned((s) => s.reverse())).toEqual([
      `${at(0, 'aligned-source')}.original`,
      `${at(1, 'aligned-source')}.original`,
    ]);
    expect(aligned(() => {}, `Preface. ${SOURCE}`)).toEqual(
      [0, 1, 2].map((i) => `${at(i, 'aligned-source')}.original`),
    );
  });

  it('refuses a source whose end is left untranslated, but not trailing blanks, nor on top of other issues', () => {
    expect(aligned(() => {}, `${SOURCE} Fourth.`)).toEqual(['translations/zh-CN/source.json aligned-source sentences']);
    expect(aligned(() => {}, `${SOURCE}\n\n \t`)).toEqual([]);
    expect(aligned((s) => (s[2].id = 'x1'), `${SOURCE} Fourth.`)).toEqual([`${at(2, 'duplicate-id')}.id`]);
  });

  it('numbers paragraphs from 1, the next one after a line break in the source', () => {
    expect(aligned((s) => (s[0].paragraph = 2))).toEqual([
      `${at(0, 'aligned-paragraph')}.paragraph`,
      `${at(1, 'aligned-paragraph')}.paragraph`,
    ]);
    expect(aligned((s) => (s[1].paragraph = 2))).toEqual([
      `${at(1, 'aligned-paragraph')}.paragraph`,
      `${at(2, 'aligned-paragraph')}.paragraph`,
    ]);
    expect(aligned((s) => (s[2].paragraph = 1))).toEqual([`${at(2, 'aligned-paragraph')}.paragraph`]);
    expect(aligned((s) => (s[2].paragraph = 3))).toEqual([`${at(2, 'aligned-paragraph')}.paragraph`]);
    // After a wrong number the next sentence is counted from the number given.
    expect(
      aligned((s) => {
        s[1].paragraph = 2;
        s[2].paragraph = 3;
      }),
    ).toEqual([`${at(1, 'aligned-paragraph')}.paragraph`]);
    expect(aligned(() => {}, 'First sentence here.\nSecond one here.\n\nThird in paragraph two.')).toEqual([
      `${at(1, 'aligned-paragraph')}.paragraph`,
    ]);
  });
});

describe('the wording of each refusal (studypack build prints it to the author)', () => {
  const said = (edit: (f: Json) => void) => rawIssues(edit).map((i) => i.message);

  it('names what is wrong in the content, the manifest and the material', () => {
    expect(
      said((f) => {
        f.manifest.language = 'zh-CN';
        delete f.manifest.translations['zh-CN'].material.s2;
        delete f.zh.content.sessions.s2;
      }),
    ).toEqual([
      'the pack itself is in "zh-CN"',
      'has no translation of session "s2"',
      'has no translation of session "s2"',
    ]);
    expect(
      said((f) => {
        const q = f.zh.content.sessions.s1.questions;
        q.q4.options = { a: '甲' };
        q.q1.answer = ['a'];
        q.q3.answer = ['每天', '每天'];
      }),
    ).toEqual([
      "only fill questions have translated answers; a single question's answer is the pack's own",
      'accepted answer "每天" is empty or repeats another one once normalised',
      'a truefalse question has no options',
    ]);
    expect(said((f) => delete f.zh.content.sessions.s1.questions.q3.answer)).toEqual([
      'has no accepted answers in this language',
    ]);
    expect(
      said((f) => {
        delete f.manifest.translations['zh-CN'].sourceText;
        f.zh.aligned = null;
      }),
    ).toEqual(['the pack has a source text, so its translation needs an aligned "sourceText"']);
    expect(said((f) => (f.zh.material.s1 = '文本一。'))).toEqual([
      'has 1 blocks (headings and paragraphs); sessions/s1/material.md has 4 in another order of headings: the side-by-side view pairs them one to one',
    ]);
  });

  it('names what is wrong in the aligned source text', () => {
    expect(said((f) => (f.zh.aligned.sentences[2].id = 'x1'))).toEqual(['sentence id "x1" appears twice']);
    expect(said((f) => (f.zh.aligned.sentences[2].paragraph = 1))).toEqual([
      'is 1; the source puts this sentence in paragraph 2',
    ]);
    expect(said((f) => (f.sourceText = `${SOURCE} More.`))).toEqual(['leaves the end of the source text untranslated']);
    expect(said((f) => (f.zh.aligned.sentences[2].original = 'Other.'))).toEqual([
      'is not the next passage of the source text word for word (sentences must follow the source in order, leaving nothing out)',
    ]);
  });
});

describe('translationPaths', () => {
  it('lists content, each material and the aligned source of every language, with where each is named', () => {
    const m = fixture().manifest;
    m.translations.fr = { title: 'fr', content: 'translations/fr.json', material: { s2: 'translations/fr/s2.md' } };
    expect(translationPaths(m as Manifest)).toEqual([
      { at: ['translations', 'zh-CN', 'content'], path: 'translations/zh-CN.json' },
      { at: ['translations', 'zh-CN', 'material', 's1'], path: 'translations/zh-CN/s1.md' },
      { at: ['translations', 'zh-CN', 'material', 's2'], path: 'translations/zh-CN/s2.md' },
      { at: ['translations', 'zh-CN', 'sourceText'], path: 'translations/zh-CN/source.json' },
      { at: ['translations', 'fr', 'content'], path: 'translations/fr.json' },
      { at: ['translations', 'fr', 'material', 's2'], path: 'translations/fr/s2.md' },
    ]);
    delete m.translations;
    expect(translationPaths(m as Manifest)).toEqual([]);
  });
});

describe('loadTranslations', () => {
  function load(files: Record<string, string | null>, edit: (m: Json) => void = () => {}) {
    const m = fixture().manifest;
    edit(m);
    const calls: string[] = [];
    const read: TranslationReaders = {
      bytes: async (at, path) => {
        calls.push(`bytes ${at.join('/')} ${path}`);
        const t = files[path];
        return t === undefined || t === null ? null : Buffer.from(t);
      },
      text: async (at, path) => {
        calls.push(`text ${at.join('/')} ${path}`);
        return files[path] ?? null;
      },
    };
    const issues: PackIssue[] = [];
    return { run: loadTranslations(m as Manifest, read, issues), issues, calls };
  }
  const f = fixture();
  const all: Record<string, string | null> = {
    'translations/zh-CN.json': JSON.stringify(f.zh.content),
    'translations/zh-CN/s1.md': f.zh.material.s1,
    'translations/zh-CN/s2.md': f.zh.material.s2,
    'translations/zh-CN/source.json': JSON.stringify(f.zh.aligned),
  };

  it('reads every file of each translation, naming where in the manifest it is referenced', async () => {
    const { run, issues, calls } = load(all);
    const [t, ...rest] = await run;
    expect(rest).toEqual([]);
    expect(issues).toEqual([]);
    expect(calls).toEqual([
      'bytes translations/zh-CN/content translations/zh-CN.json',
      'text translations/zh-CN/material/s1 translations/zh-CN/s1.md',
      'text translations/zh-CN/material/s2 translations/zh-CN/s2.md',
      'bytes translations/zh-CN/sourceText translations/zh-CN/source.json',
    ]);
    expect(t!.translation).toEqual({
      language: 'zh-CN',
      meta: fixture().manifest.translations['zh-CN'],
      content: f.zh.content,
      material: f.zh.material,
      sourceText: f.zh.aligned,
    });
    expect(t!.contentFile.entry).toBe('translations/zh-CN.json');
    expect(t!.sourceFile?.entry).toBe('translations/zh-CN/source.json');
  });

  it('leaves out material it cannot read, and reads no aligned text that is not declared', async () => {
    const { run, calls } = load({ ...all, 'translations/zh-CN/s2.md': null }, (m) => {
      delete m.translations['zh-CN'].sourceText;
    });
    const [t] = await run;
    expect(t!.translation.material).toEqual({ s1: f.zh.material.s1 });
    expect(Object.keys(t!.translation.material)).toEqual(['s1']);
    expect(t!.translation.sourceText).toBeNull();
    expect(t!.sourceFile).toBeNull();
    expect(calls.filter((c) => c.includes('source'))).toEqual([]);
  });

  it('reports a file that is not JSON or breaks the schema, and drops a translation without usable content', async () => {
    const broken = load({ ...all, 'translations/zh-CN.json': '{"sessions": ' });
    expect(await broken.run).toEqual([]);
    expect(broken.issues.map(brief)).toEqual(['translations/zh-CN.json json-syntax']);

    const wrong = load({ ...all, 'translations/zh-CN.json': '{"sessions": {}, "extra": 1}' });
    expect(await wrong.run).toEqual([]);
    expect(wrong.issues.map(brief)).toEqual(['translations/zh-CN.json schema extra']);

    const missing = load({ ...all, 'translations/zh-CN.json': null });
    expect(await missing.run).toEqual([]);
    expect(missing.issues).toEqual([]);
  });

  it('keeps a translation whose aligned text is broken, without it', async () => {
    const bad = load({ ...all, 'translations/zh-CN/source.json': '{"language": "zh-CN"}' });
    const [t] = await bad.run;
    expect(t!.translation.sourceText).toBeNull();
    expect(t!.sourceFile?.entry).toBe('translations/zh-CN/source.json');
    expect(bad.issues.map((i) => i.rule)).toEqual(['schema', 'schema', 'schema']);

    const gone = load({ ...all, 'translations/zh-CN/source.json': null });
    const [u] = await gone.run;
    expect(u!.sourceFile).toBeNull();
    expect(u!.translation.sourceText).toBeNull();
    expect(gone.issues).toEqual([]);
  });

  it('reads nothing for a pack without translations', async () => {
    const { run, calls } = load(all, (m) => delete m.translations);
    expect(await run).toEqual([]);
    expect(calls).toEqual([]);
  });
});
