import { z } from 'zod';

/** A rectangle on the desktop in screen coordinates (DIP). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered about the main window between runs. */
export interface WindowState {
  bounds: Rect;
  maximised: boolean;
}

/** A monitor: the part of it windows may use (without task bar or dock). */
export interface DisplayLike {
  workArea: Rect;
}

/** The smallest window the seat's layout still works in. */
export const minimumSize = { width: 800, height: 600 } as const;

const rectSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(minimumSize.width).max(100_000),
  height: z.number().int().min(minimumSize.height).max(100_000),
});
export const windowStateSchema = z.object({ bounds: rectSchema, maximised: z.boolean() });

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    width,
    height,
    x: Math.min(Math.max(bounds.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(bounds.y, area.y), area.y + area.height - height),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    width,
    height,
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
  };
}

/**
 * Where to open the window: the remembered bounds, moved and shrunk to lie wholly on the display
 * they overlap most (a monitor may have been unplugged or the resolution lowered since), or the
 * default size centred on the primary display when nothing valid was remembered or it is off-screen.
 */
export function placeWindow(
  saved: unknown,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  defaultSize: { width: number; height: number },
): WindowState {
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: centred(defaultSize, primary.workArea), maximised: false };
  const { bounds, maximised } = parsed.data;
  let best: DisplayLike | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(bounds, display.workArea);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  if (!best)
    return { bounds: centred({ width: bounds.width, height: bounds.height }, primary.workArea), maximised };
  return { bounds: clampInto(bounds, best.workArea), maximised };
}
