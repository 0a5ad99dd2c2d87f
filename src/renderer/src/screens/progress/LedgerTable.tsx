import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../../shared/contract/watch';
import { basisText, hoursText, minutesOf } from './creditWords';

/**
 * The 学时 ledger: minutes read and watched per session, the credit earned and the rule that
 * granted it, and the totals. A pack that grants no credit hours says so once and keeps the minutes.
 */
export function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const credit = ledger.grantsCredit;
  const media = ledger.sessions.some((s) => s.mediaSeconds > 0);
  const sum = (f: (s: Ledger['sessions'][number]) => number) => ledger.sessions.reduce((a, s) => a + f(s), 0);
  const reading = sum((s) => s.readingSeconds);
  const watching = sum((s) => s.watchingSeconds);
  return (
    <section className="card ledger no-print" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('ledger.title')}</h2>
      <p className="ledger-total" data-testid="ledger-total">
        {credit
          ? t('ledger.totalLine', {
              minutes: minutesOf(ledger.totalSeconds),
              credit: hoursText(ledger.totalCredit, lang),
            })
          : t('ledger.totalLineNoCredit', { minutes: minutesOf(ledger.totalSeconds) })}
      </p>
      {!credit && (
        <p className="ledger-no-credit" data-testid="ledger-no-credit">
          {t('ledger.noCredit')}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('ledger.caption')}>
        <table className="records-table ledger-table">
          <caption className="visually-hidden">{t('ledger.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.session')}</th>
              <th scope="col" className="num">
                {t('ledger.reading')}
              </th>
              <th scope="col" className="num">
                {t('ledger.watching')}
              </th>
              {media && (
                <th scope="col" className="num">
                  {t('ledger.watched')}
                </th>
              )}
              {credit && (
                <>
                  <th scope="col" className="num">
                    {t('ledger.credit')}
                  </th>
                  <th scope="col">{t('ledger.rule')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {ledger.sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <span className="session-no">{t('records.sessionNo', { n: s.ord })}</span> {s.title}
                </th>
                <td className="num">{minutesOf(s.readingSeconds)}</td>
                <td className="num">{minutesOf(s.watchingSeconds)}</td>
                {media && (
                  <td className="num">
                    {s.mediaSeconds > 0
                      ? t('ledger.watchedValue', {
                          watched: minutesOf(s.watchedSeconds),
                          total: minutesOf(s.mediaSeconds),
                        })
                      : '—'}
                  </td>
                )}
                {credit && (
                  <>
                    <td className="num">
                      {hoursText(s.credit, lang)}
                      {!s.complete && s.basis.kind !== 'none' && (
                        <span className="visually-hidden">{t('ledger.notComplete')}</span>
                      )}
                    </td>
                    <td>{basisText(t, s.basis, lang)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('ledger.total')}</th>
              <td className="num">{minutesOf(reading)}</td>
              <td className="num">{minutesOf(watching)}</td>
              {media && (
                <td className="num">
                  {t('ledger.watchedValue', {
                    watched: minutesOf(sum((s) => s.watchedSeconds)),
                    total: minutesOf(sum((s) => s.mediaSeconds)),
                  })}
                </td>
              )}
              {credit && (
                <>
                  <td className="num" data-testid="ledger-total-credit">
                    {hoursText(ledger.totalCredit, lang)}
                  </td>
                  <td />
                </>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
