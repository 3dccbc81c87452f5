export function newestChange(dir: string): number;
export function needsBuild(projectRoot?: string): boolean;
