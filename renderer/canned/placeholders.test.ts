import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './placeholders';

describe('fillPlaceholders', () => {
  it('fills the customer, agent and interaction placeholders', () => {
    const filled = fillPlaceholders('Dear {{customer.name}}, I am {{ agent.name }} ({{interaction.id}}).', {
      'customer.name': '陈杰',
      'agent.name': 'Ana',
      'interaction.id': 'i-42',
    });
    expect(filled).toEqual({ text: 'Dear 陈杰, I am Ana (i-42).', unfilled: [] });
  });

  it('leaves unknown placeholders visible and lists them once', () => {
    const filled = fillPlaceholders('{{order.number}} and {{order.number}} for {{customer.name}}', {
      'customer.name': 'Li',
    });
    expect(filled.text).toBe('{{order.number}} and {{order.number}} for Li');
    expect(filled.unfilled).toEqual(['order.number']);
  });

  it('leaves a known placeholder visible when it has no value', () => {
    const filled = fillPlaceholders('Dear {{customer.name}},', { 'customer.name': null });
    expect(filled).toEqual({ text: 'Dear {{customer.name}},', unfilled: ['customer.name'] });
    expect(fillPlaceholders('{{customer.name}}', { 'customer.name': '  ' }).unfilled).toEqual([
      'customer.name',
    ]);
  });

  it('does not treat inherited object keys as values', () => {
    expect(fillPlaceholders('{{constructor}} {{toString}}', {}).text).toBe('{{constructor}} {{toString}}');
  });

  it('inserts values literally, even ones that look like replacement patterns or placeholders', () => {
    expect(fillPlaceholders('{{customer.name}}', { 'customer.name': "$& $' {{agent.name}}" }).text).toBe(
      "$& $' {{agent.name}}",
    );
  });
});
