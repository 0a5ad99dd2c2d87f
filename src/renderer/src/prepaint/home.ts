import type { CallOutput } from '../../../shared/contract';
import type { Profile } from '../../../shared/contract/profiles';
import type { SessionProgress } from '../../../shared/contract/study';
import { percentOf } from '../components/percent';
import { watchedFigures } from '../screens/session/player/watched-figures';
import { h } from './dom';
import { word, type Strings } from './words';

type Overview = CallOutput<'course.overview'>;

/*
 * Home as React renders it (Layout.tsx and screens/Home.tsx): same elements, classes, words and
 * links, so React's first render replaces it without a visible change (tests/e2e/first-paint.spec.ts
 * compares the two). It is `inert` until then: a click on a button with no handler yet would be
 * lost without a word, so nothing in it takes clicks or focus (or reaches a screen reader) for
 * the fraction of a second before React's home replaces it.
 */
const PAINTED = { 'data-prepaint': '', inert: '' };

const NAV: Array<[string, string]> = [
  ['/', 'nav.home'],
  ['/progress', 'nav.progress'],
  ['/search', 'nav.search'],
  ['/source', 'nav.source'],
  ['/library', 'nav.library'],
  ['/settings', 'nav.settings'],
];

function progressBar(value: number, label: string): HTMLElement {
  const percent = percentOf(value);
  const fill = h('div', { class: 'progress-fill' });
  // Through CSSOM, as React does: the CSP's style-src forbids style attributes, not this.
  fill.style.width = `${percent}%`;
  return h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': String(percent),
    },
    fill,
  );
}

function header(w: (key: string) => string, profile: Profile): HTMLElement {
  const links = NAV.map(([to, key]) =>
    h('li', {}, h('a', { href: `#${to}`, ...(to === '/' ? { 'aria-current': 'page', class: 'active' } : {}) }, w(key))),
  );
  return h(
    'header',
    { class: 'app-header', ...PAINTED },
    h('span', { class: 'app-name' }, w('app.name')),
    h('nav', { 'aria-label': w('nav.main') }, h('ul', {}, ...links)),
    h(
      'span',
      { class: 'who' },
      h('span', { title: profile.unit }, profile.name),
      h('span', { class: 'visually-hidden' }, ` · ${profile.unit}`),
      ' ',
      h('button', { type: 'button', class: 'secondary small-button' }, w('nav.switchProfile')),
    ),
  );
}

function card(strings: Strings, s: SessionProgress, lang: string): HTMLElement {
  const watched = watchedFigures(s.watching);
  return h(
    'li',
    { class: `session-card status-${s.status}` },
    h(
      'a',
      { href: `#/session/${s.id}`, class: 'session-link' },
      h('span', { class: 'session-no' }, word(strings, 'home.sessionNo', { n: s.ord })),
      h('span', { class: 'session-title', lang }, s.title),
    ),
    s.summary && h('p', { class: 'session-summary', lang }, s.summary),
    h(
      'p',
      { class: 'session-status' },
      h('span', { class: `badge badge-${s.status}` }, word(strings, `status.${s.status}`)),
      h('span', {}, word(strings, 'session.keyPointsProgress', s.keyPoints)),
      watched &&
        h('span', { class: 'watched-line', 'data-testid': 'watched-line' }, word(strings, watched.key, watched)),
    ),
    progressBar(s.fraction, `${s.title}: ${Math.round(s.fraction * 100)}%`),
  );
}

function home(strings: Strings, data: Overview): Node[] {
  const w = (key: string, values?: Record<string, string | number>) => word(strings, key, values);
  const { pack, overall, resume, sessions } = data;
  const lang = data.language;
  const next = resume
    ? h('a', { class: 'button', href: `#/session/${resume.sessionId}` }, w('home.continue', { title: resume.title }))
    : sessions[0] && h('a', { class: 'button', href: `#/session/${sessions[0].id}` }, w('home.start'));
  return [
    h('h1', { lang }, pack.title),
    pack.description && h('p', { class: 'lead', lang }, pack.description),
    h(
      'section',
      { class: 'card overall', 'aria-labelledby': 'overall' },
      h('h2', { id: 'overall' }, w('home.overall')),
      h('p', {}, w('home.completedOf', { done: overall.completed, total: overall.total })),
      progressBar(overall.fraction, w('home.overall')),
      overall.completedAt && h('p', { class: 'success' }, w('home.classComplete')),
      next,
    ),
    h('h2', {}, w('home.sessions')),
    h('ol', { class: 'session-grid' }, ...sessions.map((s) => card(strings, s, lang))),
  ].filter((n): n is HTMLElement => Boolean(n));
}

/** The signed-in participant's home, header included, as the nodes #root gets. */
export function homeNodes(strings: Strings, profile: Profile, data: Overview): Node[] {
  const w = (key: string) => word(strings, key);
  return [
    h('a', { class: 'skip-link', href: '#main', ...PAINTED }, w('app.skipToContent')),
    header(w, profile),
    h('main', { id: 'main', tabindex: '-1', class: 'page', ...PAINTED }, ...home(strings, data)),
  ];
}
