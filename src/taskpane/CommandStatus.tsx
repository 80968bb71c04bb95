import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { PlanSession } from './session';
import { spokenTitle } from './sessionNotices';

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  detail: { marginBottom: tokens.spacingVerticalXXS },
});

/** What the running command is doing, and how the last one ended: always in the same place. */
export function CommandStatus({ session }: { readonly session: PlanSession }) {
  const styles = useStyles();
  const { busy, notice } = session;
  const progress = busy?.progress;
  const place = useRef<HTMLDivElement>(null);
  // The outcome is shown at the top of the panel; bring it into view wherever the button pressed was.
  useEffect(() => {
    if (notice) place.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice]);
  return (
    <div aria-live="polite" ref={place}>
      {busy && (
        <Field
          label={
            progress ? `${busy.label}: ${progress.step} (${progress.done} of ${progress.total})` : `${busy.label}…`
          }
          validationState="none"
        >
          <ProgressBar
            value={progress && progress.total ? progress.done / progress.total : undefined}
            thickness="large"
            aria-label={busy.label}
          />
        </Field>
      )}
      {!busy && notice && (
        <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{spokenTitle(notice.title)}</MessageBarTitle>
            {notice.body}
            {notice.details && notice.details.length > 0 && (
              <ul className={styles.details}>
                {notice.details.slice(0, 12).map((d) => (
                  <li key={d} className={styles.detail}>
                    {d}
                  </li>
                ))}
                {notice.details.length > 12 && <li>… and {notice.details.length - 12} more</li>}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss message"
                size="small"
                onClick={session.dismissNotice}
              >
                ✕
              </Button>
            }
          >
            {notice.actions?.map((a) => (
              <Button key={a.label} size="small" onClick={a.run}>
                {a.label}
              </Button>
            ))}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
