import type { DeviceLists, MediaEngine, RemoteAudio } from './media-engine';

// The media engine on the browser's APIs: getUserMedia for the microphone, WebAudio for the
// generated ring tone, music on hold and the conference mix, HTMLAudioElement.setSinkId to send
// ring and speaker audio to the devices the agent chose.

/** What the engine needs from the page; `window` provides all of it. */
export interface WebAudioDeps {
  mediaDevices: MediaDevices;
  createAudioContext: () => AudioContext;
  createAudioElement: () => HTMLAudioElement;
  warn: (message: string, detail?: unknown) => void;
}

type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

const audioSender = (connection: RTCPeerConnection) =>
  connection.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null) ?? null;

const remoteStream = (connection: RTCPeerConnection) =>
  new MediaStream(
    connection
      .getReceivers()
      .map((r) => r.track)
      .filter((t) => t.kind === 'audio'),
  );

/** Builds the engine. One AudioContext is shared lazily by ring tone, music and mixes. */
export function createWebAudioMedia(deps: WebAudioDeps): MediaEngine {
  let context: AudioContext | null = null;
  const audio = () => {
    context ??= deps.createAudioContext();
    if (context.state === 'suspended') void context.resume();
    return context;
  };

  const play = (element: SinkableAudio, stream: MediaStream, deviceId: string | null) => {
    element.srcObject = stream;
    element.autoplay = true;
    if (deviceId && element.setSinkId)
      element.setSinkId(deviceId).catch((error: unknown) => deps.warn('audio output device refused', error));
    element.play().catch((error: unknown) => deps.warn('audio could not start playing', error));
  };

  /** A two-tone ring (UK style, 400+450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off). */
  const ringTone = () => {
    const ctx = audio();
    const gain = ctx.createGain();
    gain.gain.value = 0;
    for (const frequency of [400, 450]) {
      const osc = ctx.createOscillator();
      osc.frequency.value = frequency;
      osc.connect(gain);
      osc.start();
    }
    const destination = ctx.createMediaStreamDestination();
    gain.connect(destination);
    const cadence = 3;
    const start = ctx.currentTime;
    // Schedule a minute of cadence up front; a call rings for less than that.
    for (let t = 0; t < 60; t += cadence) {
      gain.gain.setValueAtTime(0.2, start + t);
      gain.gain.setValueAtTime(0, start + t + 0.4);
      gain.gain.setValueAtTime(0.2, start + t + 0.6);
      gain.gain.setValueAtTime(0, start + t + 1.0);
    }
    return { stream: destination.stream, stop: () => gain.disconnect() };
  };

  /** A slow arpeggio, quiet enough to talk over: what the caller hears while held. */
  const music = () => {
    const ctx = audio();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    gain.gain.value = 0.08;
    osc.type = 'triangle';
    const notes = [261.63, 329.63, 392.0, 523.25, 392.0, 329.63];
    const start = ctx.currentTime;
    for (let i = 0; i < 600; i++)
      osc.frequency.setValueAtTime(notes[i % notes.length] ?? 440, start + i * 0.5);
    osc.connect(gain);
    const destination = ctx.createMediaStreamDestination();
    gain.connect(destination);
    osc.start();
    return {
      track: destination.stream.getAudioTracks()[0] ?? null,
      stop: () => {
        osc.stop();
        gain.disconnect();
      },
    };
  };

  return {
    microphone: (deviceId) =>
      deps.mediaDevices.getUserMedia({
        audio: deviceId ? { deviceId: { exact: deviceId } } : true,
        video: false,
      }),

    ring(deviceId) {
      const tone = ringTone();
      const element = deps.createAudioElement() as SinkableAudio;
      play(element, tone.stream, deviceId);
      return () => {
        element.pause();
        element.srcObject = null;
        tone.stop();
      };
    },

    playRemote(connection, deviceId): RemoteAudio {
      const element = deps.createAudioElement() as SinkableAudio;
      play(element, remoteStream(connection), deviceId);
      return {
        setSink: (id) => {
          if (element.setSinkId)
            element.setSinkId(id ?? '').catch((error: unknown) => deps.warn('speaker device refused', error));
        },
        stop: () => {
          element.pause();
          element.srcObject = null;
        },
      };
    },

    musicOnHold(connection) {
      const sender = audioSender(connection);
      const own = sender?.track ?? null;
      const tune = music();
      if (!sender || !tune.track) {
        tune.stop();
        return () => {};
      }
      void sender.replaceTrack(tune.track);
      return () => {
        void sender.replaceTrack(own);
        tune.stop();
      };
    },

    mix(first, second) {
      const ctx = audio();
      const senders = [audioSender(first.connection), audioSender(second.connection)];
      const own = senders.map((s) => s?.track ?? null);
      const sources: AudioNode[] = [];
      const outputs = [first, second].map((side, index) => {
        const other = index === 0 ? second : first;
        const destination = ctx.createMediaStreamDestination();
        const mic = ctx.createMediaStreamSource(side.microphone);
        mic.connect(destination);
        sources.push(mic);
        const far = remoteStream(other.connection);
        if (far.getAudioTracks().length > 0) {
          const farSource = ctx.createMediaStreamSource(far);
          farSource.connect(destination);
          sources.push(farSource);
        }
        return destination;
      });
      outputs.forEach((destination, index) => {
        const track = destination.stream.getAudioTracks()[0];
        if (track) void senders[index]?.replaceTrack(track);
      });
      return () => {
        senders.forEach((sender, index) => void sender?.replaceTrack(own[index] ?? null));
        for (const source of sources) source.disconnect();
      };
    },

    async devices(): Promise<DeviceLists> {
      const all = await deps.mediaDevices.enumerateDevices();
      return {
        inputs: all.filter((d) => d.kind === 'audioinput'),
        outputs: all.filter((d) => d.kind === 'audiooutput'),
      };
    },
  };
}
