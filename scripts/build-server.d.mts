/** Types of scripts/build-server.mjs for the TypeScript that imports it (the benchmark). */
export declare const serverDist: string;
export declare const DEFAULT_SERVER_NODE_OPTIONS: string[];
export declare const serverNodeOptions: string[];
export declare const serverEnvironment: Record<string, string>;
export declare function buildServer(extra?: Record<string, string>): Promise<void>;
export declare function buildServerIfNeeded(): Promise<boolean>;
