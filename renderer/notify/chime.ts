// The new-work sound: two short rising tones made with WebAudio (no audio file to ship or load),
// played on the ringer device when one is chosen, so it rings where the agent hears calls ring.

/** The slice of AudioContext the chime uses; tests pass a recording fake. */
export interface ChimeContext {
  readonly currentTime: number;
  readonly destination: AudioNode;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
  close(): Promise<void>;
  /** Chromium's AudioContext.setSinkId (output device); absent in older engines. */
  setSinkId?: (sinkId: string) => Promise<void>;
}

/** The two notes (Hz) and how long each sounds (s). */
export const chimeNotes = [
  { frequency: 660, at: 0, length: 0.16 },
  { frequency: 880, at: 0.18, length: 0.22 },
] as const;

/**
 * Plays the chime once; resolves when it has been scheduled. A ringer device that cannot be used
 * (unplugged, not allowed) is reported and the default output plays it instead: better heard there
 * than not at all.
 */
export async function playChime(
  createContext: () => ChimeContext,
  ringerDeviceId: string | null,
  warn: (message: string) => void,
): Promise<void> {
  const context = createContext();
  if (ringerDeviceId && context.setSinkId) {
    try {
      await context.setSinkId(ringerDeviceId);
    } catch (error) {
      warn(`The ringer device could not be used (${String(error)}); the chime plays on the default output.`);
    }
  }
  const start = context.currentTime + 0.01;
  let last: OscillatorNode | null = null;
  for (const note of chimeNotes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(note.frequency, start + note.at);
    gain.gain.setValueAtTime(0, start + note.at);
    gain.gain.linearRampToValueAtTime(0.25, start + note.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, start + note.at + note.length);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + note.length + 0.02);
    last = oscillator;
  }
  // The context holds an audio device open; it is closed once the last note has ended.
  if (last) last.onended = () => void context.close();
}
