import type { SeatBridge } from '@contract/ipc/channels';
import { defaultSettings } from '@contract/ipc/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { getHost } from './index';

describe('getHost', () => {
  afterEach(() => {
    delete window.seat;
    window.localStorage.clear();
  });

  it('uses the browser host when there is no preload bridge', async () => {
    const host = getHost();
    expect(host.kind).toBe('browser');
    expect((await host.getSettings()).language).toBe(defaultSettings.language);
  });

  it('uses the preload bridge when window.seat exists', async () => {
    window.seat = { getSettings: async () => ({ ...defaultSettings, language: 'en' }) } as SeatBridge;
    const host = getHost();
    expect(host.kind).toBe('electron');
    expect((await host.getSettings()).language).toBe('en');
  });

  it("lets two hosts of one page see each other's settings changes", async () => {
    const seen: string[] = [];
    const stop = getHost().onSettingsChanged((s) => seen.push(s.language));
    await getHost().setSettings({ language: 'zh-CN' });
    stop();
    expect(seen).toEqual(['zh-CN']);
  });
});
