import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/library';
import { materialBlocks } from '../../../../shared/pack/aligned';
import { Markdown } from '../../components/Markdown';
import { languageName } from '../../components/languageName';

export interface Column {
  language: string;
  /** Markdown material (or plain paragraphs), cut into blocks the same way the verifier pairs them. */
  text: string;
}

/**
 * Two languages paragraph by paragraph (中英对照). A translated pack's material has the same blocks
 * in the same order as the original (the verifier refuses anything else), so row i of one column
 * renders row i of the other.
 */
export function SideBySide({
  left,
  right,
  plain = false,
  media,
}: {
  left: Column;
  right: Column;
  plain?: boolean;
  /** The session's media, which the material may show by pack path. */
  media?: readonly MediaEntry[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const a = materialBlocks(left.text);
  const b = materialBlocks(right.text);
  const rows = Math.max(a.length, b.length);
  const cell = (text: string | undefined, language: string) =>
    text === undefined ? (
      <div lang={language} />
    ) : plain ? (
      <p lang={language}>{text}</p>
    ) : (
      <div lang={language}>
        <Markdown text={text} media={media} />
      </div>
    );
  return (
    <div className="side-by-side" data-testid="side-by-side">
      <div className="side-by-side-row side-by-side-head" aria-hidden="true">
        <span>{languageName(left.language, t, i18n.language)}</span>
        <span>{languageName(right.language, t, i18n.language)}</span>
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="side-by-side-row">
          {cell(a[i], left.language)}
          {cell(b[i], right.language)}
        </div>
      ))}
    </div>
  );
}
