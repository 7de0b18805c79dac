export * from "./model";
export * from "./policy";
export * from "./reasons";
export * from "./machine";
