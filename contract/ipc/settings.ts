import { z } from 'zod';

/** Languages the seat ships catalogues for; 'system' follows the operating system. */
export const languages = ['system', 'en', 'zh-CN'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** Actions that have a global or in-app keyboard shortcut. */
export const hotkeyActions = ['answer', 'hangup', 'hold', 'mute', 'ready', 'notReady', 'focusInbox'] as const;
export const hotkeyActionSchema = z.enum(hotkeyActions);
export type HotkeyAction = z.infer<typeof hotkeyActionSchema>;

// An Electron accelerator: modifiers and one key joined by '+', e.g. "CommandOrControl+Shift+A".
const acceleratorSchema = z
  .string()
  .max(64)
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Escape|Up|Down|Left|Right|Home|End|PageUp|PageDown|Delete|Backspace|Insert|Plus|[-=[\];',./`\\])$/,
    'not a keyboard accelerator such as CommandOrControl+Shift+A',
  );

const deviceIdSchema = z.string().max(512).nullable();

// A SIP user part: RFC 3261's unreserved and user-unreserved characters, never '@', ':' or spaces.
const sipUsernameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[A-Za-z0-9\-_.!~*'()&=+$,;?/]+$/, "must be a SIP user name without spaces, '@' or ':'");

/**
 * One STUN or TURN server for ICE. A TURN server needs a username and credential (the browser
 * refuses one without them); a STUN server takes neither.
 */
export const iceServerSchema = z
  .object({
    urls: z
      .string()
      .max(512)
      .regex(
        /^(stuns?|turns?):[^\s/?#@]+(\?transport=(udp|tcp))?$/i,
        'must be a stun:, stuns:, turn: or turns: URL',
      ),
    username: z.string().min(1, 'must not be empty').max(256).optional(),
    credential: z.string().min(1, 'must not be empty').max(256).optional(),
  })
  .strict()
  .superRefine((server, ctx) => {
    const turn = /^turns?:/i.test(server.urls);
    for (const key of ['username', 'credential'] as const) {
      if (turn && server[key] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a TURN server needs a username and credential',
        });
      if (!turn && server[key] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'only a TURN server takes a username and credential',
        });
    }
  });
export type IceServer = z.infer<typeof iceServerSchema>;
/** How many STUN/TURN servers the phone may be given: a few are plenty, each one slows ICE. */
export const maxIceServers = 8;

// The softphone's fields without defaults, so a patch that leaves one out leaves it unchanged.
const softphoneFields = {
  sipServerUrl: z
    .string()
    .max(512)
    .url()
    .refine((u) => /^wss?:\/\//.test(u), 'must be a ws or wss URL')
    .nullable(),
  sipDomain: z
    .string()
    .max(253)
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'must be a domain name')
    .nullable(),
  sipUsername: sipUsernameSchema.nullable(),
  iceServers: z.array(iceServerSchema).max(maxIceServers, `must list at most ${maxIceServers} servers`),
};

/**
 * Where and as whom the softphone registers. Null fields follow the Seat server: its /sip address,
 * the tenant signed in to and the agent's Seat username; set them to register with another SIP
 * server (ws:// or wss://) and account. No ICE servers by default: on the centre's network host
 * candidates suffice, and an unreachable internet STUN server would only hold up each call.
 */
export const softphoneSettingsSchema = z
  .object({
    // A field left out follows the Seat server: settings saved before a field existed keep working,
    // and a settings file written by hand (or by IT) names only what it changes.
    sipServerUrl: softphoneFields.sipServerUrl.default(null),
    sipDomain: softphoneFields.sipDomain.default(null),
    sipUsername: softphoneFields.sipUsername.default(null),
    iceServers: softphoneFields.iceServers.default([]),
  })
  .strict();
export type SoftphoneSettings = z.infer<typeof softphoneSettingsSchema>;
/** The softphone settings that follow the Seat server (what "Use the Seat server" restores). */
export const seatServerSoftphone: SoftphoneSettings = {
  sipServerUrl: null,
  sipDomain: null,
  sipUsername: null,
  iceServers: [],
};

/** The seat's settings, stored by main in electron-store and validated on every read and write. */
export const settingsSchema = z
  .object({
    serverUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http or https URL'),
    language: languageSchema,
    audio: z
      .object({
        ringerDeviceId: deviceIdSchema,
        speakerDeviceId: deviceIdSchema,
        microphoneDeviceId: deviceIdSchema,
      })
      .strict(),
    hotkeys: z.record(hotkeyActionSchema, acceleratorSchema),
    // Settings saved before the softphone had its own keep working without a fallback warning.
    softphone: softphoneSettingsSchema.default(seatServerSoftphone),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: any top-level field, with audio merged key by key. */
export const settingsPatchSchema = z
  .object({
    serverUrl: settingsSchema.shape.serverUrl.optional(),
    language: languageSchema.optional(),
    audio: settingsSchema.shape.audio.partial().optional(),
    hotkeys: z.record(hotkeyActionSchema, acceleratorSchema).optional(),
    softphone: z.object(softphoneFields).strict().partial().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What a fresh install starts with. */
export const defaultSettings: Settings = {
  serverUrl: 'http://127.0.0.1:7420',
  language: 'system',
  audio: { ringerDeviceId: null, speakerDeviceId: null, microphoneDeviceId: null },
  hotkeys: {
    answer: 'CommandOrControl+Shift+A',
    hangup: 'CommandOrControl+Shift+H',
    hold: 'CommandOrControl+Shift+O',
    mute: 'CommandOrControl+Shift+M',
    ready: 'Alt+Shift+R',
    notReady: 'Alt+Shift+N',
    focusInbox: 'Alt+Shift+I',
  },
  softphone: seatServerSoftphone,
};
