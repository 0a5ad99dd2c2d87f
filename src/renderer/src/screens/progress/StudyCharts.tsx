import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionProgress } from '../../../../shared/contract/study';
import type { Ledger } from '../../../../shared/contract/watch';
import { BarChart } from './BarChart';
import { DAYS, lastDays } from './studyDays';
import './charts.css';

/**
 * "My progress" as pictures: minutes studied per day and progress per session (uPlot, in a chunk
 * of its own, loaded after the page). Each chart has a visible title, a one-line summary and the
 * same numbers as a visually hidden table for screen readers.
 */
export function StudyCharts({ ledger, sessions }: { ledger: Ledger; sessions: SessionProgress[] }) {
  const { t, i18n } = useTranslation();
  const days = useMemo(() => lastDays(ledger.days), [ledger.days]);
  const dayLabels = useMemo(
    () =>
      days.map((d) =>
        new Date(`${d.day}T12:00:00`).toLocaleDateString(i18n.language, { month: 'numeric', day: 'numeric' }),
      ),
    [days, i18n.language],
  );
  const dayValues = useMemo(() => days.map((d) => d.minutes), [days]);
  // Bare numbers under the bars, the word once as the axis name: "Session 1" six times does not fit.
  const sessionTicks = useMemo(() => sessions.map((s) => String(s.ord)), [sessions]);
  const sessionLabels = useMemo(() => sessions.map((s) => t('charts.sessionNo', { n: s.ord })), [sessions, t]);
  const sessionValues = useMemo(() => sessions.map((s) => Math.round(s.fraction * 100)), [sessions]);
  const done = sessions.filter((s) => s.status === 'complete').length;
  const total = dayValues.reduce((a, b) => a + b, 0);
  return (
    <section className="card study-charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('charts.title')}</h2>
      <div className="chart-grid">
        <figure className="chart" aria-labelledby="chart-days-title" aria-describedby="chart-days-summary">
          <figcaption>
            <h3 id="chart-days-title">{t('charts.perDay')}</h3>
            <p id="chart-days-summary" className="small">
              {t('charts.perDaySummary', {
                days: DAYS,
                minutes: total,
                active: dayValues.filter((m) => m > 0).length,
              })}
            </p>
          </figcaption>
          <BarChart labels={dayLabels} values={dayValues} />
          <table className="visually-hidden">
            <caption>{t('charts.perDayCaption', { days: DAYS })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.day')}</th>
                <th scope="col">{t('charts.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabels[i]}</th>
                  <td>{d.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <figure className="chart" aria-labelledby="chart-sessions-title" aria-describedby="chart-sessions-summary">
          <figcaption>
            <h3 id="chart-sessions-title">{t('charts.perSession')}</h3>
            <p id="chart-sessions-summary" className="small">
              {t('charts.perSessionSummary', { done, total: sessions.length })}
            </p>
          </figcaption>
          <BarChart
            labels={sessionTicks}
            values={sessionValues}
            max={100}
            colour="#1b6e3a"
            xLabel={t('charts.session')}
          />
          <table className="visually-hidden">
            <caption>{t('charts.perSessionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.session')}</th>
                <th scope="col">{t('charts.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, i) => (
                <tr key={s.id}>
                  <th scope="row">
                    {sessionLabels[i]} {s.title}
                  </th>
                  <td>{sessionValues[i]}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
    </section>
  );
}
