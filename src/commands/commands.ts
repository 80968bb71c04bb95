/**
 * The ribbon's FunctionFile. The planner's ribbon button opens the task pane (ShowTaskpane in the
 * manifest), which needs no code; `action` is registered so an ExecuteFunction button has a
 * handler that always completes rather than leaving Excel waiting.
 */
void Office.onReady(() => {
  Office.actions.associate('action', (event: Office.AddinCommands.Event) => event.completed());
});
