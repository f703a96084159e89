import { z } from 'zod';

/** What the customer page is told by its URL: which tenant it serves and, optionally, a preset queue. */
export interface WidgetConfig {
  /** The tenant's slug, e.g. `demo`. */
  tenant: string;
  /** A queue slug to call or chat with directly; the customer picks one when absent. */
  queue: string | null;
  /** Origin of the Seat server: the page's own, as the server serves the widget. */
  serverOrigin: string;
}

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only');

const querySchema = z.object({
  tenant: slug.default('demo'),
  queue: slug.nullable().default(null),
});

/**
 * Reads the widget's settings from the page URL (`/widget/?tenant=demo&queue=demo-queue-general`).
 * A page embedded on a customer's site is configured by its link, so bad values are reported on the
 * page instead of silently falling back to another tenant.
 */
export function readWidgetConfig(location: Pick<Location, 'search' | 'origin'>): WidgetConfig {
  const params = new URLSearchParams(location.search);
  const parsed = querySchema.safeParse({
    tenant: params.get('tenant') ?? undefined,
    queue: params.get('queue') ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The page link is not valid (${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  return { ...parsed.data, serverOrigin: location.origin };
}
