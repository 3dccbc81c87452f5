// Small key/value configuration kept in the database.

/** Small key/value configuration kept in the database (the Teams progress channel…). */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, now: Date): Promise<void>;
  /** Stores `value` unless the key exists; returns what is stored (the first writer wins, across instances). */
  createIfAbsent(key: string, value: string, now: Date): Promise<string>;
  delete(key: string): Promise<void>;
}
