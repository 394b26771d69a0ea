import { InvalidConfigurationError, builtOnFirstEvent } from '../../src/index.js';

describe('builtOnFirstEvent', () => {
  it('builds nothing until the first event, then once', async () => {
    const build = jest.fn(() => async (event: number) => event * 2);
    const handler = builtOnFirstEvent(build);
    expect(build).not.toHaveBeenCalled();
    await expect(handler(2)).resolves.toBe(4);
    await expect(handler(3)).resolves.toBe(6);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('fails the event whose build fails, and tries again on the next', async () => {
    let setting = 'wrong';
    const handler = builtOnFirstEvent(() => {
      if (setting === 'wrong') throw new InvalidConfigurationError('THRESHOLD is wrong');
      return async () => 'ok';
    });
    await expect(handler(undefined)).rejects.toBeInstanceOf(InvalidConfigurationError);
    setting = 'right';
    await expect(handler(undefined)).resolves.toBe('ok');
  });
});
