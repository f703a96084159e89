import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { violation } from './layering.js';

const root = '/repo';
const at = (p) => path.join(root, p);

describe('layering rule', () => {
  it('lets the renderer import the contract and packages', () => {
    expect(violation(at('renderer/app/App.tsx'), '@contract/errors', root)).toBeNull();
    expect(violation(at('renderer/app/App.tsx'), 'react', root)).toBeNull();
    expect(violation(at('renderer/app/App.tsx'), '../inbox/Inbox', root)).toBeNull();
  });

  it('stops the renderer from importing electron, node builtins or main', () => {
    expect(violation(at('renderer/app/App.tsx'), 'electron', root)).toMatch(/electron/);
    expect(violation(at('renderer/app/App.tsx'), 'node:fs', root)).toMatch(/node/);
    expect(violation(at('renderer/app/App.tsx'), 'path', root)).toMatch(/node/);
    expect(violation(at('renderer/app/App.tsx'), '../../main/settings', root)).toMatch(/main/);
  });

  it('stops the contract from importing anything of ours outside it', () => {
    expect(violation(at('contract/ipc/settings.ts'), '../errors', root)).toBeNull();
    expect(violation(at('contract/ipc/settings.ts'), '../../server-stub/x', root)).toMatch(/server-stub/);
    expect(violation(at('contract/errors.ts'), 'node:crypto', root)).toMatch(/node/);
  });

  it('stops main from importing React and the server from importing electron', () => {
    expect(violation(at('main/window.ts'), 'react', root)).toMatch(/react/);
    expect(violation(at('main/window.ts'), 'react-dom/client', root)).toMatch(/react/);
    expect(violation(at('server-stub/app.ts'), 'electron', root)).toMatch(/electron/);
    expect(violation(at('main/window.ts'), 'electron', root)).toBeNull();
  });

  it('keeps the customer page apart from the seat and from node', () => {
    expect(violation(at('widget/main.ts'), '@contract/webchat', root)).toBeNull();
    expect(violation(at('widget/main.ts'), '../renderer/api/seat-socket', root)).toMatch(/renderer/);
    expect(violation(at('widget/chat/x.ts'), 'node:fs', root)).toMatch(/node/);
    expect(violation(at('widget/call/x.ts'), 'electron', root)).toMatch(/electron/);
  });

  it('lets e2e tests import anything', () => {
    expect(violation(at('e2e/login.spec.ts'), '../server-stub/app', root)).toBeNull();
  });

  it('reports violations through ESLint itself', () => {
    const tester = new RuleTester({ settings: { layering: { rootDir: root } } });
    tester.run('layering', plugin.rules.layering, {
      valid: [{ code: "import x from '@contract/errors';", filename: at('renderer/a.ts') }],
      invalid: [
        { code: "import { app } from 'electron';", filename: at('renderer/a.ts'), errors: 1 },
        { code: "const fs = require('node:fs');", filename: at('contract/a.ts'), errors: 1 },
        { code: "export * from '../main/x';", filename: at('preload/a.ts'), errors: 1 },
      ],
    });
  });
});
