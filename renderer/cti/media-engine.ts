// Audio around the calls, apart from signalling: microphone capture, the ringer, remote audio on
// the speaker, music on hold and the three-way mix. web-audio-media.ts implements it with the
// browser's media APIs; the softphone's tests pass a recording fake.

/** The three audio devices the agent chooses separately (null: the system default). */
export interface AudioDevices {
  ringerDeviceId: string | null;
  speakerDeviceId: string | null;
  microphoneDeviceId: string | null;
}

/** Remote audio playing on the speaker. */
export interface RemoteAudio {
  setSink(deviceId: string | null): void;
  stop(): void;
}

/** Audio input and output devices the machine has, by kind. */
export interface DeviceLists {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
}

/** Everything the softphone does with audio. */
export interface MediaEngine {
  /** A fresh microphone stream (one per call leg, so holding one leg never silences another). */
  microphone(deviceId: string | null): Promise<MediaStream>;
  /** Rings on the ringer device until the returned function is called. */
  ring(deviceId: string | null): () => void;
  /** Plays what the peer connection receives on the speaker device. */
  playRemote(connection: RTCPeerConnection, deviceId: string | null): RemoteAudio;
  /** Sends generated music instead of the microphone on this connection; returns the restore. */
  musicOnHold(connection: RTCPeerConnection): () => void;
  /**
   * Mixes a three-way call: each side hears the agent's microphone plus the other side. Returns
   * the function that puts each side's own microphone back.
   */
  mix(
    first: { connection: RTCPeerConnection; microphone: MediaStream },
    second: { connection: RTCPeerConnection; microphone: MediaStream },
  ): () => void;
  devices(): Promise<DeviceLists>;
}
