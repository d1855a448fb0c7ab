import crypto from 'node:crypto';
import type { Role } from '../../../shared/roles';

export interface Session {
  token: string;
  /** Shown to the admin instead of the token, which must never leave the server. */
  id: string;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** Set after an admin reset: only the password change is allowed until it is done. */
  mustChangePassword: boolean;
  createdAt: number;
  lastSeen: number;
  /** Where the desk connects from, for the admin's "connected desks" list. */
  origin: string;
}

/**
 * Sessions live in memory: a restored backup or a restarted host must not resurrect old logins,
 * and checking a session must not write to the database on every request.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs: () => number, private readonly clock: () => number = Date.now) {}

  create(user: { id: number; username: string; displayName: string; role: Role; mustChangePassword: boolean }, origin: string): Session {
    const token = crypto.randomBytes(32).toString('base64url');
    const now = this.clock();
    const s: Session = {
      token,
      id: crypto.randomBytes(6).toString('hex'),
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      createdAt: now,
      lastSeen: now,
      origin,
    };
    this.sessions.set(token, s);
    return s;
  }

  /** Returns the live session and refreshes its idle timer, or null if unknown or idle too long. */
  touch(token: string | undefined): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock();
    if (now - s.lastSeen > this.idleMs()) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s;
  }

  end(token: string): boolean {
    return this.sessions.delete(token);
  }

  endById(id: string): Session | null {
    for (const [t, s] of this.sessions) {
      if (s.id === id) {
        this.sessions.delete(t);
        return s;
      }
    }
    return null;
  }

  endForUser(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }

  list(): Session[] {
    const now = this.clock();
    return [...this.sessions.values()].filter((s) => now - s.lastSeen <= this.idleMs());
  }

  /** Keeps role and name current after an admin edits the user; ends sessions of disabled users. */
  refreshUser(user: { id: number; displayName: string; role: Role; active: boolean }): void {
    for (const [t, s] of this.sessions) {
      if (s.userId !== user.id) continue;
      if (!user.active) this.sessions.delete(t);
      else {
        s.role = user.role;
        s.displayName = user.displayName;
      }
    }
  }
}
