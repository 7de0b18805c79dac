/** The platform's API paths at the server's root (issue 31): signed calls from programs, answered by lib/server/api/gateway.ts. Pure. */
export const PLATFORM_API_PATH = /^\/(api\/v2|authorization|return_refund|order|event|sandbox)\//;
