export { moderateComment, type ModerationResult, type ModerationVerdict } from "./moderate-comment.js";
export type { TermCategory, TermLists } from "./lists/types.js";
