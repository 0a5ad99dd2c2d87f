import type { Overview, SessionProgress } from '../contract/study';
import type { Profile } from '../contract/profiles';
import { percentOf, watchedFigures } from '../progress-figures';
import { el, type Markup } from './markup';
import { word, type Strings } from './words';

/*
 * Home as the renderer's React code draws it (Layout.tsx, screens/Home.tsx, components/ProgressBar.tsx):
 * the same elements, attributes and words, so React's first render replaces it without a visible
 * change (tests/e2e/first-paint.spec.ts compares the two). Its links are plain hash links and work
 * before React has loaded (React starts on the address they set); the two controls that need a
 * script, the skip link and the switch button, are `inert` until React's own replace them, so a
 * click on them is not lost without a word.
 */
const SERVED = { 'data-first-paint': '' };
const NEEDS_SCRIPT = { inert: '' };

const NAV: Array<[string, string]> = [
  ['/', 'nav.home'],
  ['/progress', 'nav.progress'],
  ['/search', 'nav.search'],
  ['/source', 'nav.source'],
  ['/library', 'nav.library'],
  ['/settings', 'nav.settings'],
];

function progressBar(value: number, label: string): Markup {
  const percent = percentOf(value);
  return el(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent,
    },
    el(
      'svg',
      { class: 'progress-fill', viewBox: '0 0 100 1', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      el('rect', { width: percent, height: 1 }),
    ),
  );
}

function header(w: (key: string) => string, profile: Profile): Markup {
  const links = NAV.map(([to, key]) =>
    el(
      'li',
      {},
      el('a', { href: `#${to}`, ...(to === '/' ? { 'aria-current': 'page', class: 'active' } : {}) }, w(key)),
    ),
  );
  return el(
    'header',
    { class: 'app-header', ...SERVED },
    el('span', { class: 'app-name' }, w('app.name')),
    el('nav', { 'aria-label': w('nav.main') }, el('ul', {}, ...links)),
    el(
      'span',
      { class: 'who' },
      el('span', { title: profile.unit }, profile.name),
      el('span', { class: 'visually-hidden' }, ` · ${profile.unit}`),
      ' ',
      el('button', { type: 'button', class: 'secondary small-button', ...NEEDS_SCRIPT }, w('nav.switchProfile')),
    ),
  );
}

function card(strings: Strings, s: SessionProgress, lang: string): Markup {
  const watched = watchedFigures(s.watching);
  return el(
    'li',
    { class: `session-card status-${s.status}` },
    el(
      'a',
      { href: `#/session/${s.id}`, class: 'session-link' },
      el('span', { class: 'session-no' }, word(strings, 'home.sessionNo', { n: s.ord })),
      el('span', { class: 'session-title', lang }, s.title),
    ),
    s.summary && el('p', { class: 'session-summary', lang }, s.summary),
    el(
      'p',
      { class: 'session-status' },
      el('span', { class: `badge badge-${s.status}` }, word(strings, `status.${s.status}`)),
      el('span', {}, word(strings, 'session.keyPointsProgress', s.keyPoints)),
      watched &&
        el('span', { class: 'watched-line', 'data-testid': 'watched-line' }, word(strings, watched.key, watched)),
    ),
    progressBar(s.fraction, `${s.title}: ${Math.round(s.fraction * 100)}%`),
  );
}

function home(strings: Strings, data: Overview): Array<Markup | '' | undefined> {
  const w = (key: string, values?: Record<string, string | number>) => word(strings, key, values);
  const { pack, overall, resume, sessions } = data;
  const lang = data.language;
  const first = sessions[0];
  const next = resume
    ? el('a', { class: 'button', href: `#/session/${resume.sessionId}` }, w('home.continue', { title: resume.title }))
    : first && el('a', { class: 'button', href: `#/session/${first.id}` }, w('home.start'));
  return [
    el('h1', { lang }, pack.title),
    pack.description && el('p', { class: 'lead', lang }, pack.description),
    el(
      'section',
      { class: 'card overall', 'aria-labelledby': 'overall' },
      el('h2', { id: 'overall' }, w('home.overall')),
      el('p', {}, w('home.completedOf', { done: overall.completed, total: overall.total })),
      progressBar(overall.fraction, w('home.overall')),
      overall.completedAt && el('p', { class: 'success' }, w('home.classComplete')),
      next,
    ),
    el('h2', {}, w('home.sessions')),
    el('ol', { class: 'session-grid' }, ...sessions.map((s) => card(strings, s, lang))),
  ];
}

/** The signed-in participant's home, header included: what #root holds until React replaces it. */
export function homeMarkup(strings: Strings, profile: Profile, data: Overview): string {
  const w = (key: string) => word(strings, key);
  return [
    el('a', { class: 'skip-link', href: '#main', ...SERVED, ...NEEDS_SCRIPT }, w('app.skipToContent')),
    header(w, profile),
    el('main', { id: 'main', tabindex: '-1', class: 'page', ...SERVED }, ...home(strings, data)),
  ]
    .map((m) => m.html)
    .join('');
}
