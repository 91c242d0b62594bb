export * from "./lifetime/index.js";
