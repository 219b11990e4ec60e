import { describe, expect, it } from 'vitest';
import { nextInRotation } from '../auto-assignment.js';
import { canAssign, canChangeTeam, canWorkConversations, type Actor } from '../work-policy.js';

const user = (role: 'admin' | 'supervisor' | 'agent' | 'marketing' | 'viewer', userId = 'me'): Actor => ({ kind: 'user', userId, role });

describe('work policy', () => {
  it('admins, supervisors and API keys assign anyone to anything', () => {
    for (const actor of [user('admin'), user('supervisor'), { kind: 'api-key' } as const]) {
      expect(canAssign(actor, 'someone', 'other')).toBe(true);
      expect(canAssign(actor, 'someone', null)).toBe(true);
    }
  });

  it('an agent takes (self) or releases their own, never someone else', () => {
    const agent = user('agent');
    expect(canAssign(agent, null, 'me')).toBe(true);
    expect(canAssign(agent, 'other', 'me')).toBe(true);
    expect(canAssign(agent, 'me', null)).toBe(true);
    expect(canAssign(agent, 'other', null)).toBe(false);
    expect(canAssign(agent, null, null)).toBe(false);
    expect(canAssign(agent, null, 'other')).toBe(false);
  });

  it('viewers and marketing neither assign nor work conversations', () => {
    for (const actor of [user('viewer'), user('marketing')]) {
      expect(canAssign(actor, null, 'me')).toBe(false);
      expect(canWorkConversations(actor)).toBe(false);
    }
    expect(canWorkConversations(user('agent'))).toBe(true);
  });
});

describe('round-robin rotation', () => {
  it('takes the first id after the cursor and wraps around', () => {
    expect(nextInRotation(['b', 'a', 'c'], null)).toBe('a');
    expect(nextInRotation(['b', 'a', 'c'], 'a')).toBe('b');
    expect(nextInRotation(['b', 'a', 'c'], 'c')).toBe('a');
    // The cursor's agent went offline: the next one after it still gets the turn.
    expect(nextInRotation(['a', 'c'], 'b')).toBe('c');
    expect(nextInRotation([], 'a')).toBeUndefined();
  });
});

describe('canChangeTeam', () => {
  const agent = { kind: 'user' as const, userId: 'a', role: 'agent' as const };
  const mine = new Set(['t1', 't2']);
  it('lets admins, supervisors and API keys move anywhere', () => {
    expect(canChangeTeam({ kind: 'api-key' }, 'x', null, new Set())).toBe(true);
    expect(canChangeTeam({ kind: 'user', userId: 's', role: 'supervisor' }, 'x', 'y', new Set())).toBe(true);
    expect(canChangeTeam({ kind: 'user', userId: 's', role: 'admin' }, null, 'y', new Set())).toBe(true);
  });
  it('keeps an agent within their own teams', () => {
    expect(canChangeTeam(agent, null, 't1', mine)).toBe(true);
    expect(canChangeTeam(agent, 't1', 't2', mine)).toBe(true);
    expect(canChangeTeam(agent, 't1', null, mine)).toBe(true);
    expect(canChangeTeam(agent, null, 'x', mine)).toBe(false);
    expect(canChangeTeam(agent, 'x', 't1', mine)).toBe(false);
    expect(canChangeTeam(agent, 'x', null, mine)).toBe(false);
    expect(canChangeTeam(agent, null, null, mine)).toBe(false);
  });
  it('never lets marketing or viewers', () => {
    expect(canChangeTeam({ kind: 'user', userId: 'v', role: 'viewer' }, null, 't1', new Set(['t1']))).toBe(false);
    expect(canChangeTeam({ kind: 'user', userId: 'm', role: 'marketing' }, null, 't1', new Set(['t1']))).toBe(false);
  });
});
