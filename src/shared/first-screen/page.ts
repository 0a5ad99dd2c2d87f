import type { Profile } from '../contract/profiles';
import type { Overview } from '../contract/study';
import type { Settings } from '../contract/app';
import type { Language } from '../languages';
import firstScreenEn from '../locales/app.en.json';
import firstScreenZh from '../locales/app.zh-CN.json';
import { isLargeText, TEXT_SCALE_STEPS } from '../text-scale';
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenAnswers } from './answers';
import { homeMarkup } from './home-markup';

const ROOT = '<div id="root"></div>';

/**
 * The answers as a data block (never run: a JSON type). `<`, `>` and `&` are JSON escapes, so no
 * text from a pack or a profile name (`</script>`, `<!--`) can end the block or start markup.
 */
export function answersBlock(answers: FirstScreenAnswers): string {
  const json = JSON.stringify(answers)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${json}</script>`;
}

/**
 * Home drawn from the answers, when it is what the app's first render will show: a participant is
 * signed in, the content is in the language asked for, and the text size is one Settings offers
 * (styles.css has a rule for it). Else null.
 */
function firstScreen(answers: FirstScreenAnswers): { html: string; language: Language; scale: number } | null {
  const { settings, profiles, overview } = answers;
  if (!settings.ok || !profiles.ok || !overview.ok) return null;
  const s = settings.value as Settings;
  const p = profiles.value as { profiles: Profile[]; activeId: number | null };
  const language = s.language ?? answers.language;
  if ((s.contentLanguage ?? language) !== answers.language) return null;
  if (!(TEXT_SCALE_STEPS as readonly number[]).includes(s.textScale)) return null;
  const profile = p.profiles.find((x) => x.id === p.activeId);
  if (!profile) return null;
  const strings = language === 'zh-CN' ? firstScreenZh : firstScreenEn;
  return { html: homeMarkup(strings, profile, overview.value as Overview), language, scale: s.textScale };
}

/**
 * index.html around its empty #root, so a host can send the part before it (head, scripts,
 * stylesheet) at once and the root when the core has answered. Null for a page without that root.
 */
export function splitAtRoot(index: string): { before: string; after: string } | null {
  const at = index.indexOf(ROOT);
  return at < 0 ? null : { before: index.slice(0, at), after: index.slice(at + ROOT.length) };
}

/**
 * #root with home drawn in it, in the participant's language and text size (attributes of #root:
 * the `<html>` tag has gone out before the answers; styles.css reads them with :has(), and the app
 * moves them to `<html>` when it starts), then the answers for the app to take instead of asking
 * again (api/host-answers.ts). Without answers, the empty root.
 */
export function rootWithFirstScreen(answers: FirstScreenAnswers | null): string {
  if (!answers) return ROOT;
  let screen: ReturnType<typeof firstScreen> = null;
  try {
    screen = firstScreen(answers);
  } catch {
    // A string missing from the locale file: no first screen rather than a wrong one.
  }
  const attrs = screen
    ? ` lang="${screen.language}" data-text-scale="${screen.scale}"${isLargeText(screen.scale) ? ' data-large-text=""' : ''}`
    : '';
  return `<div id="root"${attrs}>${screen?.html ?? ''}</div>${answersBlock(answers)}`;
}

/** index.html with its first screen, in one piece (a host that does not stream). */
export function pageWithFirstScreen(index: string, answers: FirstScreenAnswers | null): string {
  const parts = splitAtRoot(index);
  return parts ? parts.before + rootWithFirstScreen(answers) + parts.after : index;
}
