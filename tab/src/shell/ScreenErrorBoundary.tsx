import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
});

function ScreenFailed({ onRetry }: { onRetry: () => void }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div role="alert" className={styles.box}>
      <p>{t('shell.screenFailed')}</p>
      <Button onClick={onRetry}>{t('shell.retry')}</Button>
    </div>
  );
}

type Props = {
  children: ReactNode;
  onRetry: () => void;
  /** Called once the failure message is on screen. */
  onFailureShown?: () => void;
};

/** Keeps the shell usable when a screen fails to download or render, with a way to try again. */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed', error);
    this.props.onFailureShown?.();
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ScreenFailed
        onRetry={() => {
          this.props.onRetry();
          this.setState({ failed: false });
        }}
      />
    );
  }
}
