/** Errors are UI, not a blank page: a view that throws shows a message and a retry button instead. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../../i18n';

interface Props {
  /** i18n key of the view's name, for the message. */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(_error: Error, _info: ErrorInfo) {
    // Reported by the root's onCaughtError as one line; nothing else to do.
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <div role="alert" className="flex h-full flex-col items-start gap-2 overflow-auto p-3 text-[15px] text-red-900">
        <p className="font-semibold">{t('error.view', { view: t(this.props.name) })}</p>
        <p className="font-mono text-sm break-all">{error.message}</p>
        <button
          type="button"
          className="rounded border border-red-700 px-3 py-1 font-medium hover:bg-red-50"
          onClick={() => this.setState({ error: null })}
        >
          {t('error.retry')}
        </button>
      </div>
    );
  }
}
