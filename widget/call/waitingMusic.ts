// Music while the caller waits, generated in the page with WebAudio (no audio file to download or
// license): a slow arpeggio of soft sine notes, looped until stopped.

/** A note of the loop: frequency in Hz, start and length in seconds from the start of the loop. */
export interface Note {
  frequency: number;
  start: number;
  length: number;
}

/** The loop: a I–vi–IV–V progression in C, one arpeggiated chord per second. */
export function waitingMelody(): { notes: Note[]; loopSeconds: number } {
  const chords = [
    [261.63, 329.63, 392.0],
    [220.0, 261.63, 329.63],
    [174.61, 220.0, 261.63],
    [196.0, 246.94, 293.66],
  ];
  const notes = chords.flatMap((chord, c) =>
    chord.map((frequency, n) => ({ frequency, start: c + n * 0.25, length: 0.6 })),
  );
  return { notes, loopSeconds: chords.length };
}

/** The subset of AudioContext the player uses (so tests can pass a fake). */
export type AudioContextLike = Pick<
  AudioContext,
  'createOscillator' | 'createGain' | 'destination' | 'currentTime' | 'close' | 'resume'
>;

/** Starts the music; returns the function that stops it. */
export function playWaitingMusic(
  createContext: () => AudioContextLike,
  schedule: typeof setInterval = setInterval,
): () => void {
  const context = createContext();
  void context.resume().catch(() => undefined);
  const { notes, loopSeconds } = waitingMelody();
  let loopStart = context.currentTime + 0.05;
  const queueLoop = () => {
    for (const note of notes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      const at = loopStart + note.start;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.05);
      gain.gain.linearRampToValueAtTime(0, at + note.length);
      oscillator.connect(gain);
      gain.connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + note.length + 0.05);
    }
    loopStart += loopSeconds;
  };
  queueLoop();
  // Schedule each next loop a little ahead of time, so the music never pauses between loops.
  const timer = schedule(() => {
    if (loopStart - context.currentTime < 1) queueLoop();
  }, 250);
  return () => {
    clearInterval(timer);
    void context.close().catch(() => undefined);
  };
}
