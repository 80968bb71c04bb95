import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Removing a scheme drops its figures for every year, so it asks first, beside the button pressed. */
export function RemoveScheme({
  who,
  name,
  remove,
}: {
  readonly who: string;
  readonly name: string;
  readonly remove: () => void;
}) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div className={styles.actions}>
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setAsking(true)}>
          Remove scheme {who}
        </Button>
      </div>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        Remove scheme {who}
        {name ? ` (${shorten(name, 40)})` : ''} and its costs and benefits for every year? It leaves the workbook when
        the tables are next generated.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={remove}>
          Remove
        </Button>
        <Button size="small" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A long name shown in a header or message: its start, so the layout holds whatever was typed. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
