export * from "./model";
export * from "./policy";
export * from "./reasons";
export * from "./commands";
export * from "./cancel-request";
export * from "./return-case";
export * from "./transitions";
export * from "./machine";
