import { COMMAND_NAMES, loadAllCommands, loadCommand } from '../src/cli/commands';

describe('the commands bcf loads on demand', () => {
  it('names each command as its own module does, in the same order', async () => {
    const commands = await loadAllCommands();
    expect(commands.map((c) => c.name)).toEqual(COMMAND_NAMES);
  });

  it('loads the one command asked for, and nothing for a name bcf does not have', async () => {
    expect((await loadCommand('audit'))?.name).toBe('audit');
    expect(await loadCommand('rebuild')).toBeUndefined();
  });
});
