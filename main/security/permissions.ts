/** Details Electron gives with a permission request (MediaAccessPermissionRequest and friends). */
export interface PermissionRequestDetails {
  requestingUrl: string;
  isMainFrame: boolean;
  mediaTypes?: ('video' | 'audio')[];
}

/** Details Electron gives with a permission check. */
export interface PermissionCheckDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
  mediaType?: 'video' | 'audio' | 'unknown';
}

// Reaching the configured server may need Chromium's local-network permissions when the server
// sits on the office LAN or on this machine; they are granted to our own pages and no one else.
const networkPermissions = new Set(['local-network-access', 'local-network', 'loopback-network']);

/** The two permission handlers of the app's session. */
export interface PermissionPolicy {
  request(permission: string, details: PermissionRequestDetails): boolean;
  check(permission: string, requestingOrigin: string, details: PermissionCheckDetails): boolean;
}

/**
 * Our own pages may use the microphone (softphone) and reach the network; nothing else is granted
 * to anyone: no camera, screen, geolocation, web notifications (main shows notifications), USB…
 */
export function createPermissionPolicy(isOwnUrl: (url: string) => boolean): PermissionPolicy {
  return {
    request(permission, details) {
      if (!details.isMainFrame || !isOwnUrl(details.requestingUrl)) return false;
      if (networkPermissions.has(permission)) return true;
      if (permission !== 'media') return false;
      const types = details.mediaTypes ?? [];
      return types.length > 0 && types.every((type) => type === 'audio');
    },
    check(permission, requestingOrigin, details) {
      if (!isOwnUrl(requestingOrigin)) return false;
      if (details.requestingUrl !== undefined && !isOwnUrl(details.requestingUrl)) return false;
      if (networkPermissions.has(permission)) return true;
      return permission === 'media' && details.mediaType === 'audio';
    },
  };
}
