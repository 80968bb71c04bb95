import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';
import type { Feature } from './feature';
import type { PlanSession } from './session';

/**
 * Where a tab's panel goes. A panel fetched on first use shows, while it comes, a progress bar that
 * screen readers announce; if the fetch fails (the network dropped), a message with Try again
 * instead of an empty pane.
 */
export function PanelSlot({ feature, session }: { readonly feature: Feature; readonly session: PlanSession }) {
  return (
    <PanelFailure key={feature.id} feature={feature}>
      <Suspense fallback={<PanelLoading label={feature.label} />}>
        <feature.component session={session} />
      </Suspense>
    </PanelFailure>
  );
}

function PanelLoading({ label }: { readonly label: string }) {
  return (
    <div role="status">
      <Field label={`Opening ${label}…`} validationState="none">
        <ProgressBar thickness="large" aria-label={`Opening ${label}`} />
      </Field>
    </div>
  );
}

interface FailureProps {
  readonly feature: Feature;
  readonly children: ReactNode;
}

/** React reports a failed fetch of a lazy panel only to an error boundary, which must be a class. */
class PanelFailure extends Component<FailureProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  private readonly tryAgain = () => {
    this.props.feature.retry?.();
    this.setState({ failed: false });
  };

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.props.feature.label} didn't open</MessageBarTitle>
          The planner couldn't fetch this tab. Check the connection, then try again; nothing in the workbook has
          changed.
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={this.tryAgain}>
            Try again
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
