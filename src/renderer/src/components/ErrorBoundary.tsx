import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../router';

function ScreenFailed({ onBack }: { onBack?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error screen-error">
      <h1>{t('screenError.title')}</h1>
      <p>{t('screenError.body')}</p>
      <Link to="/" onClick={onBack}>
        {t('screenError.home')}
      </Link>
    </div>
  );
}

/**
 * One screen that fails to render (a pack the renderer cannot show, a bug) replaces that screen
 * only, with a message in the participant's language and a way back; the header and navigation
 * stay. Reset when the participant navigates elsewhere.
 */
class Boundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A screen failed to render:', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

export function ScreenBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
