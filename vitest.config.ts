import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contract = fileURLToPath(new URL('./contract', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@contract': contract } },
  test: {
    projects: [
      {
        resolve: { alias: { '@contract': contract } },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'contract/**/*.test.ts',
            'server-stub/**/*.test.ts',
            'main/**/*.test.ts',
            'preload/**/*.test.ts',
            'eslint/**/*.test.{js,ts}',
            'scripts/**/*.test.{js,ts,mjs}',
          ],
        },
      },
      {
        resolve: { alias: { '@contract': contract } },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}', 'widget/**/*.test.ts'],
        },
      },
    ],
  },
});
