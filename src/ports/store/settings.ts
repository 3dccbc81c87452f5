// Small key/value configuration kept in the database.

/** Small key/value configuration kept in the database (the Teams progress channel…). */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, now: Date): Promise<void>;
  delete(key: string): Promise<void>;
}
