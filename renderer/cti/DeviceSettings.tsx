import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@contract/ipc/settings';
import type { DeviceLists } from './media-engine';

/** Props of the audio device choice. */
export interface DeviceSettingsProps {
  audio: Settings['audio'];
  loadDevices: () => Promise<DeviceLists>;
  onChange: (audio: Partial<Settings['audio']>) => void;
}

type Field = keyof Settings['audio'];
const fields: Array<{ field: Field; kind: keyof DeviceLists; testId: string }> = [
  { field: 'ringerDeviceId', kind: 'outputs', testId: 'cti-ringer-device' },
  { field: 'speakerDeviceId', kind: 'outputs', testId: 'cti-speaker-device' },
  { field: 'microphoneDeviceId', kind: 'inputs', testId: 'cti-microphone-device' },
];

/** Ringer, speaker and microphone, each chosen on its own and saved in settings. */
export function DeviceSettings({ audio, loadDevices, onChange }: DeviceSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [devices, setDevices] = useState<DeviceLists>({ inputs: [], outputs: [] });
  useEffect(() => {
    let live = true;
    loadDevices().then(
      (lists) => live && setDevices(lists),
      (error: unknown) => console.warn('[cti] audio devices could not be listed', error),
    );
    return () => {
      live = false;
    };
  }, [loadDevices]);

  return (
    <fieldset className="cti-devices" data-testid="cti-devices">
      <legend>{t('cti.devices.title')}</legend>
      {fields.map(({ field, kind, testId }) => (
        <div key={field} className="cti-devices__row">
          <label htmlFor={`${id}-${field}`}>{t(`cti.devices.${field}`)}</label>
          <select
            id={`${id}-${field}`}
            data-testid={testId}
            value={audio[field] ?? ''}
            onChange={(e) => onChange({ [field]: e.target.value || null })}
          >
            <option value="">{t('cti.devices.systemDefault')}</option>
            {devices[kind]
              .filter((d) => d.deviceId && d.deviceId !== 'default')
              .map((d, index) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('cti.devices.unnamed', { n: index + 1 })}
                </option>
              ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
