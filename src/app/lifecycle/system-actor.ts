// Who the audit log names when the bot itself acts (quarter rollover, retention), not a manager.
export const SYSTEM_ACTOR = "system";
